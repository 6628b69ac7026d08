#pragma once
/// Reads CSV files as spreadsheets and the tableau de pilotage export them: `;` or `,`
/// separated (detected on the header line), fields in double quotes holding separators,
/// doubled quotes and line breaks, CRLF or LF, UTF-8 with or without BOM, Windows-1252 when
/// the bytes are not UTF-8 (decoded to UTF-8); UTF-16 is refused with a message that says how to
/// save the file instead. Every field keeps its line and column (in characters, 1-based; the
/// header is line 1) for diagnostics.
///
/// Why not Debian's libcsv (libcsv-dev 3.0.3): its callbacks receive a field's bytes but not
/// where the field starts, and every diagnostic must name `FICHIER.csv:LIGNE:COLONNE`; it also
/// leaves encodings and separator detection to the caller, which are most of the work here.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tabular/table.hpp"

namespace tampon::tabular {

struct CsvTable {
  char separator = ';';
  bool windows1252 = false;  ///< the bytes were not UTF-8 and were decoded as Windows-1252
  bool had_bom = false;
  /// Rows in file order; each field is a Text cell with `line` and `column` set. Blank lines
  /// (no field, or one empty field) are dropped.
  std::vector<std::vector<Cell>> rows;
};

struct CsvLimits {
  std::uintmax_t max_bytes = 256ull << 20;
  std::size_t max_fields_per_row = 16'384;
};

/// Parses CSV text. On failure nullopt and `error` = "NOM:LIGNE:COLONNE: message" in French.
std::optional<CsvTable> parse_csv(std::string_view bytes, std::string_view display_name,
                                  std::string& error, const CsvLimits& limits = {});
/// Reads and parses a file (size bounded by `limits.max_bytes`).
std::optional<CsvTable> read_csv(const std::filesystem::path& path, std::string& error,
                                 const CsvLimits& limits = {}, std::string display_name = {});

/// Whether `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_utf8(std::string_view bytes);
/// Windows-1252 bytes to UTF-8 (the five unassigned bytes become U+FFFD).
std::string windows1252_to_utf8(std::string_view bytes);

}  // namespace tampon::tabular
