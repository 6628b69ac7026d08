#pragma once
/// One worksheet being filled, with the project's rules built in: record text is always written
/// as a string (a name starting with `=` stays text), money goes in as euros with the euro
/// format, dates as real date serials, formulas always carry their computed value (readers that
/// do not recalculate show the right figure). It remembers the widest content of each column so
/// `fit_columns` can size them.
#include <xlsxwriter.h>

#include <string>
#include <string_view>
#include <vector>

#include "render/xlsx/workbook.hpp"
#include "tampon/date.hpp"
#include "tampon/money.hpp"

namespace tampon::xlsx {

/// Excel's serial day number (1900 system) of a date.
double excel_serial(Date day);
/// "A", "B" … "AA": the letters of a 0-based column.
std::string column_name(int col);
/// "H12" for (11, 7); with `absolute`, "$H$12".
std::string cell_ref(int row, int col, bool absolute = false);
/// "'Échéancier'!$H$2:$H$40": an absolute range on another sheet.
std::string range_ref(std::string_view sheet, int first_row, int last_row, int col);

class Sheet {
 public:
  Sheet(lxw_worksheet* sheet, const Formats& formats);

  lxw_worksheet* raw() const { return m_sheet; }
  const Formats& formats() const { return m_formats; }

  /// Record or label text, always as a string cell (never parsed as a formula).
  void text(int row, int col, std::string_view value, lxw_format* format = nullptr);
  /// Text that may overflow into empty neighbours (header blocks): does not widen its column.
  void label(int row, int col, std::string_view value, lxw_format* format = nullptr);
  void integer(int row, int col, long long value, lxw_format* format = nullptr);
  void number(int row, int col, double value, lxw_format* format);
  void money(int row, int col, Money value, lxw_format* format = nullptr);
  void date(int row, int col, Date value, lxw_format* format = nullptr);
  /// A formula (without the leading `=`) stored with its computed numeric result.
  void formula(int row, int col, const std::string& formula, double cached, lxw_format* format);
  /// A formula whose computed result is text (an empty string for "not applicable").
  void formula_text(int row, int col, const std::string& formula, const std::string& cached,
                    lxw_format* format);
  /// A formula with its money result: `cached` is exact cents, stored as euros.
  void money_formula(int row, int col, const std::string& formula, Money cached,
                     lxw_format* format = nullptr);

  /// Sets every used column's width to its widest content (with bounds), so nothing shows as
  /// `####` and no column is needlessly wide.
  void fit_columns(double min_width = 6, double max_width = 60);
  /// Frozen header, filter on the header row, print set-up: landscape A4, fit to one page
  /// wide, header rows repeated on every page, page numbers in the footer. Call it before
  /// writing the rows: in constant-memory mode a filter over rows already flushed is refused.
  void table_setup(int header_row, int last_row, int last_col);

 private:
  void widen(int col, double width);
  void check(lxw_error error, int row, int col) const;
  lxw_worksheet* m_sheet;
  const Formats& m_formats;
  std::vector<double> m_widths;
};

}  // namespace tampon::xlsx
