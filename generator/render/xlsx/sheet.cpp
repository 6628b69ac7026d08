#include "render/xlsx/sheet.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "tampon/diagnostic.hpp"

namespace tampon::xlsx {
namespace {

constexpr long k_serial_of_1970 = 25569;  // Excel serial of 1970-01-01 (1900 date system)

/// Characters a French display of the amount takes: "1 234 567,89 €".
double money_width(Money value) {
  long long euros = std::llabs(value.cents() / 100);
  int digits = 1;
  while (euros >= 10) {
    euros /= 10;
    ++digits;
  }
  return digits + (digits - 1) / 3 + 5 + (value.cents() < 0 ? 1 : 0);
}

/// Displayed characters of UTF-8 text: continuation bytes do not count.
double text_width(std::string_view text) {
  std::size_t count = 0;
  std::size_t longest = 0;
  for (unsigned char c : text) {
    if (c == '\n') {
      longest = std::max(longest, count);
      count = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++count;
    }
  }
  return static_cast<double>(std::max(longest, count));
}

/// Width a wrapped header needs on three lines at most: its longest word, or a third of it.
double wrapped_width(std::string_view text) {
  double longest_word = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    longest_word = std::max(longest_word, text_width(text.substr(start, end - start)));
    start = end + 1;
  }
  return std::max(longest_word, text_width(text) / 3 + 2) * 1.1;
}

}  // namespace

double excel_serial(Date day) { return static_cast<double>(day.days() + k_serial_of_1970); }

std::string column_name(int col) {
  std::string name;
  for (int n = col + 1; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), char('A' + (n - 1) % 26));
  return name;
}

std::string cell_ref(int row, int col, bool absolute) {
  const char* dollar = absolute ? "$" : "";
  return dollar + column_name(col) + dollar + std::to_string(row + 1);
}

std::string range_ref(std::string_view sheet, int first_row, int last_row, int col) {
  std::string out = "'";
  out += sheet;
  out += "'!";
  out += cell_ref(first_row, col, true) + ":" + cell_ref(last_row, col, true);
  return out;
}

Sheet::Sheet(lxw_worksheet* sheet, const Formats& formats) : m_sheet(sheet), m_formats(formats) {}

void Sheet::check(lxw_error error, int row, int col) const {
  if (error != LXW_NO_ERROR)
    throw Fatal("cellule " + cell_ref(row, col) + " : " + lxw_strerror(error));
}

void Sheet::widen(int col, double width) {
  auto index = static_cast<std::size_t>(col);
  if (m_widths.size() <= index) m_widths.resize(index + 1, 0);
  m_widths[index] = std::max(m_widths[index], width);
}

void Sheet::text(int row, int col, std::string_view value, lxw_format* format) {
  std::string owned(value);  // libxlsxwriter wants a NUL-terminated string
  check(worksheet_write_string(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               owned.c_str(), format ? format : m_formats.text),
        row, col);
  if (format == m_formats.title || format == m_formats.note) return;
  if (format == m_formats.header_wrap) return widen(col, wrapped_width(value));
  double factor = (format == m_formats.header || format == m_formats.bold) ? 1.1 : 1.0;
  widen(col, text_width(value) * factor);
}

void Sheet::label(int row, int col, std::string_view value, lxw_format* format) {
  std::string owned(value);
  check(worksheet_write_string(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               owned.c_str(), format ? format : m_formats.text),
        row, col);
}

void Sheet::integer(int row, int col, long long value, lxw_format* format) {
  number(row, col, static_cast<double>(value), format ? format : m_formats.integer);
  widen(col, static_cast<double>(std::to_string(value).size()));
}

void Sheet::number(int row, int col, double value, lxw_format* format) {
  check(worksheet_write_number(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                               value, format),
        row, col);
  widen(col, 6);
}

void Sheet::money(int row, int col, Money value, lxw_format* format) {
  number(row, col, static_cast<double>(value.cents()) / 100.0, format ? format : m_formats.money);
  widen(col, money_width(value));
}

void Sheet::date(int row, int col, Date value, lxw_format* format) {
  number(row, col, excel_serial(value), format ? format : m_formats.date);
  widen(col, 10);
}

void Sheet::formula(int row, int col, const std::string& formula, double cached,
                    lxw_format* format) {
  std::string text = "=" + formula;
  check(worksheet_write_formula_num(m_sheet, static_cast<lxw_row_t>(row),
                                    static_cast<lxw_col_t>(col), text.c_str(), format, cached),
        row, col);
  widen(col, 6);
}

void Sheet::formula_text(int row, int col, const std::string& formula, const std::string& cached,
                         lxw_format* format) {
  std::string text = "=" + formula;
  check(
      worksheet_write_formula_str(m_sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                  text.c_str(), format, cached.c_str()),
      row, col);
  widen(col, 6);
}

void Sheet::money_formula(int row, int col, const std::string& formula, Money cached,
                          lxw_format* format) {
  this->formula(row, col, formula, static_cast<double>(cached.cents()) / 100.0,
                format ? format : m_formats.money_total);
  widen(col, money_width(cached) + 1);
}

void Sheet::fit_columns(double min_width, double max_width) {
  for (std::size_t col = 0; col < m_widths.size(); ++col) {
    double width = std::clamp(m_widths[col] + 2, min_width, max_width);
    auto c = static_cast<lxw_col_t>(col);
    worksheet_set_column(m_sheet, c, c, width, nullptr);
  }
}

void Sheet::table_setup(int header_row, int last_row, int last_col) {
  auto header = static_cast<lxw_row_t>(header_row);
  worksheet_freeze_panes(m_sheet, header + 1, 0);
  check(worksheet_autofilter(m_sheet, header, 0,
                             static_cast<lxw_row_t>(std::max(last_row, header_row)),
                             static_cast<lxw_col_t>(last_col)),
        header_row, last_col);
  worksheet_set_landscape(m_sheet);
  worksheet_set_paper(m_sheet, 9);  // A4
  worksheet_fit_to_pages(m_sheet, 1, 0);
  worksheet_repeat_rows(m_sheet, header, header);
  worksheet_set_footer(m_sheet, "&L&A&RPage &P / &N");
}

}  // namespace tampon::xlsx
