#pragma once
/// The mappings of `tampon import pilotage` (docs/pilotage.md): which columns of a CSV export of
/// the tableau de pilotage become which record fields. They are data, not code: YAML files
/// shipped in `templates/pilotage/` (a project's own `templates/pilotage/` replaces a shipped
/// file of the same name), or the file given with `--mapping`.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tampon/diagnostic.hpp"

namespace tampon::cli::pilotage {

/// Cell formats (`format:`), each checked at the cell.
enum class CellFormat {
  Texte,          ///< whitespace runs made one space (the default)
  PremiereLigne,  ///< the first non-empty line (a postal address on several lines)
  Date,           ///< JJ/MM/AAAA (or AAAA-MM-JJ)
  Montant,        ///< French decimals, at most two: "1 850,50"
  Entier,
  Siret,        ///< 14 digits once spaces are dropped
  Departement,  ///< "1" → "01" (a spreadsheet dropped the zero)
  CodePostal,   ///< "1000" → "01000"
  OuiNon,       ///< Oui/Non → true/false
  Postes,       ///< a number N → N vacant posts numbered 1..N (with `role:`)
};

/// One entry of a `valeurs:` table: the export's text → the record's value, or one value per
/// structure family (`{public: …, prive: …}`), or none (`~`: this column gives no value).
struct ValueEntry {
  std::string from;  ///< as written in the mapping
  std::optional<std::string> to;
  std::vector<std::pair<std::string, std::string>> by_family;  ///< family name → value
  bool none() const { return !to && by_family.empty(); }
};

/// How one field is read.
struct Rule {
  std::vector<std::string> columns;  ///< the column, or its other names (first present wins)
  CellFormat format = CellFormat::Texte;
  bool has_values = false;
  std::vector<ValueEntry> values;
  std::string link;                     ///< "structure": the cell is that record's id_pilotage
  std::optional<std::string> fallback;  ///< `defaut:` when the cell is empty or the column absent
  std::unique_ptr<Rule> otherwise;      ///< `sinon:` tried when this rule gives no value
  std::unique_ptr<Rule> role;           ///< Postes: the posts' role
  Location where;                       ///< in the mapping file
};

struct Field {
  std::string path;  ///< dotted record path: `contrat.debut`
  Rule rule;
};

struct Placeholder {
  std::string path;  ///< `representant.nom`; `postes.contrat` applies to every post
  std::string hint;  ///< French, written next to the commented field
};

struct Mapping {
  std::string file;  ///< as shown in diagnostics
  std::string name;  ///< `export:`, "structures"
  std::string description;
  std::string kind;                      ///< structure | conseiller | convention
  std::vector<std::string> recognition;  ///< headers that all appear in this export
  std::vector<std::string> id_columns;   ///< `identifiant:` (or its other names)
  std::string id_template;               ///< `nouvel_id:`, "cn-{Id conseiller}"
  std::vector<Field> fields;
  std::vector<Placeholder> placeholders;  ///< `a_completer:`
  std::vector<std::string> empties;       ///< `vides:`, besides "non renseigné(e)"
  /// `ignorer_si: {colonne: …, commence_par: […]}`: rows of another kind (avenant requests in
  /// the conventions history) are skipped and counted.
  std::vector<std::string> skip_columns;
  std::vector<std::string> skip_prefixes;  ///< normalized
};

inline constexpr std::size_t k_max_mapping_bytes = 1u << 20;

/// Parses one mapping file (UTF-8, at most 1 MiB); findings (`pilotage-mapping`) are placed in
/// it. Never throws for bad input.
std::optional<Mapping> parse_mapping(std::string_view text, const std::string& shown,
                                     Diagnostics& diagnostics);

/// Headers and values are compared after this: spaces trimmed and collapsed, ’ made ', letters
/// in lower case (ASCII and Latin-1 accented capitals).
std::string normalize(std::string_view text);
/// Spaces (and line breaks, no-break spaces) trimmed and collapsed to one; case kept.
std::string normalize_spaces(std::string_view text);

/// The record folder of a kind the import writes ("structures"), empty if it writes none.
std::string_view folder_of(std::string_view kind);

}  // namespace tampon::cli::pilotage
