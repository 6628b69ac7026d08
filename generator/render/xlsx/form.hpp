#pragma once
/// Spreadsheets the reader fills in and sends back (the quarterly justification): cells the
/// reader types in are written with the `input_*` formats (unlocked, DSFR input colours), the
/// sheet is protected without a password (it prevents mistakes, it does not secure anything:
/// every other cell is locked), and each input range carries a data validation whose refusal
/// message is in French.
///
/// Checked on Debian 12's libxlsxwriter 1.1.4: `worksheet_protect(ws, NULL, &options)` writes
/// `<sheetProtection sheet="1" …/>` with no password hash; `format_set_unlocked` gives the
/// style `<protection locked="0"/>`; `worksheet_data_validation_range` copies the structure and
/// its strings (they may be freed after the call), refuses a title over 32 characters or a
/// message over 255 (LXW_ERROR_PARAMETER_VALIDATION), and writes `allowBlank="1"` by default, so
/// an empty input is accepted.
#include <string>

#include "render/xlsx/sheet.hpp"
#include "tampon/date.hpp"

namespace tampon::xlsx {

/// Locks every cell not written with an unlocked format. Selecting cells stays allowed;
/// formatting, sorting, filtering, inserting or deleting rows and columns are refused (the
/// layout is what an import reads back).
void protect_sheet(Sheet& sheet);

/// Print set-up of a form: landscape A4, one page wide, the table's header row repeated on
/// every page, page numbers in the footer. Unlike Sheet::table_setup, no frozen pane (a form
/// opens on its instructions, which a frozen pane would pin) and no filter (rows stay in place).
void form_setup(Sheet& sheet, int header_row);

/// An input cell left empty for the reader (unlocked, with the input colours).
void input_blank(Sheet& sheet, int row, int col, lxw_format* format);

/// The French texts of a validation: the title (≤ 32 characters) and message (≤ 255) shown when
/// an entry is refused, and the help shown when the cell is selected.
struct ValidationText {
  std::string error_title;
  std::string error_message;
  std::string help_title;
  std::string help_message;
};

/// Amounts in euros: a number ≥ 0 with at most two decimals (a custom formula, as Excel's
/// decimal rule cannot count decimals): `AND(ISNUMBER(E20),E20>=0,ROUND(E20,2)=E20)` written
/// for the range's top-left cell, which spreadsheets shift over the range.
void validate_amounts(Sheet& sheet, int first_row, int first_col, int last_row, int last_col,
                      const ValidationText& text);
/// Dates between `first` and `last` included.
void validate_dates(Sheet& sheet, int first_row, int col, int last_row, Date first, Date last,
                    const ValidationText& text);
/// Dates from `first` on.
void validate_dates_from(Sheet& sheet, int row, int col, Date first, const ValidationText& text);
/// Text of `min_length` to `max_length` characters.
void validate_length(Sheet& sheet, int first_row, int col, int last_row, int min_length,
                     int max_length, const ValidationText& text);

}  // namespace tampon::xlsx
