#include "render/xlsx/form.hpp"

#include "tampon/diagnostic.hpp"

namespace tampon::xlsx {
namespace {

lxw_datetime datetime_of(Date day) {
  return {day.year(), static_cast<int>(day.month()), static_cast<int>(day.day()), 0, 0, 0};
}

/// Fills the texts (libxlsxwriter takes `char*` and copies them) and adds the validation.
void add(Sheet& sheet, lxw_data_validation& v, int first_row, int first_col, int last_row,
         int last_col, const ValidationText& text) {
  std::string error_title = text.error_title, error_message = text.error_message,
              help_title = text.help_title, help_message = text.help_message;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  v.error_title = error_title.data();
  v.error_message = error_message.data();
  if (!help_message.empty()) {
    v.input_title = help_title.data();
    v.input_message = help_message.data();
  }
  lxw_error error = worksheet_data_validation_range(
      sheet.raw(), static_cast<lxw_row_t>(first_row), static_cast<lxw_col_t>(first_col),
      static_cast<lxw_row_t>(last_row), static_cast<lxw_col_t>(last_col), &v);
  if (error != LXW_NO_ERROR)
    throw Fatal("validation des cellules " + cell_ref(first_row, first_col) + ":" +
                cell_ref(last_row, last_col) + " refusée : " + lxw_strerror(error));
}

}  // namespace

void protect_sheet(Sheet& sheet) {
  lxw_protection options{};
  worksheet_protect(sheet.raw(), nullptr, &options);
}

void form_setup(Sheet& sheet, int header_row) {
  lxw_worksheet* ws = sheet.raw();
  auto header = static_cast<lxw_row_t>(header_row);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, header, header);
  worksheet_set_footer(ws, "&L&A&RPage &P / &N");
}

void input_blank(Sheet& sheet, int row, int col, lxw_format* format) {
  lxw_error error = worksheet_write_blank(sheet.raw(), static_cast<lxw_row_t>(row),
                                          static_cast<lxw_col_t>(col), format);
  if (error != LXW_NO_ERROR)
    throw Fatal("cellule " + cell_ref(row, col) + " : " + lxw_strerror(error));
}

void validate_amounts(Sheet& sheet, int first_row, int first_col, int last_row, int last_col,
                      const ValidationText& text) {
  std::string c = cell_ref(first_row, first_col);
  std::string formula = "=AND(ISNUMBER(" + c + ")," + c + ">=0,ROUND(" + c + ",2)=" + c + ")";
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
  v.value_formula = formula.data();
  add(sheet, v, first_row, first_col, last_row, last_col, text);
}

void validate_dates(Sheet& sheet, int first_row, int col, int last_row, Date first, Date last,
                    const ValidationText& text) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_DATE;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_datetime = datetime_of(first);
  v.maximum_datetime = datetime_of(last);
  add(sheet, v, first_row, col, last_row, col, text);
}

void validate_dates_from(Sheet& sheet, int row, int col, Date first, const ValidationText& text) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_DATE;
  v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
  v.value_datetime = datetime_of(first);
  add(sheet, v, row, col, row, col, text);
}

void validate_length(Sheet& sheet, int first_row, int col, int last_row, int min_length,
                     int max_length, const ValidationText& text) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LENGTH;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_number = min_length;
  v.maximum_number = max_length;
  add(sheet, v, first_row, col, last_row, col, text);
}

}  // namespace tampon::xlsx
