#pragma once
/// Cells and positions shared by the XLSX and CSV readers (tabular/xlsx_reader.hpp,
/// tabular/csv_reader.hpp). Standard library only: the importers turn cells into records.
#include <optional>
#include <string>
#include <string_view>

namespace tampon::tabular {

/// A cell's value as a spreadsheet program shows it.
struct Cell {
  enum class Type { Empty, Text, Number, Bool, Date, Error };
  Type type = Type::Empty;
  /// Text: the string. Number: the number as written in the file ("1645.58"). Bool: "1" or "0".
  /// Date: ISO "YYYY-MM-DD" (with "THH:MM:SS" when the serial has a time). Error: "#N/A"…
  std::string text;
  double number = 0;       ///< Number, Bool, Date (the serial); 0 otherwise
  std::string formula;     ///< XLSX: the formula without '=' (the value is its cached result)
  std::string num_format;  ///< XLSX: the format code of the cell's style ("General" if none)
  int style = 0;           ///< XLSX: the `s` attribute (index in cellXfs)
  /// XLSX: the cell's `t` attribute as written: 's' (shared string), 'i' (inlineStr), 'f'
  /// (str: a formula's text), 'b', 'e', 'd', or 'n' (number, the default).
  char xml_type = 'n';
  int line = 0, column = 0;  ///< CSV: where the field starts (1-based, in characters)

  /// An XLSX cell without value is kept when it has a style (a formatted blank); it is Empty.
  bool empty() const { return type == Type::Empty || (type == Type::Text && text.empty()); }
};

/// "A1" → (row 1, column 1); "AB12" → (12, 28). Both 1-based; nullopt when malformed or
/// beyond XLSX's limits (1 048 576 rows, 16 384 columns).
struct CellRef {
  int row = 0, col = 0;
};
std::optional<CellRef> parse_cell_ref(std::string_view ref);
/// 1 → "A", 28 → "AB".
std::string column_name(int col);
/// (7, 2) → "B7".
std::string cell_name(int row, int col);

/// "FICHIER.xlsx, feuille « X », cellule B7": how every diagnostic names a cell.
std::string cell_position(std::string_view file, std::string_view sheet, int row, int col);

/// A date serial of the 1900 system (Excel's and LibreOffice's default) as ISO text; with
/// `date1904` the 1904 system. Fractions add "THH:MM:SS". nullopt when out of 0001..9999.
std::optional<std::string> serial_to_iso(double serial, bool date1904 = false);
/// The 1900-system serial of a civil date (the inverse of serial_to_iso for whole days).
double iso_to_serial(int year, int month, int day);

/// Whether a number format code shows a date ("dd/mm/yyyy", "yyyy-mm-dd", built-in 14…).
bool is_date_format(int num_fmt_id, std::string_view format_code);

}  // namespace tampon::tabular
