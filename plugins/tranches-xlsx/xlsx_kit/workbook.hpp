#pragma once
/// A libxlsxwriter workbook with the project's conventions: document properties whose creation
/// date comes from the inputs (byte-identical builds, outputs.md), one set of French formats,
/// and errors turned into exceptions at close.
#include <xlsxwriter.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "tampon/date.hpp"

namespace tampon::xlsx {

/// The cell formats every sheet shares. Number formats are stored in Excel's neutral notation;
/// a French Excel or LibreOffice shows `# ##0,00 €` and `jj/mm/aaaa`.
struct Formats {
  lxw_format* header = nullptr;       ///< bold, light fill, bottom border, on one line
  lxw_format* header_wrap = nullptr;  ///< same, wrapped on up to three lines (long headers)
  /// Plain text: the workbook's default format (a null pointer). An added format with no
  /// property would equal the default one, and libxlsxwriter caches the style index only of the
  /// first of two equal formats: every cell written with the second would hash the whole format
  /// again (a sixth of the global ledger's time, measured).
  lxw_format* text = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* integer = nullptr;
  lxw_format* money = nullptr;        ///< `#,##0.00 "€"`
  lxw_format* money_total = nullptr;  ///< same, bold with a top border
  lxw_format* date = nullptr;         ///< `dd/mm/yyyy`
  lxw_format* month = nullptr;        ///< `mm/yyyy`
  lxw_format* percent = nullptr;      ///< `0%`
  lxw_format* rate = nullptr;         ///< `0.0%`
  lxw_format* flagged = nullptr;      ///< text on an orange fill (tranche due after a rupture)
  lxw_format* title = nullptr;        ///< bold, larger
  lxw_format* note = nullptr;         ///< italic
};

struct DocInfo {
  std::string title;
  std::string subject;
  std::string keywords;
  Date created;  ///< the reference date (--as-of): never the clock
};

/// Where libxlsxwriter writes its scratch files: one for each part of the package (some
/// fifteen per workbook, each created, written, read back and deleted at close) and one per
/// worksheet in constant-memory mode.
enum class Scratch {
  /// The system's temporary folder: for a big workbook (the global ledger), whose scratch files
  /// are as big as its XML.
  System,
  /// Memory (`/dev/shm` when it is a writable folder, else as System): for the thousands of
  /// small workbooks (statements, justifications). On a disk file system, creating and deleting
  /// their scratch files costs more than writing them: measured, half the CPU time of the 5 000
  /// statements went to ext4 inode allocation slowed down by recently deleted inodes.
  Memory,
};

class Workbook {
 public:
  Workbook(const std::filesystem::path& path, bool constant_memory, const DocInfo& info,
           Scratch scratch = Scratch::System);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  /// Adds a sheet; throws when the name is not a valid sheet name.
  lxw_worksheet* add_sheet(std::string_view name);
  const Formats& formats() const { return m_formats; }
  /// Writes the file. Throws tampon::Fatal with libxlsxwriter's message on failure.
  void close();

 private:
  void make_formats();
  lxw_workbook* m_book = nullptr;
  Formats m_formats;
  DocInfo m_info;  // libxlsxwriter keeps the pointers until close
  std::string m_path;
};

}  // namespace tampon::xlsx
