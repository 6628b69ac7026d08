#pragma once
/// A libxlsxwriter workbook with the project's conventions: document properties whose creation
/// date comes from the inputs (byte-identical builds, outputs.md), one set of French formats,
/// and errors turned into exceptions at close.
#include <xlsxwriter.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "tampon/date.hpp"
#include "tampon/emitter.hpp"

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
  /// Form cells the reader fills in (render/xlsx/form.hpp): unlocked under sheet protection, on
  /// the DSFR's input colours (`.fr-input`: grey #EEEEEE fill, #3A3A3A line underneath).
  lxw_format* input_money = nullptr;  ///< money format, unlocked
  lxw_format* input_date = nullptr;   ///< `dd/mm/yyyy`, unlocked
  lxw_format* input_text = nullptr;   ///< wrapped text, unlocked
  lxw_format* wrapped = nullptr;      ///< text wrapped at the column's width, top-aligned
};

struct DocInfo {
  std::string title;
  std::string subject;
  std::string keywords;
  Date created;  ///< the reference date (--as-of): never the clock
};

/// How big a workbook gets, which decides how libxlsxwriter holds and assembles it. At close it
/// writes every part of the package (some fifteen) to a scratch file, reads it back into the
/// zip and deletes it.
enum class Size {
  /// Tens of thousands of rows (the global ledger): constant-memory mode, each sheet's rows
  /// streamed to a scratch file as they are written (so in row order); scratch files in the
  /// system's temporary folder, as they are as big as the sheets' XML.
  Large,
  /// A few dozen rows, made by the thousand (statements, justifications): cells kept in memory,
  /// which spares a scratch file and a 128 KB row buffer per sheet (8 % of the time of a
  /// statement, measured); scratch files in memory (`/dev/shm` when it is a writable folder).
  /// On a disk file system, creating and deleting them cost more than writing them: half the
  /// CPU time of the 5 000 statements went to ext4 inode allocation, slowed down by the inodes
  /// deleted just before.
  Small,
};

/// The workbook is assembled in memory (a memfd: Debian 12's libxlsxwriter 1.1.4 cannot write to
/// a buffer, `output_buffer` came with 1.1.5), so its bytes reach `out/` through the host like
/// any other output. libxlsxwriter's own messages never reach the user: a failure is one French
/// message naming the file and the cause (Fatal). Its scratch files still go to its temporary
/// folder (see Size).
class Workbook {
 public:
  /// `close()` hands the bytes to `ctx.write()`; `name` (the output's path under out/) is what
  /// messages show.
  Workbook(RenderContext& ctx, std::string name, Size size, const DocInfo& info);
  /// `close()` writes the file at `path` (tests, benchmarks).
  Workbook(const std::filesystem::path& path, Size size, const DocInfo& info);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  /// Adds a sheet; throws when the name is not a valid sheet name.
  lxw_worksheet* add_sheet(std::string_view name);
  const Formats& formats() const { return m_formats; }
  /// Assembles the workbook and writes it. Throws tampon::Fatal, in French, naming the file and
  /// the cause ("disque plein", "permission refusée") on failure.
  void close();

 private:
  void open(Size size);
  void make_formats();
  void make_input_formats();
  lxw_workbook* m_book = nullptr;
  Formats m_formats;
  DocInfo m_info;  // libxlsxwriter keeps the pointers until close
  RenderContext* m_ctx = nullptr;
  std::filesystem::path m_path;  ///< where to write without a context
  std::string m_name;            ///< as messages show it
  int m_memory = -1;             ///< the memfd libxlsxwriter writes the zip into
  std::string m_target;          ///< the file name libxlsxwriter opens
};

}  // namespace tampon::xlsx
