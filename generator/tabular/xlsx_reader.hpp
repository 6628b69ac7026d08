#pragma once
/// Reads XLSX workbooks (Office Open XML, as written by Excel, LibreOffice and libxlsxwriter):
/// sheets by name, shared and inline strings, numbers, booleans, dates (from the cell's number
/// format), the cached values of formulas. The zip container is read with libzip, the XML with
/// expat. A workbook is not trusted: sizes and entry counts are bounded (zip bombs), DTDs are
/// refused (entity expansion, external entities), and every problem is a French message naming
/// the file, the part or the cell, never a crash.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tabular/table.hpp"

namespace tampon::tabular {

/// Bounds on what a workbook may hold; the defaults fit the national set with a wide margin.
struct XlsxLimits {
  std::size_t max_entries = 10'000;               ///< files in the zip
  std::uint64_t max_part_bytes = 512ull << 20;    ///< one part, uncompressed
  std::uint64_t max_total_bytes = 1024ull << 20;  ///< all parts read, uncompressed
  std::size_t max_cells = 20'000'000;             ///< cells of one sheet
};

/// One sheet: its cells by row, each row sorted by column.
class XlsxSheet {
 public:
  const std::string& name() const { return m_name; }
  /// nullptr when the cell is absent (never written).
  const Cell* at(int row, int col) const;
  const Cell* at(std::string_view ref) const;  ///< "B7"
  int max_row() const { return m_max_row; }
  int max_col() const { return m_max_col; }
  /// Row `row` (1-based) as (column, cell) pairs sorted by column; empty when absent.
  const std::vector<std::pair<int, Cell>>& row(int row) const;
  /// The raw XML of the sheet's part (tests look at attributes the reader does not model).
  const std::string& xml() const { return m_xml; }
  /// Column widths (`<col min max width>`), by 1-based column.
  std::optional<double> column_width(int col) const;

 private:
  friend class XlsxWorkbook;
  friend struct SheetParser;
  std::string m_name;
  std::map<int, std::vector<std::pair<int, Cell>>> m_rows;
  std::map<int, double> m_widths;
  int m_max_row = 0, m_max_col = 0;
  std::string m_xml;
};

class XlsxWorkbook {
 public:
  ~XlsxWorkbook();
  XlsxWorkbook(XlsxWorkbook&&) noexcept;
  XlsxWorkbook& operator=(XlsxWorkbook&&) noexcept;

  /// Opens the workbook and reads its index (sheets, shared strings, styles). On failure returns
  /// nullopt and sets `error` to a French message ("FICHIER.xlsx : …"). `display_name` is how
  /// messages name the file (default: its file name).
  static std::optional<XlsxWorkbook> open(const std::filesystem::path& path, std::string& error,
                                          const XlsxLimits& limits = {},
                                          std::string display_name = {});

  const std::string& display_name() const { return m_display; }
  /// Sheet names in workbook order.
  const std::vector<std::string>& sheet_names() const { return m_names; }
  bool has_sheet(std::string_view name) const;
  /// Reads one sheet. nullopt and a French `error` when absent or unreadable.
  std::optional<XlsxSheet> sheet(std::string_view name, std::string& error,
                                 bool keep_xml = false) const;
  /// Streams one sheet row by row (memory bounded by one row): `on_row(row, cells)` with the
  /// 1-based row number and its cells sorted by column; returning false stops. Rows without a
  /// cell are skipped. False and a French `error` when the sheet is absent or unreadable.
  /// Several threads may read sheets at once (each call opens the file again).
  using RowCallback = std::function<bool(int row, std::vector<std::pair<int, Cell>>& cells)>;
  bool read_rows(std::string_view name, std::string& error, const RowCallback& on_row) const;
  /// The size of a sheet once decompressed, as its zip entry says (0 when unknown): to share
  /// the reading of several sheets between threads, the largest first.
  std::uint64_t sheet_size(std::string_view name) const;
  /// The raw bytes of a part ("xl/workbook.xml"), bounded like every read; nullopt if absent.
  std::optional<std::string> part(const std::string& name, std::string& error) const;
  bool date1904() const { return m_date1904; }
  /// Defined names as written in xl/workbook.xml (name → formula), e.g. print titles.
  const std::map<std::string, std::string>& defined_names() const { return m_defined; }

 private:
  XlsxWorkbook();
  struct Zip;
  std::unique_ptr<Zip> m_zip;
  std::string m_display;
  XlsxLimits m_limits;
  std::vector<std::string> m_names;
  std::map<std::string, std::string, std::less<>> m_parts;  // sheet name → part path
  std::vector<std::string> m_shared;
  std::vector<std::string> m_xf_formats;  // cellXfs index → format code
  std::vector<bool> m_xf_dates;           // cellXfs index → shows a date
  std::map<std::string, std::string> m_defined;
  bool m_date1904 = false;
};

}  // namespace tampon::tabular
