// Partial builds on a copy of the sample project (issue 13): --keep-going keeps and lists what
// it skips, --select renders only the outputs of the selected records, and per-record
// fingerprints render again exactly the outputs that read an edited record.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {
namespace fs = std::filesystem;

const fs::path k_source = TAMPON_SOURCE_DIR;
const std::string k_as_of = "2024-06-30";
// The emitters that read records and list them (the site reads none, records-json lists none).
const std::string k_record_emitters = "convention-pdf,tranches-xlsx,justification-xlsx,bulletin";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Replaces the first match of `pattern` in a project file; fails the test if there is none.
void edit(const Project& p, const std::string& relative, const std::string& pattern,
          const std::string& replacement) {
  std::string text = read(p.dir() / relative);
  std::string changed = std::regex_replace(text, std::regex(pattern), replacement,
                                           std::regex_constants::format_first_only);
  ASSERT_NE(changed, text) << relative << " : « " << pattern << " » introuvable";
  p.write(relative, changed);
}

// A copy of the sample's data and templates: the tests edit records.
void copy_sample(const Project& p) {
  fs::copy(k_source / "data", p.dir() / "data", fs::copy_options::recursive);
  fs::copy(k_source / "templates", p.dir() / "templates", fs::copy_options::recursive);
}

nlohmann::json manifest_entry(const Project& p, const std::string& out, const std::string& path) {
  auto manifest = nlohmann::json::parse(read(p.dir() / out / "manifest.json"));
  for (const auto& f : manifest["files"])
    if (f["path"] == path) return f;
  return nullptr;
}

std::set<std::string> records_of(const nlohmann::json& entry) {
  std::set<std::string> out;
  for (const auto& r : entry["records"]) out.insert(r.get<std::string>());
  return out;
}

// cv-2020-0001 points at a structure that does not exist: dangling-reference, so the
// convention is in error (and has no derived state: no emitter plans anything for it).
void break_cv_2020_0001(const Project& p) {
  edit(p, "data/conventions/cv-2020-0001.yaml", "structure: commune-de-bazuel",
       "structure: commune-disparue");
}

TEST(KeepGoing, KeepsTheSkippedConventionPdfByteForByteListsItAndMarksItStale) {
  Project p;
  copy_sample(p);
  auto first = p.run({"build", "--as-of", k_as_of, "--only", "convention-pdf"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string pdf = "conventions/cv-2020-0001.pdf";
  std::string before = read(p.dir() / "out" / pdf);
  ASSERT_FALSE(before.empty());
  break_cv_2020_0001(p);
  auto r = p.run({"build", "--keep-going", "--as-of", k_as_of, "--only", "convention-pdf"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("ignoré : " + pdf + " (fiche en erreur : convention:cv-2020-0001)\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(" 0 supprimé(s)"), std::string::npos) << r.err;
  EXPECT_EQ(read(p.dir() / "out" / pdf), before);
  auto entry = manifest_entry(p, "out", pdf);
  ASSERT_FALSE(entry.is_null());
  EXPECT_EQ(entry.value("stale", false), true) << entry.dump();
  // Another convention's entry keeps the normal shape: no "stale" field.
  auto other = manifest_entry(p, "out", "conventions/cv-2021-0005.pdf");
  ASSERT_FALSE(other.is_null());
  EXPECT_FALSE(other.contains("stale")) << other.dump();

  // Again: still kept and listed (the stale entry is carried over).
  auto again = p.run({"build", "--keep-going", "--as-of", k_as_of, "--only", "convention-pdf"});
  EXPECT_NE(again.err.find("ignoré : " + pdf), std::string::npos) << again.err;
  EXPECT_EQ(read(p.dir() / "out" / pdf), before);

  // Repaired: rendered again (same bytes as before) and no longer stale.
  edit(p, "data/conventions/cv-2020-0001.yaml", "structure: commune-disparue",
       "structure: commune-de-bazuel");
  auto fixed = p.run({"build", "--as-of", k_as_of, "--only", "convention-pdf"});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_EQ(read(p.dir() / "out" / pdf), before);
  EXPECT_FALSE(manifest_entry(p, "out", pdf).contains("stale"));
}

TEST(KeepGoing, TheGlobalLedgerIsKeptAndListedRatherThanShrunk) {
  Project p;
  copy_sample(p);
  ASSERT_EQ(p.run({"build", "--as-of", k_as_of, "--only", "tranches-xlsx"}).exit_code, 0);
  const std::string ledger = "echeanciers/echeancier-global.xlsx";
  std::string before = read(p.dir() / "out" / ledger);
  // An error in a record the ledger reads (a versement of cv-2021-0009 paid before the
  // convention's signature would be another): the conseiller of cv-2020-0001's post.
  break_cv_2020_0001(p);
  auto r = p.run(
      {"build", "--keep-going", "--as-of", k_as_of, "--only", "tranches-xlsx", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(read(p.dir() / "out" / ledger), before);
  auto diagnostics = nlohmann::json::parse(r.out);
  bool listed = false;
  for (const auto& d : diagnostics)
    if (d["code"] == "output-skipped" &&
        d["message"].get<std::string>().find(ledger) != std::string::npos)
      listed = d["severity"] == "warning";
  EXPECT_TRUE(listed) << r.out;
  EXPECT_EQ(manifest_entry(p, "out", ledger).value("stale", false), true);
}

TEST(Select, RendersOnlyTheSelectedOutputsAndKeepsEveryOtherEntry) {
  Project p;
  copy_sample(p);
  auto full = p.run({"build", "--as-of", k_as_of, "--only", k_record_emitters});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  auto before = p.snapshot("out");
  auto manifest_before = nlohmann::json::parse(before["manifest.json"]);
  // Edits that change outputs of cv-2021-0005 (its dossier number is printed) and of
  // cv-2020-0001's conseiller.
  edit(p, "data/conventions/relance-2021.yaml", "dossier: \"DS-5520231\"",
       "dossier: \"DS-5520232\"");
  edit(p, "data/conseillers/cn-0001.yaml", "nom: Wattiez", "nom: Wattiez-Dubois");
  auto r = p.run({"build", "--as-of", k_as_of, "--only", k_record_emitters, "--select",
                  "convention=cv-2021-0005"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("hors sélection"), std::string::npos) << r.err;
  auto after = p.snapshot("out");
  auto manifest_after = nlohmann::json::parse(after["manifest.json"]);
  ASSERT_EQ(manifest_after["files"].size(), manifest_before["files"].size());
  for (std::size_t i = 0; i < manifest_before["files"].size(); ++i) {
    const auto& b = manifest_before["files"][i];
    const auto& a = manifest_after["files"][i];
    ASSERT_EQ(a["path"], b["path"]);
    if (records_of(b).contains("convention:cv-2021-0005")) continue;
    // Not selected: the same file and the same entry, although cn-0001 changed.
    EXPECT_EQ(a, b) << a.dump();
    EXPECT_EQ(after[b["path"].get<std::string>()], before[b["path"].get<std::string>()]);
  }
  EXPECT_NE(after["conventions/cv-2021-0005.pdf"], before["conventions/cv-2021-0005.pdf"]);
  // The unselected outputs of cn-0001 are out of date: a full build renders them now.
  auto rest = p.run({"build", "--as-of", k_as_of, "--only", k_record_emitters});
  EXPECT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_EQ(rest.err.find(" 0 fichier(s) écrit(s)"), std::string::npos) << rest.err;
}

TEST(Select, UnknownKeysAndIdsAreUsageErrorsWithASuggestion) {
  Project p;
  copy_sample(p);
  auto key = p.run({"build", "--as-of", k_as_of, "--select", "conventoin=cv-2021-0005"});
  EXPECT_EQ(key.exit_code, 2) << key.err;
  EXPECT_NE(key.err.find("vouliez-vous dire « convention »"), std::string::npos) << key.err;
  auto shape = p.run({"build", "--as-of", k_as_of, "--select", "convention"});
  EXPECT_EQ(shape.exit_code, 2) << shape.err;
  // Checked before the emitters' own checks (the site's design system is absent here).
  auto id = p.run({"build", "--as-of", k_as_of, "--select", "convention=cv-2021-005"});
  EXPECT_EQ(id.exit_code, 2) << id.err;
  EXPECT_NE(id.err.find("vouliez-vous dire « cv-2021-0005 »"), std::string::npos) << id.err;
  auto regime = p.run({"build", "--as-of", k_as_of, "--select", "regime=relance-2022"});
  EXPECT_EQ(regime.exit_code, 2) << regime.err;
  EXPECT_NE(regime.err.find("vouliez-vous dire"), std::string::npos) << regime.err;
  EXPECT_FALSE(fs::exists(p.dir() / "out"));
}

TEST(Select, StructureDepartementAndRegimeSelectTheOutputsThatReadThem) {
  Project p;
  copy_sample(p);
  ASSERT_EQ(p.run({"build", "--as-of", k_as_of, "--only", "convention-pdf"}).exit_code, 0);
  auto count_written = [](const std::string& err) {
    std::smatch m;
    return std::regex_search(err, m, std::regex("(\\d+) fichier\\(s\\) écrit\\(s\\)"))
               ? std::stoi(m[1])
               : -1;
  };
  // --force: every selected output is rendered, so the count says what was selected.
  auto one = p.run({"build", "--as-of", k_as_of, "--only", "convention-pdf", "--force", "--select",
                    "structure=commune-de-bazuel", "--select",
                    "regime=coordinateur-2023,relance-2020", "--select", "departement=974"});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_GT(count_written(one.err), 1) << one.err;
  auto all = p.run({"build", "--as-of", k_as_of, "--only", "convention-pdf", "--force"});
  EXPECT_GT(count_written(all.err), count_written(one.err)) << all.err;
}

// Per-record fingerprints are only right if each job lists every record its output reads.
// Edit records of every kind, then: an incremental build rewrites exactly the outputs whose
// manifest entry lists an edited record, and a full build from scratch gives every other
// output the same bytes as before and the incremental build's bytes for all.
TEST(PerRecordFingerprints, OnlyTheOutputsThatListAnEditedRecordChange) {
  Project p;
  copy_sample(p);
  auto first = p.run({"build", "--as-of", k_as_of, "--only", k_record_emitters});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto before = p.snapshot("out");
  auto manifest = nlohmann::json::parse(before["manifest.json"]);
  const std::set<std::string> edited = {
      "conseiller:cn-0001", "versement:cv-2021-0009/poste-2/tranche-2", "rapport:cn-0002/2022-10",
      "depense:cc-vallee-de-la-selle/cv-2020-0002/2022-T4"};
  edit(p, "data/conseillers/cn-0001.yaml", "nom: Wattiez", "nom: Wattiez-Dubois");
  edit(p, "data/versements/2022.yaml", "date: 2022-01-03", "date: 2022-01-04");
  edit(p, "data/rapports/cc-vallee-de-la-selle-2022.yaml", "accompagnements_individuels: 56",
       "accompagnements_individuels: 57");
  edit(p, "data/depenses/cc-vallee-de-la-selle-cv-2020-0002.yaml", "frais: 514.80",
       "frais: 515.80");
  std::set<std::string> reading;  // outputs that list an edited record
  for (const auto& f : manifest["files"]) {
    auto records = records_of(f);
    for (const auto& e : edited)
      if (records.contains(e)) reading.insert(f["path"].get<std::string>());
  }
  ASSERT_FALSE(reading.empty());
  ASSERT_LT(reading.size(), manifest["files"].size());

  auto incremental = p.run({"build", "--as-of", k_as_of, "--only", k_record_emitters});
  EXPECT_EQ(incremental.exit_code, 0) << incremental.err;
  EXPECT_NE(incremental.err.find(std::to_string(reading.size()) + " fichier(s) écrit(s), " +
                                 std::to_string(manifest["files"].size() - reading.size()) +
                                 " inchangé(s)"),
            std::string::npos)
      << incremental.err;

  auto scratch = p.run({"build", "--as-of", k_as_of, "--only", k_record_emitters, "--out", "neuf"});
  EXPECT_EQ(scratch.exit_code, 0) << scratch.err;
  auto now = p.snapshot("out");
  auto fresh = p.snapshot("neuf");
  for (const auto& f : manifest["files"]) {
    std::string path = f["path"];
    EXPECT_EQ(now[path], fresh[path]) << path << " : incrémental ≠ reconstruction complète";
    if (!reading.contains(path)) {
      EXPECT_EQ(fresh[path], before[path]) << path << " a changé";
    }
  }
}

// What the bulletins must do after an edit: not be rendered (a field of the private part,
// host/record_digests.hpp), print something else, or either (a field of the public part that
// these bulletins happen not to show).
// NothingRendered: a field only the rules read (host/record_digests.hpp), which no output of any
// emitter is rendered again for.
enum class Bulletins { NothingRendered, NotRendered, Changed, Either };
struct FieldEdit {
  std::string field, from, to;
  Bulletins bulletins;
};

// Edits each field of the record at `anchor` of `file` in turn (from `base`, the file's text
// for every edit) and checks after each one that the incremental build equals a build from
// scratch, file by file, and what the bulletins did.
void check_field_edits(const Project& p, const std::string& file, const std::string& anchor,
                       const std::string& base, const std::vector<FieldEdit>& edits) {
  auto in_block = [&](std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from, text.find(anchor));
    EXPECT_NE(at, std::string::npos) << "« " << from << " » introuvable";
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
  };
  const std::vector<std::string> args = {"build", "--as-of", k_as_of, "--only", k_record_emitters};
  p.write(file, base);
  auto first = p.run(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  for (const FieldEdit& e : edits) {
    SCOPED_TRACE(e.field);
    auto before = p.snapshot("out");
    std::map<std::string, ino_t> inode_before;  // of every output
    for (const auto& [path, bytes] : before)
      if (path != "manifest.json" && !path.starts_with(".")) {
        struct stat st {};
        ASSERT_EQ(::stat((p.dir() / "out" / path).c_str(), &st), 0);
        inode_before[path] = st.st_ino;
      }
    ASSERT_TRUE(std::any_of(inode_before.begin(), inode_before.end(), [](const auto& entry) {
      return entry.first.starts_with("bulletins/");
    }));
    p.write(file, in_block(base, e.from, e.to));
    auto incremental = p.run(args);
    ASSERT_EQ(incremental.exit_code, 0) << incremental.err;
    fs::remove_all(p.dir() / "neuf");
    std::vector<std::string> scratch_args = args;
    scratch_args.insert(scratch_args.end(), {"--out", "neuf"});
    auto scratch = p.run(scratch_args);
    ASSERT_EQ(scratch.exit_code, 0) << scratch.err;
    auto now = p.snapshot("out");
    auto fresh = p.snapshot("neuf");
    std::set<std::string> paths;
    for (const auto& [path, bytes] : fresh) paths.insert(path);
    for (const auto& [path, bytes] : now) paths.insert(path);
    bool some_bulletin_changed = false;  // in its bytes
    for (const auto& path : paths) {
      // manifest.json included: the same bytes.
      EXPECT_EQ(now[path], fresh[path]) << path << " : incrémental ≠ reconstruction complète";
      if (!inode_before.contains(path)) continue;
      struct stat st {};
      ASSERT_EQ(::stat((p.dir() / "out" / path).c_str(), &st), 0);
      bool rendered = st.st_ino != inode_before[path];  // placed by a rename
      if (e.bulletins == Bulletins::NothingRendered) {
        EXPECT_FALSE(rendered) << path << " rendu à nouveau";
      }
      if (!path.starts_with("bulletins/")) continue;
      if (e.bulletins == Bulletins::NotRendered) {
        EXPECT_FALSE(rendered) << path << " rendu à nouveau";
      }
      some_bulletin_changed |= now[path] != before[path];
    }
    if (e.bulletins == Bulletins::Changed) {
      EXPECT_TRUE(some_bulletin_changed);
    }
    p.write(file, base);  // back to the base, so that the next edit is the only difference
    ASSERT_EQ(p.run(args).exit_code, 0);
  }
}

// The fingerprint of a job covers what its output reads, field by field: an output's bytes
// never change unless its fingerprint does. One conseiller (cn-0003, whose name the bulletins
// may print and who reports every month) has every field edited in turn; the bulletins, which
// print no personal data (domain.md §7), are rendered again only for the public part.
TEST(PerRecordFingerprints, EveryFieldOfAConseillerRendersAgainExactlyWhatPrintsIt) {
  Project p;
  copy_sample(p);
  const std::string file = "data/conseillers/cc-vallee-de-la-selle.yaml";
  const std::string anchor = "- id: cn-0003";
  std::string base = read(p.dir() / file);
  ASSERT_NE(base.find(anchor), std::string::npos);
  // Every optional field present, so that each can be edited.
  auto add = [&](const std::string& after, const std::string& more) {
    auto at = base.find(after, base.find(anchor));
    ASSERT_NE(at, std::string::npos) << after;
    base.insert(at + after.size(), more);
  };
  add("    signature_contrat: \"2021-04-29\"\n", "    notification_poste: \"2021-04-30\"\n");
  add("    heures: 350\n",
      "    exemption: false\n  rupture:\n    date: 2023-12-31\n    motif: démission\n");
  using enum Bulletins;
  // Not edited: the id (how every input names the record), `structure` (another one is a
  // structure-mismatch error: the posts name it) and `aides_emploi` (it sets the convention's
  // amount: any edit is an amount-mismatch error).
  check_field_edits(
      p, file, anchor, base,
      {
          {"prenom", "prenom: Amandine", "prenom: Amandina", Changed},
          {"nom", "nom: Carlier", "nom: Carlière", Changed},
          {"courriel", "courriel: amandine.carlier@", "courriel: a.carlier@", NothingRendered},
          {"role", "role: conseiller", "role: coordinateur", Either},
          {"publication_nom", "publication_nom: true", "publication_nom: false", Changed},
          {"recrutement.presentation", "presentation: \"2021-04-06\"",
           "presentation: \"2021-04-07\"", NothingRendered},
          {"recrutement.selection", "selection: \"2021-04-19\"", "selection: \"2021-04-20\"",
           NothingRendered},
          {"recrutement.signature_contrat", "signature_contrat: \"2021-04-29\"",
           "signature_contrat: \"2021-04-28\"", NothingRendered},
          {"recrutement.notification_poste", "notification_poste: \"2021-04-30\"",
           "notification_poste: \"2021-05-01\"", NothingRendered},
          {"contrat.type", "type: cdd-droit-public", "type: cdi-droit-public", Either},
          {"contrat.debut", "debut: \"2021-05-03\"", "debut: \"2021-05-04\"", Either},
          {"contrat.fin", "fin: \"2024-03-31\"", "fin: \"2024-03-30\"", Either},
          {"contrat.heures_hebdo", "heures_hebdo: 35", "heures_hebdo: 30", Either},
          {"contrat.salaire_brut_mensuel", "salaire_brut_mensuel: 1680.00",
           "salaire_brut_mensuel: 1690.00", NothingRendered},
          {"formation.depart", "depart: \"2021-05-10\"", "depart: \"2021-05-11\"", Either},
          {"formation.heures", "heures: 350", "heures: 420", Either},
          {"formation.exemption", "exemption: false", "exemption: true", Either},
          {"rupture.date", "date: 2023-12-31", "date: 2023-11-30", Either},
          {"rupture.motif", "motif: démission", "motif: mutation", NothingRendered},
      });
}

// The same for the fields of a structure that no bulletin shows (its contact, IBAN and BIC),
// with its name as the control.
TEST(PerRecordFingerprints, AStructuresContactAndBankDetailsRenderNoBulletinAgain) {
  Project p;
  copy_sample(p);
  const std::string file = "data/structures/departement-de-la-creuse.yaml";
  using enum Bulletins;
  check_field_edits(
      p, file, "id: departement-de-la-creuse", read(p.dir() / file),
      {
          {"nom", "nom: Département de la Creuse", "nom: Département de la Creuse (23)", Changed},
          {"contact.nom", "nom: Émilie Roussel", "nom: Émilie Rousselle", NothingRendered},
          {"contact.courriel", "courriel: inclusion.numerique@", "courriel: inclusion@",
           NothingRendered},
          {"contact.telephone", "telephone: \"05 55 00 23 23\"", "telephone: \"05 55 00 23 24\"",
           NothingRendered},
          {"iban", "iban: FR33 3000 1005 5000 0000 0000 023",
           "iban: FR76 3000 6000 0112 3456 7890 189", NotRendered},
          {"bic", "bic: BDFEFRPPCCT", "bic: BDFEFRPPXXX", NotRendered},
      });
}

// records-json reads every record and lists none: it is not planned again while what any
// output may print of the records is the same (a salary, read by the rules alone), and is
// otherwise rendered again: a name edited, a conseiller put in error (then left out of the
// export, under --keep-going) or back. Each time, the export is the one a build from scratch
// writes.
TEST(PerRecordFingerprints, TheRecordsExportIsRenderedAgainOnlyWhenWhatItPrintsMayChange) {
  Project p;
  copy_sample(p);
  const std::vector<std::string> args = {"build", "--keep-going", "--as-of",
                                         k_as_of, "--only",       "records-json"};
  const fs::path exported = p.dir() / "out" / "export" / "records.json";
  auto inode = [&] {
    struct stat st {};
    EXPECT_EQ(::stat(exported.c_str(), &st), 0);
    return st.st_ino;
  };
  auto written = [](const std::string& err) {
    std::smatch m;
    return std::regex_search(err, m, std::regex("(\\d+) fichier\\(s\\) écrit\\(s\\)"))
               ? std::stoi(m[1])
               : -1;
  };
  auto expect_as_from_scratch = [&] {
    fs::remove_all(p.dir() / "neuf");
    std::vector<std::string> scratch = args;
    scratch.insert(scratch.end(), {"--out", "neuf"});
    EXPECT_LE(p.run(scratch).exit_code, 1);
    EXPECT_EQ(read(exported), read(p.dir() / "neuf" / "export" / "records.json"));
  };
  auto first = p.run(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_NE(read(exported).find("\"cn-0001\""), std::string::npos);
  ino_t before = inode();

  edit(p, "data/conseillers/cn-0001.yaml", "salaire_brut_mensuel: 1520.00",
       "salaire_brut_mensuel: 1530.00");
  auto salary = p.run(args);
  EXPECT_EQ(salary.exit_code, 0) << salary.err;
  EXPECT_EQ(written(salary.err), 0) << salary.err;
  EXPECT_EQ(inode(), before);
  expect_as_from_scratch();

  edit(p, "data/conseillers/cn-0001.yaml", "nom: Wattiez", "nom: Wattiez-Dubois");
  auto name = p.run(args);
  EXPECT_EQ(name.exit_code, 0) << name.err;
  EXPECT_EQ(written(name.err), 1) << name.err;
  expect_as_from_scratch();

  // Below the SMIC: an error, so the conseiller is left out of the export.
  edit(p, "data/conseillers/cn-0001.yaml", "salaire_brut_mensuel: 1530.00",
       "salaire_brut_mensuel: 100.00");
  auto in_error = p.run(args);
  EXPECT_EQ(in_error.exit_code, 1) << in_error.err;
  EXPECT_NE(in_error.err.find("salary-below-smic"), std::string::npos) << in_error.err;
  EXPECT_EQ(read(exported).find("\"cn-0001\""), std::string::npos);
  expect_as_from_scratch();

  edit(p, "data/conseillers/cn-0001.yaml", "salaire_brut_mensuel: 100.00",
       "salaire_brut_mensuel: 1530.00");
  auto back = p.run(args);
  EXPECT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(written(back.err), 1) << back.err;
  EXPECT_NE(read(exported).find("\"cn-0001\""), std::string::npos);
  expect_as_from_scratch();
}

// Templates and pages of the tool's own share folder are fingerprinted by their name in it:
// reinstalling or moving Tampon (another prefix, TAMPON_SHARE_DIR) renders nothing again. They
// were named by absolute path, and an installation moved re-rendered every output.
TEST(Fingerprints, MovingTheToolsShareFolderRendersNothingAgain) {
  Project p;
  fs::copy(k_source / "data", p.dir() / "data", fs::copy_options::recursive);  // no templates/
  // The share folder beside the project, as an installation is (/usr/share/tampon).
  const fs::path share_a = p.dir().string() + "-partage-a",
                 share_b = p.dir().string() + "-partage-b";
  fs::remove_all(share_a);
  fs::remove_all(share_b);
  fs::create_directories(share_a);
  for (const char* part : {"data", "templates", "content"})
    fs::copy(k_source / part, share_a / part, fs::copy_options::recursive);
  fs::create_directory_symlink(k_source / "node_modules", share_a / "node_modules");  // DSFR
  auto with_share = [&](const fs::path& share, const std::vector<std::string>& args) {
    ::setenv("TAMPON_SHARE_DIR", share.c_str(), 1);
    auto result = p.run(args);
    ::unsetenv("TAMPON_SHARE_DIR");
    return result;
  };
  const std::vector<std::string> build = {"build", "--as-of", k_as_of, "--out", "out"};
  auto first = with_share(share_a, build);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto before = p.snapshot("out");
  ASSERT_GT(before.size(), 10u);
  fs::rename(share_a, share_b);
  // Relative, as a user may set it: taken from the working folder, here the project's.
  auto moved = with_share(fs::path("..") / share_b.filename(), build);
  EXPECT_EQ(moved.exit_code, 0) << moved.err;
  const std::regex nothing_written("(^|\\n)0 fichier\\(s\\) écrit\\(s\\), ");
  EXPECT_TRUE(std::regex_search(moved.err, nothing_written)) << moved.err;
  EXPECT_EQ(p.snapshot("out"), before);
  // A shipped template edited in the new place is still seen.
  fs::path page = share_b / "templates/site/page.mustache";
  ASSERT_TRUE(fs::exists(page));
  { std::ofstream(page, std::ios::app) << "<!-- modifié -->\n"; }
  auto edited = with_share(share_b, build);
  EXPECT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_FALSE(std::regex_search(edited.err, nothing_written)) << edited.err;
  fs::remove_all(share_b);
}

}  // namespace
}  // namespace tampon::testing
