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

class Workbook {
 public:
  Workbook(const std::filesystem::path& path, bool constant_memory, const DocInfo& info);
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
