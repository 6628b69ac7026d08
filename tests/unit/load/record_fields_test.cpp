// The field tables of load/record_fields.cpp describe what the decoders do (issue 15 point 2):
// the JSON Schemas of schemas/ are generated from the tables, so a table that lied about the
// decoder would give schemas that lie too. For every field of every kind, a complete record is
// broken one way at a time (field removed, value of the wrong shape, value out of its format,
// unknown key in its block) and the decoder must answer as the table says. The broken records
// are then handed to the JSON Schema validator (tests/schemas/validate_schemas.py), which must
// reject exactly those `tampon validate` refuses. The text formats' regular expressions are
// checked against the decoder's own checks on their boundaries.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "load/bank_formats.hpp"
#include "load/decode_file.hpp"
#include "load/map_reader.hpp"
#include "load/record_fields.hpp"
#include "load/value_formats.hpp"

namespace tampon::load {
namespace {

namespace fs = std::filesystem;
using J = nlohmann::ordered_json;

// One complete record of each kind: every field of its table present, and valid.
const char* full_record(RecordKind kind) {
  switch (kind) {
    case RecordKind::Structure:
      return R"({"id": "commune-de-test", "nom": "Commune de Test", "type": "commune",
        "siret": "21590139700012",
        "adresse": {"ligne": "1 rue de la Mairie", "code_postal": "59540", "commune": "Caudry"},
        "departement": "59", "representant": {"nom": "Serge Simeon", "qualite": "Maire"},
        "contact": {"nom": "Jeanne Martin", "courriel": "jeanne@example.org",
                    "telephone": "03 27 00 00 00"},
        "contrat_de_projet_autorise": false, "iban": "FR76 3000 6000 0112 3456 7890 189",
        "bic": "CDCGFRPPXXX", "deliberation": "2021-03-01", "id_pilotage": "12345"})";
    case RecordKind::Conseiller:
      return R"({"id": "cn-0001", "prenom": "Camille", "nom": "Durand",
        "courriel": "camille@example.org", "structure": "commune-de-test", "role": "conseiller",
        "publication_nom": false,
        "recrutement": {"presentation": "2021-03-01", "selection": "2021-03-10",
                        "signature_contrat": "2021-03-20", "notification_poste": "2021-02-15"},
        "contrat": {"type": "cdd-droit-public", "debut": "2021-04-01", "fin": "2022-09-30",
                    "heures_hebdo": 35, "salaire_brut_mensuel": 1650.5, "aides_emploi": 0},
        "formation": {"depart": "2021-04-12", "heures": 280, "exemption": false},
        "rupture": {"date": "2022-01-31", "motif": "démission"}, "id_pilotage": "6789"})";
    case RecordKind::Convention:
      return R"({"id": "cv-2021-0001", "structure": "commune-de-test", "regime": "relance-2021",
        "signature": "2021-04-02", "debut": "2021-04-01", "fin": "2023-03-31",
        "dossier": "DS-4242424", "deliberation": "2021-03-15", "id_pilotage": "4242",
        "postes": [{"numero": 1, "role": "coordinateur", "conseiller": "cn-0001",
                    "contrat": "cdd-droit-public", "montant": 50000, "derogation": "Comité",
                    "substitue": {"convention": "cv-2021-0007", "poste": 1}}]})";
    case RecordKind::Avenant:
      return R"({"id": "cv-2021-0001-av1", "convention": "cv-2021-0001", "numero": 1,
        "date": "2022-06-15", "objet": "ajout-postes",
        "postes_ajoutes": [{"numero": 3, "role": "conseiller", "conseiller": "cn-0002",
                            "contrat": "cdd-droit-public", "montant": 50000,
                            "derogation": "Comité",
                            "substitue": {"convention": "cv-2021-0007", "poste": 1}}],
        "postes_retires": [2], "substitution": {"poste": 1, "contrat": "cdi-droit-public"},
        "nouvelle_fin": "2024-03-31", "motif": "Seconde permanence"})";
    case RecordKind::Versement:
      return R"({"convention": "cv-2021-0001", "poste": 1, "tranche": 1, "date": "2021-05-14",
        "montant": 10000, "statut": "versee"})";
    case RecordKind::Rapport:
      return R"({"structure": "commune-de-test", "conseiller": "cn-0001", "mois": "2022-03",
        "activites": {"accompagnements_individuels": 42, "ateliers_collectifs": 5,
                      "participants_ateliers": 38, "demandes_ponctuelles": 12,
                      "appels_solidarite_numerique": 4},
        "usagers_accompagnes": 71, "themes": {"equipement": 15}, "lieux": {"permanence": 30},
        "faits_marquants": "Atelier sur les arnaques."})";
    case RecordKind::Depense:
      return R"({"structure": "commune-de-test", "convention": "cv-2021-0001",
        "trimestre": "2022-T1",
        "lignes": [{"conseiller": "cn-0001", "salaires_bruts": 4950, "charges_patronales": 1980,
                    "frais": 320.5, "justificatif": "Bulletins de paie"}]})";
  }
  return "{}";
}

std::vector<Diagnostic> decode(RecordKind kind, const J& record) {
  // JSON is YAML (flow style): the decoder reads it as a user's file.
  return decode_file(record.dump(), kind, 0).diagnostics;
}

std::string listing(const std::vector<Diagnostic>& found) {
  std::string out;
  for (const auto& d : found) out += "\n  " + d.code + " : " + d.message;
  return out;
}

/// A finding `code` whose message names `path` (any message when `path` is empty: the
/// messages of the SIRET, département and bank checks quote the value, not the field).
bool reports(const std::vector<Diagnostic>& found, std::string_view code, std::string_view path) {
  std::string quoted = "« " + std::string(path) + " »";
  for (const auto& d : found)
    if (d.code == code && (path.empty() || d.message.find(quoted) != std::string::npos))
      return true;
  return false;
}

/// A broken record and what `tampon validate` says of it.
struct Mutant {
  RecordKind kind;
  std::string what;
  J record;
  bool refused;  ///< by the loader, or by the rules for a rule-checked requirement
};

class Walker {
 public:
  Walker(RecordKind kind, J full) : m_kind(kind), m_full(std::move(full)) {}

  void walk(std::span<const Field> fields, std::span<const Requirement> requirements,
            const J::json_pointer& at, const std::string& path) {
    for (const Field& f : fields) {
      std::string fpath = path.empty() ? std::string(f.name) : path + "." + std::string(f.name);
      J::json_pointer ptr = at / std::string(f.name);
      ASSERT_TRUE(m_full.contains(ptr)) << "l'enregistrement complet n'a pas « " << fpath << " »";
      removed(f, requirements, at, fpath);
      wrong_shape(f, ptr, fpath);
      bad_value(f, ptr, fpath);
      if (f.type == FieldType::Map) walk(f.fields, f.requirements, ptr, fpath);
      if (f.type == FieldType::List) walk(f.fields, f.requirements, ptr / 0, fpath + "[0]");
    }
  }

  std::vector<Mutant> mutants;

 private:
  /// The condition of `q` holds on the complete record.
  bool holds(const Requirement& q, std::span<const Field> fields, const J& block) const {
    if (!q.holds) return !block.contains(std::string(q.when));
    const Field* on = find_field(fields, q.when);
    auto names = on->choices.names();
    auto value = block.at(std::string(q.when)).get<std::string>();
    auto it = std::find(names.begin(), names.end(), value);
    return it != names.end() && q.holds(static_cast<std::size_t>(it - names.begin()));
  }

  void removed(const Field& f, std::span<const Requirement> requirements, const J::json_pointer& at,
               const std::string& fpath) {
    J record = m_full;
    record.at(at).erase(std::string(f.name));
    auto found = decode(m_kind, record);
    bool loader_needs = f.need == Need::Required;
    bool rules_need = false;
    for (const Requirement& q : requirements) {
      if (q.then != f.name) continue;
      // The other fields of the block, as in the complete record.
      std::span<const Field> siblings = m_siblings(at);
      if (!holds(q, siblings, m_full.at(at))) continue;
      (q.by == CheckedBy::Loader ? loader_needs : rules_need) = true;
    }
    if (loader_needs)
      EXPECT_TRUE(reports(found, "missing-field", f.need == Need::Required ? fpath : f.name))
          << name(m_kind) << " sans « " << fpath << " »" << listing(found);
    else
      EXPECT_TRUE(found.empty()) << name(m_kind) << " sans « " << fpath << " » (facultatif)"
                                 << listing(found);
    mutants.push_back({m_kind, "sans " + fpath, record, loader_needs || rules_need});
  }

  void wrong_shape(const Field& f, const J::json_pointer& ptr, const std::string& fpath) {
    J record = m_full;
    bool block = f.type == FieldType::Map || f.type == FieldType::List ||
                 f.type == FieldType::IntList || f.type == FieldType::Counts;
    record[ptr] = block ? J("x") : J{{"x", 1}};
    auto found = decode(m_kind, record);
    EXPECT_TRUE(reports(found, "wrong-type", fpath))
        << name(m_kind) << " : « " << fpath << " » de la mauvaise forme" << listing(found);
    mutants.push_back({m_kind, fpath + " de la mauvaise forme", record, true});
  }

  void bad_value(const Field& f, const J::json_pointer& ptr, const std::string& fpath) {
    J record = m_full;
    std::string code;
    std::string at = fpath;
    switch (f.type) {
      case FieldType::Id:
        record[ptr] = "Pas Un Id";
        code = "invalid-id";
        break;
      case FieldType::Text:
        record[ptr] = std::string(k_max_text_units + 1, 'a');
        code = "field-too-long";
        break;
      case FieldType::Departement:
        record[ptr] = "20";
        code = "invalid-departement";
        at.clear();
        break;
      case FieldType::Siret:
        record[ptr] = "2159013970001";
        code = "siret-checksum";
        at.clear();
        break;
      case FieldType::Iban:
        record[ptr] = "FR76 3000";
        code = "invalid-iban";
        at.clear();
        break;
      case FieldType::Bic:
        record[ptr] = "CDCG-FRPP";
        code = "invalid-bic";
        at.clear();
        break;
      case FieldType::Date:
        record[ptr] = "2021-02-29";
        code = "invalid-date";
        break;
      case FieldType::Month:
        record[ptr] = "2021-13";
        code = "invalid-date";
        break;
      case FieldType::Quarter:
        record[ptr] = "2021-T5";
        code = "invalid-date";
        break;
      case FieldType::Money:
        record[ptr] = J::parse("1645.585");
        code = "invalid-amount";
        break;
      case FieldType::Integer:
      case FieldType::Number:
        record[ptr] = f.max + 1;
        code = "wrong-type";
        break;
      case FieldType::Boolean:
        record[ptr] = "oui";
        code = "wrong-type";
        break;
      case FieldType::Choice:
        record[ptr] = "inconnu";
        code = "unknown-value";
        break;
      case FieldType::Map:
        record[ptr]["champ_inconnu"] = 1;
        code = "unknown-field";
        at = "champ_inconnu";
        break;
      case FieldType::List:
        record[ptr / 0]["champ_inconnu"] = 1;
        code = "unknown-field";
        at = "champ_inconnu";
        break;
      case FieldType::IntList:
        record[ptr / 0] = f.max + 1;
        code = "wrong-type";
        at = fpath + "[0]";
        break;
      case FieldType::Counts:
        record[ptr]["inconnu"] = 1;
        code = "unknown-value";
        at = "inconnu";
        break;
    }
    auto found = decode(m_kind, record);
    EXPECT_TRUE(reports(found, code, at))
        << name(m_kind) << " : « " << fpath << " » hors de son format, attendu " << code
        << listing(found);
    mutants.push_back({m_kind, fpath + " hors de son format (" + code + ")", record, true});
  }

  /// The fields of the block at `at` (the record, a Map, or a List's item).
  std::span<const Field> m_siblings(const J::json_pointer& at) const {
    std::span<const Field> fields = record_table(m_kind).fields;
    for (const std::string& token :
         at.to_string() == "" ? std::vector<std::string>{} : split(at.to_string())) {
      if (const Field* f = find_field(fields, token)) fields = f->fields;
    }
    return fields;
  }

  static std::vector<std::string> split(const std::string& pointer) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= pointer.size()) {
      std::size_t slash = pointer.find('/', start);
      if (slash == std::string::npos) slash = pointer.size();
      out.push_back(pointer.substr(start, slash - start));
      start = slash + 1;
    }
    return out;
  }

  RecordKind m_kind;
  J m_full;
};

TEST(RecordFields, EveryTableHasAFullRecordTheDecoderAccepts) {
  for (const RecordTable& table : record_tables()) {
    auto found = decode(table.kind, J::parse(full_record(table.kind)));
    EXPECT_TRUE(found.empty()) << name(table.kind) << listing(found);
  }
}

// The decoder does, field by field, what its table says; then the schemas agree with it.
TEST(RecordFields, TheDecoderDoesWhatItsTableSaysAndTheSchemasAgree) {
  std::vector<Mutant> mutants;
  for (const RecordTable& table : record_tables()) {
    Walker w(table.kind, J::parse(full_record(table.kind)));
    w.walk(table.fields, table.requirements, J::json_pointer(), "");
    mutants.insert(mutants.end(), w.mutants.begin(), w.mutants.end());
  }
  EXPECT_GT(mutants.size(), 250u);

  // The same records through the JSON Schemas (python3-jsonschema).
  fs::path dir =
      fs::temp_directory_path() / ("tampon-schema-mutants-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  J list = J::array();
  for (std::size_t i = 0; i < mutants.size(); ++i) {
    std::string file = std::to_string(i) + ".yaml";
    std::ofstream(dir / file) << mutants[i].record.dump() << "\n";
    list.push_back({{"file", file},
                    {"kind", std::string(name(mutants[i].kind))},
                    {"what", mutants[i].what},
                    {"refused", mutants[i].refused}});
  }
  std::ofstream(dir / "mutants.json") << list.dump(1);
  std::string command = "/usr/bin/python3 '" + std::string(TAMPON_SOURCE_DIR) +
                        "/tests/schemas/validate_schemas.py' '" + TAMPON_SOURCE_DIR +
                        "' mutants '" + dir.string() + "' > '" + (dir / "out.txt").string() +
                        "' 2>&1";
  int status = std::system(command.c_str());
  std::ifstream in(dir / "out.txt");
  std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("enregistrements modifiés"), std::string::npos) << out;
  fs::remove_all(dir);
}

// ---- The users' manual documents every field of the tables ----

std::string manual_section(RecordKind kind) {
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/docs/fiches.md");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string heading = "\n## " + std::string(name(kind)) + "\n";
  auto start = text.find(heading);
  if (start == std::string::npos) return "";
  auto end = text.find("\n## ", start + heading.size());
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

void expect_documented(const std::string& section, RecordKind kind, std::span<const Field> fields,
                       std::set<const Field*>& seen) {
  for (const Field& f : fields) {
    const std::string leaf = std::string(f.name) + "`";
    EXPECT_TRUE(section.find("`" + leaf) != std::string::npos ||
                section.find("." + leaf) != std::string::npos)
        << "docs/fiches.md, section « " << name(kind) << " » : champ « " << f.name
        << " » non documenté";
    // A block shared by two kinds (the posts of conventions and avenants) is described once.
    if (!f.fields.empty() && seen.insert(f.fields.data()).second)
      expect_documented(section, kind, f.fields, seen);
  }
}

TEST(RecordFields, TheManualDocumentsEveryFieldOfEveryTable) {
  std::set<const Field*> seen;
  for (const RecordTable& table : record_tables()) {
    std::string section = manual_section(table.kind);
    ASSERT_FALSE(section.empty()) << "docs/fiches.md sans section « ## " << name(table.kind)
                                  << " »";
    expect_documented(section, table.kind, table.fields, seen);
  }
}

// ---- The schemas' regular expressions against the decoder's checks ----

bool matches(FieldType type, const std::string& text) {
  return std::regex_search(text, std::regex(std::string(pattern_of(type)), std::regex::ECMAScript));
}

TEST(RecordFields, DatePatternAcceptsExactlyTheDatesTheDecoderAccepts) {
  std::regex date(std::string(pattern_of(FieldType::Date)), std::regex::ECMAScript);
  int checked = 0;
  for (int year : {1000, 1899, 1900, 1901, 1904, 1996, 2000, 2020, 2021, 2024, 2100, 2400, 9999})
    for (int month = 0; month <= 13; ++month)
      for (int day = 0; day <= 32; ++day) {
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
        auto parsed = Date::parse(text);
        bool decoder = parsed && parsed->year() >= 1900;
        EXPECT_EQ(std::regex_search(text, date), decoder) << text;
        ++checked;
      }
  for (const char* odd : {"2021-3-15", "21-03-15", "2021-03-15 ", "2021/03/15", "x2021-03-15"})
    EXPECT_FALSE(std::regex_search(odd, date)) << odd;
  EXPECT_GT(checked, 6000);
}

TEST(RecordFields, MonthQuarterIdAndSiretPatternsFollowTheDecoder) {
  for (std::string m : {"1899-12", "1900-01", "2022-00", "2022-01", "2022-12", "2022-13", "2022-3"})
    EXPECT_EQ(matches(FieldType::Month, m), Month::parse(m) && Month::parse(m)->year >= 1900) << m;
  for (std::string q : {"1899-T4", "1900-T1", "2022-T0", "2022-T4", "2022-T5", "2022-t1"})
    EXPECT_EQ(matches(FieldType::Quarter, q), Quarter::parse(q) && Quarter::parse(q)->year >= 1900)
        << q;
  for (std::string id :
       std::vector<std::string>{"a", "0", "-a", "a-", "cv-2021-0042", "Cv", "a b", "é", "a_b",
                                std::string(64, 'a'), std::string(65, 'a'), ""})
    EXPECT_EQ(matches(FieldType::Id, id), is_valid_id(id)) << id;
  for (std::string s : {"21590139700012", "21590139700013", "2159013970001", "215901397000123",
                        "2159013970001a", " 21590139700012"})
    EXPECT_EQ(matches(FieldType::Siret, s), check_siret(s) != SiretCheck::NotFourteenDigits) << s;
}

TEST(RecordFields, BankPatternsFollowTheDecoderExceptTheChecksum) {
  for (std::string b : {"CDCGFRPPXXX", "cdcgfrpp", "CDCG FR PP XXX", "CDCGFRPPXX", "CDCG-FRPP",
                        "CDC1FRPP", "CDCGFRP1", "CDCGFR1P", "CDCGFRPPXXXX", ""})
    EXPECT_EQ(matches(FieldType::Bic, b), is_valid_bic(compact_upper(b))) << b;
  // A pattern sees the shape of an IBAN, not its mod-97 key (a checksum: out of its reach).
  for (std::string ok : {"FR7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189",
                         "fr7630006000011234567890189", "FR7630006000011234567890188"})
    EXPECT_TRUE(matches(FieldType::Iban, ok)) << ok;
  for (std::string bad : {"FR76 3000", "7630006000011234567890189F", "FRAB30006000011234567890189",
                          "FR76300060000112345678901890123456789", "FR76-3000-6000-0112-3456"})
    EXPECT_FALSE(matches(FieldType::Iban, bad) || is_valid_iban(compact_upper(bad))) << bad;
}

TEST(RecordFields, DepartementCodesAreThoseTheDecoderAccepts) {
  auto codes = departement_codes();
  std::set<std::string_view> all(codes.begin(), codes.end());
  EXPECT_EQ(all.size(), codes.size());
  for (auto code : codes) EXPECT_TRUE(is_valid_departement(code)) << code;
  for (std::string_view code : {"01", "2A", "2B", "59", "95", "971", "976", "978", "986", "988"})
    EXPECT_TRUE(all.contains(code)) << code;
  for (std::string_view code : {"00", "20", "96", "970", "979", "985", "989", "2C", "1"})
    EXPECT_FALSE(all.contains(code)) << code;
}

}  // namespace
}  // namespace tampon::load
