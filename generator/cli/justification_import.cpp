// `tampon import justification FICHIER.xlsx… --project DIR`: a quarterly justification form
// (plugins/justification-xlsx), filled by the structure, back into `depense` records: one file
// per structure and quarter, data/depenses/<structure>-<YYYY>-T<n>.yaml. The form says in B6
// what it was generated from; the import generates that form again in memory with the same
// emitter and refuses a file whose locked cells differ. All or nothing: any refusal in any file
// and nothing is written. Then the project is validated again (docs/justification.md).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "cli/commands.hpp"
#include "cli/import_findings.hpp"
#include "cli/import_support.hpp"
#include "cli/report.hpp"
#include "cli/session.hpp"
#include "cli/tableur.hpp"
#include "cli/tableur_yaml.hpp"
#include "core/parallel.hpp"
#include "host/emitter_builds.hpp"
#include "render/xlsx/justification_form.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tampon/emitter.hpp"

namespace tampon::cli {
namespace {

namespace fs = std::filesystem;
namespace form = xlsx::form;
using tableur::YamlValue;
using tabular::Cell;
using tabular::XlsxSheet;
using tabular::XlsxWorkbook;

constexpr std::string_view k_sheet = "Justification";
constexpr std::string_view k_emitter = "justification-xlsx";
/// How many changed locked cells one file reports before "…": one is enough to refuse it.
constexpr int k_max_changed_cells = 5;

/// What B6 says: `tampon-justification/1;structure=…;trimestre=…;arrete-au=…;conventions=…`.
struct Identity {
  std::string structure;
  Quarter quarter;
  Date as_of;
  std::vector<std::string> conventions;  ///< ids, without their version
};

std::optional<Identity> parse_identity(std::string_view text) {
  if (!text.starts_with(form::k_form_version)) return std::nullopt;
  text.remove_prefix(form::k_form_version.size());
  Identity id;
  bool has_quarter = false, has_as_of = false;
  while (!text.empty()) {
    if (text.front() != ';') return std::nullopt;
    text.remove_prefix(1);
    std::string_view item = text.substr(0, text.find(';'));
    text.remove_prefix(item.size());
    auto eq = item.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
    if (key == "structure") {
      id.structure = value;
    } else if (key == "trimestre") {
      auto q = Quarter::parse(value);
      if (!q) return std::nullopt;
      id.quarter = *q;
      has_quarter = true;
    } else if (key == "arrete-au") {
      auto d = Date::parse(value);
      if (!d) return std::nullopt;
      id.as_of = *d;
      has_as_of = true;
    } else if (key == "conventions") {
      while (!value.empty()) {
        std::string_view one = value.substr(0, value.find(','));
        value.remove_prefix(std::min(value.size(), one.size() + 1));
        id.conventions.emplace_back(one.substr(0, one.find('@')));
      }
    }
  }
  if (id.structure.empty() || !has_quarter || !has_as_of) return std::nullopt;
  return id;
}

std::string date_fr(std::string_view iso) {
  if (iso.size() < 10) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" +
         std::string(iso.substr(0, 4));
}

/// A cell as the person who typed it sees it, for messages.
std::string shown(const Cell* c) {
  if (c == nullptr || c->empty()) return "(vide)";
  if (c->type == Cell::Type::Date) return date_fr(c->text);
  return c->text;
}

/// A date typed in a cell: a date cell, a bare serial, or text JJ/MM/AAAA or AAAA-MM-JJ.
std::optional<Date> cell_date(const Cell& c, bool date1904) {
  if (c.type == Cell::Type::Date) return Date::parse(c.text.substr(0, 10));
  if (c.type == Cell::Type::Number) {
    if (c.number != std::floor(c.number)) return std::nullopt;
    auto iso = tabular::serial_to_iso(c.number, date1904);
    return iso ? Date::parse(*iso) : std::nullopt;
  }
  if (c.type != Cell::Type::Text) return std::nullopt;
  std::string_view s = c.text;
  if (auto d = Date::parse(s)) return d;
  if (s.size() == 10 && s[2] == '/' && s[5] == '/')
    return Date::parse(std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" +
                       std::string(s.substr(0, 2)));
  return std::nullopt;
}

std::string trimmed(std::string_view s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

/// Text of a cell for a free-text field (a number typed there stays as it was written).
std::string cell_text(const Cell& c) {
  return trimmed(c.type == Cell::Type::Date ? date_fr(c.text) : c.text);
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string normalized_formula(std::string_view f) {
  std::string out;
  for (char c : f) {
    if (c == ' ' || c == '$') continue;
    out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  if (out.starts_with("_XLFN.")) out.erase(0, 6);
  return out;
}

/// Whether a locked cell of the file says what Tampon wrote there.
bool same_locked(const Cell* expected, const Cell* actual) {
  // Formulas by their text: their cached result follows the inputs (and openpyxl keeps none).
  bool e_formula = expected != nullptr && !expected->formula.empty();
  bool a_formula = actual != nullptr && !actual->formula.empty();
  if (e_formula || a_formula)
    return e_formula && a_formula &&
           normalized_formula(expected->formula) == normalized_formula(actual->formula);
  bool e_empty = expected == nullptr || expected->empty();
  bool a_empty = actual == nullptr || actual->empty();
  if (e_empty || a_empty) return e_empty && a_empty;
  if (expected->type != actual->type) return false;
  if (expected->type == Cell::Type::Number)
    return std::fabs(expected->number - actual->number) < 0.005;
  return expected->text == actual->text;
}

/// The form rendered again in memory: a RenderContext that keeps the bytes in a file of our
/// own temporary folder, where the reader opens them.
class FormContext final : public RenderContext {
 public:
  FormContext(const ProjectContext& project, fs::path path)
      : m_project(project), m_path(std::move(path)) {}
  const ProjectContext& project() const override { return m_project; }
  const fs::path& output_path() const override { return m_path; }
  void write(std::string_view bytes) override {
    std::ofstream out(m_path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Fatal("formulaire de référence non écrit : " + m_path.string());
  }
  void report(Diagnostic diagnostic) override { reported.push_back(std::move(diagnostic)); }
  Diagnostics reported;

 private:
  const ProjectContext& m_project;
  fs::path m_path;
};

/// A private temporary folder, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "tampon-import-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw Fatal("dossier temporaire impossible à créer dans " +
                  fs::temp_directory_path().string());
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

/// The project as of one `arrete-au`, with the justification jobs by key ("structure/YYYY-Tn").
struct Generation {
  Session session;
  std::unique_ptr<EmitterBuilds> builds;  ///< the emitter prepared for this session
  std::map<std::pair<std::string, Quarter>, OutputJob> jobs;  ///< by structure and quarter
};

/// One `depense` record read from a form, as YAML, with what identifies it.
struct Declaration {
  std::string convention;
  YamlValue record;
  std::size_t lines = 0;
};

/// What one form brings: the file to write and the declarations it replaces.
struct FormImport {
  std::string display;  ///< the form's file name
  Identity identity;
  std::vector<Declaration> declarations;
  std::string attestation;  ///< for the file's header comment
};

/// The checks of one form, with its own findings: forms are checked side by side.
class FormChecker {
 public:
  explicit FormChecker(std::string display) : m_display(std::move(display)) {}
  Diagnostics& diagnostics() { return m_diagnostics; }

  void refuse_file(std::string code, std::string message) {
    Diagnostic d = Diagnostic::error({}, std::move(code), std::move(message));
    d.where.file = m_display;
    m_diagnostics.push_back(std::move(d));
  }

  /// A refusal naming the cell (0-based row and column) as every reader of a workbook does:
  /// `2024-T1.xlsx, feuille « Justification », cellule E8`.
  void refuse(int row, int col, std::string code, std::string message) {
    Diagnostic d = Diagnostic::error({}, std::move(code), std::move(message));
    d.where.file = tabular::cell_position(m_display, k_sheet, row + 1, col + 1);
    m_diagnostics.push_back(std::move(d));
  }

  /// The rows of the posts: from the first line row while column A holds a convention.
  static int last_line_row(const XlsxSheet& sheet) {
    int row = form::k_first_line_row;
    while (const Cell* c = sheet.at(row + 1, form::kConvention + 1)) {
      if (c->empty()) break;
      ++row;
    }
    return row - 1;
  }

  static bool is_input(int row, int col, int last_line) {
    if (col == form::k_attestation_col &&
        (row == form::k_signataire_row || row == form::k_qualite_row || row == form::k_date_row ||
         row == form::k_lieu_row))
      return true;
    if (row < form::k_first_line_row || row > last_line) return false;
    return col == form::kQSalaires || col == form::kQCharges || col == form::kQFrais ||
           col == form::kJustificatifs || col == form::kJustifDate;
  }

  /// Every locked cell from A1 to the totals row must be what Tampon writes there today for the
  /// identity of B6, but for the earlier quarters' expenses (column I) and the lines below the
  /// totals (statuses and notes of the day the form was made): information that changes as
  /// other quarters are imported and payments arrive, and that the import does not read
  /// (docs/justification.md).
  bool compare(const XlsxSheet& expected, const XlsxSheet& actual) {
    int last_line = last_line_row(expected);
    int totals = std::max(last_line, form::k_first_line_row - 1) + 2;
    // The identity first: a form of another structure, quarter or convention version.
    const Cell* e6 = expected.at(form::k_identity_row + 1, form::k_identity_col + 1);
    const Cell* a6 = actual.at(form::k_identity_row + 1, form::k_identity_col + 1);
    if (!same_locked(e6, a6)) {
      refuse(form::k_identity_row, form::k_identity_col, "import-form-identity",
             fmt::format("ce formulaire a été produit pour « {} », mais Tampon produit "
                         "aujourd'hui pour cette structure et ce trimestre « {} » (une convention "
                         "a changé, par exemple par un avenant) : envoyez à la structure le "
                         "formulaire à jour",
                         shown(a6), shown(e6)));
      return false;
    }
    int changed = 0;
    for (int row = 0; row <= totals; ++row) {
      std::set<int> cols;
      for (const auto& [col, cell] : expected.row(row + 1)) cols.insert(col - 1);
      for (const auto& [col, cell] : actual.row(row + 1)) cols.insert(col - 1);
      for (int col : cols) {
        if (is_input(row, col, last_line)) continue;
        // The earlier quarters' expenses change whenever one of them is imported or corrected:
        // a figure of the day, like the statuses below the table (the import reads none).
        if (col == form::kPrevious && row >= form::k_first_line_row && row <= last_line) continue;
        const Cell* e = expected.at(row + 1, col + 1);
        const Cell* a = actual.at(row + 1, col + 1);
        if (same_locked(e, a)) continue;
        if (++changed > k_max_changed_cells) continue;
        std::string what = e && !e->formula.empty() ? fmt::format("la formule ={}", e->formula)
                                                    : fmt::format("« {} »", shown(e));
        std::string found = a && !a->formula.empty() ? fmt::format("la formule ={}", a->formula)
                                                     : fmt::format("« {} »", shown(a));
        refuse(row, col, "import-form-changed",
               fmt::format("cellule protégée modifiée : Tampon y écrit {}, le fichier contient "
                           "{} ; seules les cellules grises soulignées se remplissent (renvoyez "
                           "le formulaire d'origine complété)",
                           what, found));
      }
    }
    if (changed > k_max_changed_cells)
      refuse_file("import-form-changed", fmt::format("{} autres cellules protégées modifiées",
                                                     changed - k_max_changed_cells));
    return changed == 0;
  }

  /// An amount typed in E, F or G: a number ≥ 0 with two decimals at most, in cents.
  std::optional<Money> amount(const Cell& c, int row, int col) {
    if (c.type != Cell::Type::Number) {
      refuse(row, col, "import-form-amount",
             fmt::format("montant attendu (un nombre en euros, par exemple 1234,56), trouvé « {} »",
                         shown(&c)));
      return std::nullopt;
    }
    if (c.number < 0) {
      refuse(row, col, "import-form-amount",
             fmt::format("montant négatif ({}) : saisissez la dépense, positive ou nulle", c.text));
      return std::nullopt;
    }
    double cents = c.number * 100;
    double rounded = std::round(cents);
    if (std::fabs(cents - rounded) > 1e-6 * std::max(1.0, std::fabs(cents)) || rounded > 1e15) {
      refuse(
          row, col, "import-form-amount",
          fmt::format("montant {} : deux décimales au plus (des euros et des centimes)", c.text));
      return std::nullopt;
    }
    return Money::cents(static_cast<std::int64_t>(rounded));
  }

  /// "Prénom Nom (cn-0001)" → "cn-0001"; the id alone stays as it is.
  static std::string conseiller_of(std::string_view text) {
    if (text.ends_with(")")) {
      auto open = text.rfind('(');
      if (open != std::string_view::npos)
        return std::string(text.substr(open + 1, text.size() - open - 2));
    }
    return std::string(text);
  }

  /// The supporting documents' reference: column M, and column N's date kept in it
  /// ("… (pièces du 31/03/2024)"), replacing the date an earlier import put there.
  static std::string justificatif(std::string reference, std::optional<Date> date) {
    if (!date) return reference;
    static constexpr std::string_view k_mark = " (pièces du ";
    auto mark = reference.rfind(k_mark);
    if (mark != std::string::npos && reference.ends_with(")") &&
        reference.size() - mark == k_mark.size() + 11)
      reference.erase(mark);
    std::string text = "pièces du " + date_fr(date->iso());
    return reference.empty() ? text : reference + " (" + text + ")";
  }

  std::optional<FormImport> read_inputs(const XlsxSheet& expected, const XlsxSheet& sheet,
                                        const Identity& identity, bool date1904) {
    std::size_t errors_before = count_errors(m_diagnostics);
    auto at = [&](int row, int col) -> const Cell* {
      const Cell* c = sheet.at(row + 1, col + 1);
      return c && !c->empty() ? c : nullptr;
    };
    FormImport out;
    out.display = m_display;
    out.identity = identity;
    // The attestation: every field, the date a date from the quarter's first day.
    const std::pair<int, const char*> fields[] = {{form::k_signataire_row, "le nom du signataire"},
                                                  {form::k_qualite_row, "sa qualité"},
                                                  {form::k_date_row, "la date"},
                                                  {form::k_lieu_row, "le lieu"}};
    std::vector<std::string> attestation;
    for (const auto& [row, what] : fields) {
      const Cell* c = at(row, form::k_attestation_col);
      if (c == nullptr) {
        refuse(row, form::k_attestation_col, "import-form-attestation",
               fmt::format("attestation incomplète : {} manque ; la structure certifie les "
                           "montants en remplissant les quatre cellules de l'attestation",
                           what));
        continue;
      }
      if (row == form::k_date_row) {
        auto d = cell_date(*c, date1904);
        if (!d) {
          refuse(
              row, form::k_attestation_col, "import-form-attestation",
              fmt::format("date de l'attestation attendue (JJ/MM/AAAA), trouvé « {} »", shown(c)));
        } else if (*d < identity.quarter.first_day()) {
          refuse(row, form::k_attestation_col, "import-form-attestation",
                 fmt::format("attestation datée du {}, avant le début du trimestre ({})",
                             date_fr(d->iso()), date_fr(identity.quarter.first_day().iso())));
        } else {
          attestation.push_back("le " + date_fr(d->iso()));
        }
        continue;
      }
      std::string text = cell_text(*c);
      if (utf8_length(text) > static_cast<std::size_t>(form::k_attestation_max_length))
        refuse(row, form::k_attestation_col, "import-form-text",
               fmt::format("texte de {} caractères : {} au plus", utf8_length(text),
                           form::k_attestation_max_length));
      attestation.push_back(text);
    }
    if (attestation.size() == 4)
      out.attestation =
          attestation[0] + ", " + attestation[1] + ", " + attestation[2] + " à " + attestation[3];
    // The lines: one `lignes` item per row with something typed in it.
    int last_line = last_line_row(expected);
    std::map<std::string, std::size_t> index;  // convention → declarations[i]
    for (int row = form::k_first_line_row; row <= last_line; ++row) {
      const Cell* inputs[] = {at(row, form::kQSalaires), at(row, form::kQCharges),
                              at(row, form::kQFrais), at(row, form::kJustificatifs),
                              at(row, form::kJustifDate)};
      if (std::all_of(std::begin(inputs), std::end(inputs), [](auto* c) { return !c; })) continue;
      Money money[3];
      for (int i = 0; i < 3; ++i)
        if (inputs[i])
          if (auto m = amount(*inputs[i], row, form::kQSalaires + i)) money[i] = *m;
      std::string reference = inputs[3] ? cell_text(*inputs[3]) : std::string();
      if (utf8_length(reference) > static_cast<std::size_t>(form::k_reference_max_length))
        refuse(row, form::kJustificatifs, "import-form-text",
               fmt::format("références de {} caractères : {} au plus, séparées par « ; »",
                           utf8_length(reference), form::k_reference_max_length));
      std::optional<Date> date;
      if (inputs[4]) {
        date = cell_date(*inputs[4], date1904);
        Quarter q = identity.quarter;
        if (!date) {
          refuse(row, form::kJustifDate, "import-form-date",
                 fmt::format("date attendue (JJ/MM/AAAA), trouvé « {} »", shown(inputs[4])));
        } else if (*date < q.first_day() || q.last_day() < *date) {
          refuse(row, form::kJustifDate, "import-form-date",
                 fmt::format("date des justificatifs {} hors du trimestre {} (du {} au {})",
                             date_fr(date->iso()), q.iso(), date_fr(q.first_day().iso()),
                             date_fr(q.last_day().iso())));
          date.reset();
        }
      }
      const Cell* who = expected.at(row + 1, form::kConseiller + 1);
      if (who == nullptr || who->empty()) {
        // A vacant post: the form prefills zeros on it when the convention was declared.
        auto blank_or_zero = [](const Cell* c) {
          return c == nullptr || (c->type == Cell::Type::Number && c->number == 0);
        };
        if (blank_or_zero(inputs[0]) && blank_or_zero(inputs[1]) && blank_or_zero(inputs[2]) &&
            !inputs[3] && !inputs[4])
          continue;
        int first = 0;
        while (first < 3 && blank_or_zero(inputs[first])) ++first;
        if (first == 3 && !inputs[3]) first = 4;
        refuse(row,
               first < 3    ? form::kQSalaires + first
               : first == 3 ? form::kJustificatifs
                            : form::kJustifDate,
               "import-form-amount",
               "poste vacant : une dépense se déclare pour un conseiller ; laissez cette ligne "
               "vide");
        continue;
      }
      const Cell* convention = expected.at(row + 1, form::kConvention + 1);
      std::string id = convention ? convention->text : std::string();
      auto [it, added] = index.emplace(id, out.declarations.size());
      // Each value keeps the cell it came from: what validation later finds in the file
      // written is shown there (cli/import_findings.hpp).
      auto from = [&](YamlValue v, int cell_row, int cell_col) {
        v.origin = {0, cell_row, cell_col};
        return v;
      };
      const int identity_row = form::k_identity_row, identity_col = form::k_identity_col;
      if (added) {
        Declaration d;
        d.convention = id;
        d.record.origin = {0, row, form::kConvention};
        d.record.set("structure",
                     from(YamlValue::quoted(identity.structure), identity_row, identity_col));
        d.record.set("convention", from(YamlValue::quoted(id), row, form::kConvention));
        d.record.set("trimestre",
                     from(YamlValue::plain(identity.quarter.iso()), identity_row, identity_col));
        YamlValue lignes;
        lignes.kind = YamlValue::Kind::Seq;
        d.record.set("lignes", std::move(lignes));
        out.declarations.push_back(std::move(d));
      }
      Declaration& d = out.declarations[it->second];
      YamlValue line;
      line.origin = {0, row, form::kConseiller};
      line.set("conseiller",
               from(YamlValue::quoted(conseiller_of(who->text)), row, form::kConseiller));
      line.set("salaires_bruts", from(YamlValue::plain(money[0].plain()), row, form::kQSalaires));
      line.set("charges_patronales",
               from(YamlValue::plain(money[1].plain()), row, form::kQSalaires + 1));
      line.set("frais", from(YamlValue::plain(money[2].plain()), row, form::kQSalaires + 2));
      std::string text = justificatif(reference, date);
      if (text.empty())  // records.md: every line of a declaration names its documents
        refuse(row, form::kJustificatifs, "import-form-text",
               "référence des justificatifs manquante : chaque dépense déclarée renvoie à ses "
               "pièces (bulletins de paie, factures)");
      line.set("justificatif", from(YamlValue::quoted(text), row, form::kJustificatifs));
      d.record.find("lignes")->seq.push_back(std::move(line));
      ++d.lines;
    }
    if (out.declarations.empty() && count_errors(m_diagnostics) == errors_before)
      refuse(form::k_first_line_row, form::kQSalaires, "import-form-amount",
             "aucune dépense saisie : remplissez au moins une ligne (0 pour un trimestre sans "
             "dépense)");
    if (count_errors(m_diagnostics) > errors_before) return std::nullopt;
    return out;
  }

 private:
  std::string m_display;
  Diagnostics m_diagnostics;
};

class JustificationImporter {
 public:
  JustificationImporter(const Options& options, const Emitter& emitter, Diagnostics& diagnostics)
      : m_options(options), m_emitter(emitter), m_diagnostics(diagnostics) {}

  /// Reads and checks every form, side by side on `jobs` threads: one entry per file, nullopt
  /// when refused (the reasons go to the diagnostics, in file order) or unreadable
  /// (`input_failure`).
  std::vector<std::optional<FormImport>> read_all(const std::vector<fs::path>& files,
                                                  unsigned jobs) {
    std::vector<Slot> slots;
    slots.reserve(files.size());
    // The path as typed: forms of several structures are all named <YYYY>-T<n>.xlsx.
    for (const fs::path& file : files) slots.emplace_back(file, FormChecker(file.string()));
    for_each_index(slots.size(), jobs, [&](std::size_t i) { open(slots[i]); });
    // The project, loaded once for each `arrete-au` the forms name, and each form's job.
    for (Slot& s : slots) {
      if (!s.identity) continue;
      s.generation = generation_for(s.identity->as_of);
      if (s.generation == nullptr) return {};
      auto job = s.generation->jobs.find({s.identity->structure, s.identity->quarter});
      if (job != s.generation->jobs.end()) {
        s.job = &job->second;
        continue;
      }
      s.check.refuse(form::k_identity_row, form::k_identity_col, "import-form-identity",
                     fmt::format("Tampon ne produit pas de justification de « {} » pour le "
                                 "trimestre {} (structure inconnue, ou aucune de ses conventions "
                                 "ne court ce trimestre) : ce formulaire ne peut pas être importé "
                                 "dans ce projet",
                                 s.identity->structure, s.identity->quarter.iso()));
    }
    for_each_index(slots.size(), jobs, [&](std::size_t i) { check(slots[i], i); });
    std::vector<std::optional<FormImport>> out;
    for (Slot& s : slots) {
      if (!s.fatal.empty()) throw Fatal(s.fatal);
      if (!s.unreadable.empty()) {
        std::cerr << "tampon: erreur: " << s.unreadable << "\n";
        m_input_failure = true;
      }
      Diagnostics& found = s.check.diagnostics();
      m_diagnostics.insert(m_diagnostics.end(), found.begin(), found.end());
      out.push_back(std::move(s.result));
    }
    return out;
  }

  bool input_failure() const { return m_input_failure; }
  /// The project as loaded for the form's `arrete-au` (every record, whatever the date).
  const Generation* any_generation() const {
    return m_generations.empty() ? nullptr : m_generations.begin()->second.get();
  }

 private:
  struct Slot {
    Slot(fs::path f, FormChecker c) : file(std::move(f)), check(std::move(c)) {}
    fs::path file;
    FormChecker check;
    std::optional<XlsxSheet> sheet;
    bool date1904 = false;
    std::optional<Identity> identity;
    const Generation* generation = nullptr;
    const OutputJob* job = nullptr;
    std::string unreadable, fatal;
    std::optional<FormImport> result;
  };

  /// Opens the file and reads its identity (B6).
  static void open(Slot& s) {
    std::string why;
    auto book = XlsxWorkbook::open(s.file, why, {}, s.file.string());
    if (!book) {
      s.unreadable = why;
      return;
    }
    if (!book->has_sheet(k_sheet)) {
      s.check.refuse_file("import-file",
                          "ce classeur n'a pas de feuille « Justification » : ce n'est pas un "
                          "formulaire de justification produit par Tampon");
      return;
    }
    s.sheet = book->sheet(k_sheet, why);
    if (!s.sheet) {
      s.unreadable = why;
      return;
    }
    s.date1904 = book->date1904();
    const Cell* b6 = s.sheet->at(form::k_identity_row + 1, form::k_identity_col + 1);
    s.identity = b6 && b6->type == Cell::Type::Text ? parse_identity(b6->text) : std::nullopt;
    if (!s.identity)
      s.check.refuse(form::k_identity_row, form::k_identity_col, "import-form-identity",
                     fmt::format("cette cellule dit ce dont le formulaire a été produit et "
                                 "devrait commencer par « {};structure=… » ; elle contient « {} » "
                                 ": ce n'est pas un formulaire de justification de Tampon, ou il "
                                 "a été modifié",
                                 form::k_form_version, shown(b6)));
  }

  /// Generates the form again, compares it with the file, reads the inputs.
  void check(Slot& s, std::size_t index) const {
    if (s.job == nullptr) return;
    try {
      XlsxSheet expected = regenerate(*s.generation, *s.job, index);
      if (!s.check.compare(expected, *s.sheet)) return;
      s.result = s.check.read_inputs(expected, *s.sheet, *s.identity, s.date1904);
      if (s.result) s.result->display = s.file.string();
    } catch (const std::exception& e) {  // no exception may leave a worker thread
      s.fatal = e.what();
    }
  }

  Generation* generation_for(Date as_of) {
    auto& slot = m_generations[as_of.iso()];
    if (slot) return slot.get();
    Options options = m_options;
    options.as_of = as_of;
    slot = std::make_unique<Generation>(Generation{open_session(options), {}, {}});
    if (slot->session.input_failure) {
      print_diagnostics(slot->session.diagnostics, m_options);
      m_input_failure = true;
      return nullptr;
    }
    slot->builds = std::make_unique<EmitterBuilds>(
        slot->session.model, std::vector<const Emitter*>{&m_emitter}, slot->session.project, 1);
    for (OutputJob& job :
         m_emitter.plan(slot->session.model, slot->session.project, slot->builds->state(0)))
      slot->jobs.emplace(std::pair{job.id.record.id, job.id.quarter}, std::move(job));
    return slot.get();
  }

  XlsxSheet regenerate(const Generation& generation, const OutputJob& job,
                       std::size_t index) const {
    fs::path path = m_temp.path / fmt::format("form-{}.xlsx", index);
    FormContext ctx(generation.session.project, path);
    m_emitter.render(job, generation.session.model, generation.builds->state(0), ctx);
    std::string why;
    auto book = XlsxWorkbook::open(path, why);
    std::optional<XlsxSheet> sheet;
    if (book) sheet = book->sheet(k_sheet, why);
    std::error_code ec;
    fs::remove(path, ec);
    if (!sheet) throw Fatal("formulaire de référence illisible : " + why);
    return std::move(*sheet);
  }

  const Options& m_options;
  const Emitter& m_emitter;
  Diagnostics& m_diagnostics;
  std::map<std::string, std::unique_ptr<Generation>> m_generations;
  TempDir m_temp;
  bool m_input_failure = false;
};

/// Comments hold one line: control characters become spaces.
std::string comment_safe(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return text;
}

/// data/depenses/<structure>-<YYYY>-T<n>.yaml: the quarter's declarations, one per convention,
/// as a YAML sequence written by the records writer of `import tableur`. `cells` receives, for
/// each line (0-based) that writes a value read from the form, the cell it came from.
std::string declaration_file(const FormImport& f, std::vector<tableur::LineOrigin>& cells) {
  std::string out =
      comment_safe(fmt::format("# Déclaration trimestrielle de dépenses de {} pour {},",
                               f.identity.structure, f.identity.quarter.iso()));
  out += "\n# importée d'un formulaire de justification (tampon import justification).\n";
  if (!f.attestation.empty())
    out += comment_safe("# Montants certifiés exacts par " + f.attestation + ".") + "\n";
  for (const Declaration& d : f.declarations) {
    std::vector<tableur::LineOrigin> lines;
    std::string record = tableur::emit_record(d.record, {}, &lines);
    out += "\n";
    // Each line of the record becomes one line of the file, shifted by what comes before.
    auto before = static_cast<std::uint32_t>(std::count(out.begin(), out.end(), '\n'));
    for (tableur::LineOrigin& l : lines) {
      l.line += before;
      cells.push_back(l);
    }
    bool first = true;
    std::size_t start = 0;
    while (start < record.size()) {
      std::size_t end = record.find('\n', start);
      if (end == std::string::npos) end = record.size();
      out += first ? "- " : "  ";
      out.append(record, start, end - start);
      out += "\n";
      first = false;
      start = end + 1;
    }
  }
  return out;
}

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// The records of a YAML file by the line their mapping starts on: removes the items starting
/// on `remove` (block sequence items, `- structure: …`), each up to the next record (comment
/// lines just before the next record stay with it). nullopt when an item is not such a block
/// item (a hand-written form the import does not edit); an empty string when nothing is left.
std::optional<std::string> without_records(const std::string& text,
                                           const std::vector<SourceLoc>& all,
                                           const std::set<std::uint32_t>& remove) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size() - 1;
    lines.push_back(text.substr(start, end - start + 1));
    start = end + 1;
  }
  std::vector<SourceLoc> sorted = all;
  std::sort(sorted.begin(), sorted.end(),
            [](const SourceLoc& a, const SourceLoc& b) { return a.line < b.line; });
  std::vector<bool> drop(lines.size(), false);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const SourceLoc& loc = sorted[i];
    if (!remove.contains(loc.line)) {
      ++kept;
      continue;
    }
    if (loc.line == 0 || loc.line > lines.size() || loc.column < 3) return std::nullopt;
    const std::string& first = lines[loc.line - 1];
    std::string before = first.substr(0, std::min<std::size_t>(loc.column - 1, first.size()));
    if (trimmed(before) != "-") return std::nullopt;
    std::size_t end = i + 1 < sorted.size() ? sorted[i + 1].line - 1 : lines.size();
    while (end > loc.line && trimmed(lines[end - 1]).starts_with("#")) --end;
    for (std::size_t l = loc.line; l <= end; ++l) drop[l - 1] = true;
  }
  if (kept == 0) return std::string();
  std::string out;
  for (std::size_t l = 0; l < lines.size(); ++l)
    if (!drop[l]) out += lines[l];
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n > 1 ? many : one);
}

int usage() {
  return tableur_usage("usage : tampon import justification FICHIER.xlsx… --project DIR");
}

}  // namespace

int run_import_justification(const Options& options, bool* committed) {
  if (options.files.empty()) return usage();
  for (const fs::path& file : options.files) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".xlsx")
      return tableur_usage("« " + file.string() +
                           " » : un formulaire de justification .xlsx est attendu");
  }
  Diagnostics diagnostics;
  auto emitters = make_emitter_set(options, diagnostics);
  const Emitter* emitter = emitters->find(k_emitter);
  if (emitter == nullptr) throw Fatal("émetteur justification-xlsx absent de cet outil");
  JustificationImporter importer(options, *emitter, diagnostics);
  std::vector<FormImport> forms;
  std::map<std::string, std::string> seen;  // structure/quarter → the first form's name
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  for (auto& form : importer.read_all(options.files, jobs)) {
    if (!form) continue;
    std::string key = form->identity.structure + "/" + form->identity.quarter.iso();
    auto [it, added] = seen.emplace(key, form->display);
    if (!added) {
      Diagnostic d = Diagnostic::error(
          {}, "import-form-identity",
          fmt::format("{} et {} sont deux formulaires de {} pour {} : importez-en un seul",
                      it->second, form->display, form->identity.structure,
                      form->identity.quarter.iso()));
      d.where.file = tabular::cell_position(form->display, k_sheet, form::k_identity_row + 1,
                                            form::k_identity_col + 1);
      diagnostics.push_back(std::move(d));
      continue;
    }
    forms.push_back(std::move(*form));
  }
  bool quiet = options.quiet || options.format != Format::Text;
  if (importer.input_failure() || count_errors(diagnostics) > 0) {
    if (!quiet) std::cerr << "rien n'a été écrit : corrigez le formulaire puis relancez\n";
    print_diagnostics(diagnostics, options);
    return importer.input_failure() ? k_exit_io : k_exit_invalid;
  }
  // What to write: each form's file, and the quarter's earlier declarations taken out of the
  // other files that held them (the sample project keeps one file per structure and convention).
  const Generation* generation = importer.any_generation();
  const RecordSet& records = generation->session.model.records;
  std::map<fs::path, std::optional<std::string>> changes;  // relative path → text (nullopt: remove)
  // Each form's file (relative, '/'-separated): the form's name and the cell of each line.
  std::map<std::string, std::pair<std::string, std::vector<tableur::LineOrigin>>, std::less<>>
      cells_of;
  std::map<fs::path, std::set<std::uint32_t>> removals;  // relative path → record lines
  std::set<fs::path> targets;
  std::vector<std::string> messages;
  std::size_t unchanged = 0, replaced = 0;
  for (const FormImport& f : forms) {
    fs::path target = fs::path("data") / "depenses" /
                      (f.identity.structure + "-" + f.identity.quarter.iso() + ".yaml");
    targets.insert(target);
    std::vector<tableur::LineOrigin> cells;
    std::string text = declaration_file(f, cells);
    cells_of[target.generic_string()] = {f.display, std::move(cells)};
    auto current = read_text(options.project / target);
    bool other_files = false;
    for (const Depense& d : records.depenses) {
      fs::path in = records.files.path(d.locs.record.file);
      bool ours = d.structure == f.identity.structure && d.trimestre == f.identity.quarter;
      if (in == target && !ours) {
        Diagnostic e = Diagnostic::error(
            {}, "import-form-target",
            fmt::format("ce fichier contient aussi la déclaration {} de {} : l'import y écrit la "
                        "seule déclaration {} de {} ; déplacez l'autre dans un autre fichier",
                        d.trimestre.iso(), d.structure, f.identity.quarter.iso(),
                        f.identity.structure));
        e.where.file = target.generic_string();
        diagnostics.push_back(std::move(e));
      }
      if (!ours || in == target) continue;
      removals[in].insert(d.locs.record.line);
      other_files = true;
      messages.push_back(fmt::format(
          "retiré de {} : la déclaration {} de la convention {} (remplacée par le formulaire {})",
          in.generic_string(), d.trimestre.iso(), d.convention, f.display));
    }
    if (current && *current == text && !other_files) {
      ++unchanged;
      messages.push_back(
          fmt::format("inchangé : {} (la déclaration {} de {} est déjà celle du "
                      "formulaire)",
                      f.display, f.identity.quarter.iso(), f.identity.structure));
      continue;
    }
    bool replaces = (current && *current != text) || other_files;
    replaced += replaces;
    std::size_t lines = 0;
    for (const Declaration& d : f.declarations) lines += d.lines;
    std::string what =
        fmt::format("({}, {})", plural(f.declarations.size(), "convention", "conventions"),
                    plural(lines, "ligne", "lignes"));
    if (replaces)
      messages.push_back(fmt::format(
          "remplacé : {} : la déclaration {} de {} est remplacée par celle du formulaire {} {}",
          target.generic_string(), f.identity.quarter.iso(), f.identity.structure, f.display,
          what));
    else
      messages.push_back(fmt::format("écrit : {} : la déclaration {} de {}, du formulaire {} {}",
                                     target.generic_string(), f.identity.quarter.iso(),
                                     f.identity.structure, f.display, what));
    if (!current || *current != text) changes[target] = std::move(text);
  }
  for (const auto& [file, lines] : removals) {
    std::vector<SourceLoc> all;
    for (const Depense& d : records.depenses)
      if (records.files.path(d.locs.record.file) == file) all.push_back(d.locs.record);
    auto text = read_text(options.project / file);
    auto left = text ? without_records(*text, all, lines) : std::nullopt;
    if (!left) {
      Diagnostic e = Diagnostic::error(
          {}, "import-form-target",
          "ce fichier déclare déjà ce trimestre, sous une forme que l'import ne sait pas "
          "modifier (une liste « - structure: … » est attendue) : retirez-en la déclaration du "
          "trimestre, puis relancez");
      e.where.file = file.generic_string();
      diagnostics.push_back(std::move(e));
      continue;
    }
    changes[file] = left->empty() ? std::nullopt : std::optional<std::string>(std::move(*left));
  }
  if (count_errors(diagnostics) > 0) {
    if (!quiet) std::cerr << "rien n'a été écrit\n";
    print_diagnostics(diagnostics, options);
    return k_exit_invalid;
  }
  // The forms' files first, then the other files: stopped between the two, the next import of
  // the same forms finishes the work.
  auto write_one = [](const fs::path& path, const std::string& text) {
    FileToWrite file{path.string(), &text, fs::exists(path)};
    return write_files_atomically({&file, 1}, 1) == 1;
  };
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& [rel, text] : changes) {
      if ((pass == 0) != targets.contains(rel)) continue;
      fs::path path = options.project / rel;
      std::error_code ec;
      if (text ? !write_one(path, *text) : !fs::remove(path, ec) || ec) {
        std::cerr << "tampon: erreur: impossible d'écrire « " << rel.generic_string() << " »\n";
        return k_exit_io;
      }
      if (!text) messages.push_back("supprimé : " + rel.generic_string() + " (vide désormais)");
    }
  if (!quiet) {
    for (const std::string& m : messages) std::cerr << m << "\n";
    std::size_t imported = forms.size() - unchanged;
    std::cerr << fmt::format("import : {} importé{} (dont {} remplaçant une déclaration), {}\n",
                             plural(imported, "formulaire", "formulaires"), imported > 1 ? "s" : "",
                             replaced, plural(unchanged, "inchangé", "inchangés"));
  }
  if (committed) *committed = true;
  // The project as it is now, validated like `tampon validate` (with --as-of).
  // What it finds in a form's file is shown at the form's cell, the line written as a note.
  Session& session = open_session_until_exit(options);
  Diagnostics& found = session.diagnostics;
  std::size_t moved = findings_to_cells(
      found, [&](std::string_view path, std::uint32_t line) -> std::optional<Location> {
        auto file = cells_of.find(path);
        if (file == cells_of.end()) return std::nullopt;
        const auto& [display, lines] = file->second;
        // The last value written on or above the line (0-based in the table).
        auto after = std::upper_bound(
            lines.begin(), lines.end(), line - 1,
            [](std::uint32_t l, const tableur::LineOrigin& o) { return l < o.line; });
        if (after == lines.begin()) return std::nullopt;
        const tableur::Origin o = std::prev(after)->origin();
        Location at;
        at.file = tabular::cell_position(display, k_sheet, o.row + 1, o.col + 1);
        return at;
      });
  if (!quiet) std::cerr << findings_to_cells_summary(moved);
  apply_strict(found, options);
  print_diagnostics(found, options, &session.model.records);
  if (session.input_failure) return k_exit_io;
  return exit_code_for(found);
}

}  // namespace tampon::cli
