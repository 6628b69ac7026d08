#pragma once
/// The spreadsheet layout of `tampon export tableur` / `import tableur` (docs/tableur.md): one
/// sheet per record kind (named like its data/ folder), one column per field (nested fields as
/// dotted names, `contrat.debut`), and lists of mappings (a convention's posts) as a sheet of
/// their own, `conventions.postes`, whose first column names the owner. The fields are those
/// the decoders accept (load/decode_*.cpp), so every field of a valid record has its column.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "load/record_fields.hpp"

namespace tampon::cli::tableur {

enum class ColumnType {
  Text,     ///< written in quotes in YAML, a text cell in the workbook
  Date,     ///< YYYY-MM-DD, a real date in the workbook
  Number,   ///< amounts, counts, hours: a number cell, written as is in YAML
  Bool,     ///< true / false
  IntList,  ///< a list of whole numbers, "2, 3" in one cell (`postes_retires`)
};

struct Column {
  std::string_view path;  ///< dotted field path inside the record or list item
  ColumnType type;
  std::string_view comment;                       ///< French, shown as the header's comment
  std::span<const std::string_view> values = {};  ///< enumerated values (a drop-down list)
};

struct SheetLayout {
  std::string_view name;    ///< "conventions", "conventions.postes"
  std::string_view kind;    ///< record kind as written in French docs: "convention"
  std::string_view folder;  ///< data/ folder of the records ("conventions")
  std::string_view list;    ///< for a list sheet, the field holding the list ("postes"); else ""
  bool has_id = true;       ///< main sheets: whether records have an `id`
  std::span<const Column> columns;
};

/// Main sheets then list sheets, in workbook order.
std::span<const SheetLayout> sheets();
const SheetLayout* find_sheet(std::string_view name);
/// The list sheets of a main sheet.
std::vector<const SheetLayout*> list_sheets_of(const SheetLayout& main);

/// The loader's field a column fills (load/record_fields.cpp), or nullptr: the import checks a
/// cell against the same type and bounds as the loader will check the YAML it writes.
const load::Field* record_field(const SheetLayout& sheet, const Column& column);

/// The header of a list sheet's owner column: "convention" (the owner's id) or, for kinds
/// without an id, "depense (ligne)" (the owner's row in its own sheet).
std::string owner_header(const SheetLayout& main);

}  // namespace tampon::cli::tableur
