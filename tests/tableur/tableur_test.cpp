// `tampon export tableur` and `tampon import tableur` as users run them (docs/tableur.md).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "cli_harness.hpp"
#include "partial_import.hpp"
#include "tabular/xlsx_reader.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;
using tabular::Cell;
using tabular::XlsxWorkbook;

const std::string k_source = TAMPON_SOURCE_DIR;

/// Outputs compared byte for byte; the manifest without its fingerprints (digests of the
/// source files, which are other files after an import) and without the stamps (inodes).
std::map<std::string, std::string> comparable(std::map<std::string, std::string> out) {
  out.erase(".tampon-stamps");
  if (auto it = out.find("manifest.json"); it != out.end())
    it->second = std::regex_replace(it->second, std::regex("\"fingerprint\": \"[0-9a-f]+\""),
                                    "\"fingerprint\": \"\"");
  return out;
}

XlsxWorkbook open_book(const fs::path& path) {
  std::string error;
  auto book = XlsxWorkbook::open(path, error);
  EXPECT_TRUE(book) << error;
  return std::move(*book);
}

class SampleRoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project = new Project("tableur-round-trip");
    exported = project->run(
        {"export", "tableur", "fiches.xlsx", "--project", k_source, "--as-of", "2024-06-30"});
    fs::create_directories(project->dir() / "vide");
    imported = project->run({"import", "tableur", "fiches.xlsx", "--project", "vide"});
  }
  static void TearDownTestSuite() {
    delete project;
    project = nullptr;
  }
  static inline Project* project = nullptr;
  static inline RunResult exported, imported;
};

TEST_F(SampleRoundTrip, ExportThenImportGivesByteIdenticalOutputs) {
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(exported.err.find("classeur écrit : fiches.xlsx (16 structures, 28 conseillers"),
            std::string::npos)
      << exported.err;
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  // cv-2021-0005 belongs to the Creuse's council (département 23).
  EXPECT_NE(imported.err.find("écrit : data/conventions/23.yaml"), std::string::npos)
      << imported.err;
  auto a = project->run(
      {"build", "--project", k_source, "--out", "a", "--as-of", "2024-06-30", "--no-cache", "-q"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto b = project->run(
      {"build", "--project", "vide", "--out", "b", "--as-of", "2024-06-30", "--no-cache", "-q"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  auto original = comparable(project->snapshot("a"));
  auto round_trip = comparable(project->snapshot("b"));
  ASSERT_GT(original.size(), 100u);
  EXPECT_EQ(original.size(), round_trip.size());
  for (const auto& [path, bytes] : original) {
    auto it = round_trip.find(path);
    ASSERT_NE(it, round_trip.end()) << path;
    EXPECT_TRUE(it->second == bytes) << path << " differs after the round trip";
  }
}

TEST_F(SampleRoundTrip, WorkbookHasOneSheetPerKindAndListSheets) {
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto book = open_book(project->dir() / "fiches.xlsx");
  EXPECT_EQ(book.sheet_names(),
            (std::vector<std::string>{"structures", "conseillers", "conventions", "avenants",
                                      "versements", "rapports", "depenses", "conventions.postes",
                                      "avenants.postes_ajoutes", "depenses.lignes"}));
  std::string error;
  auto conseillers = book.sheet("conseillers", error, true);
  ASSERT_TRUE(conseillers) << error;
  // Dotted headers, real dates, numbers, booleans.
  int debut = 0, salaire = 0;
  for (const auto& [col, cell] : conseillers->row(1)) {
    if (cell.text == "contrat.debut") debut = col;
    if (cell.text == "contrat.salaire_brut_mensuel") salaire = col;
  }
  ASSERT_GT(debut, 0);
  ASSERT_GT(salaire, 0);
  ASSERT_NE(conseillers->at(2, debut), nullptr);
  EXPECT_EQ(conseillers->at(2, debut)->type, Cell::Type::Date);
  EXPECT_EQ(conseillers->at(2, salaire)->type, Cell::Type::Number);
  // Drop-down lists for enumerated values (contract types, roles).
  EXPECT_NE(conseillers->xml().find("<dataValidation type=\"list\""), std::string::npos);
  EXPECT_NE(conseillers->xml().find("cdd-droit-public"), std::string::npos);
  // Header comments, in French.
  bool comments = false;
  for (int i = 1; i <= 10 && !comments; ++i) {
    auto part = book.part("xl/comments" + std::to_string(i) + ".xml", error);
    comments = part && part->find("Début du contrat") != std::string::npos;
  }
  EXPECT_TRUE(comments);
  // Lists keyed by their owner's id.
  auto postes = book.sheet("conventions.postes", error);
  ASSERT_TRUE(postes) << error;
  EXPECT_EQ(postes->at("A1")->text, "convention");
  EXPECT_EQ(postes->at("B1")->text, "numero");
  auto lignes = book.sheet("depenses.lignes", error);
  ASSERT_TRUE(lignes) << error;
  EXPECT_EQ(lignes->at("A1")->text, "depense (ligne)");
  EXPECT_EQ(lignes->at("A2")->text, "2");
}

TEST_F(SampleRoundTrip, ImportingTheSameWorkbookAgainChangesNothing) {
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto again = project->run({"import", "tableur", "fiches.xlsx", "--project", "vide"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("import : 0 fichier écrit, 158 inchangés"), std::string::npos)
      << again.err;
}

TEST_F(SampleRoundTrip, LibreOfficeOpensTheWorkbookAndItsCopyImportsTheSame) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  fs::path dir = project->dir();
  fs::create_directories(dir / "lo");
  std::string command = "cd '" + dir.string() + "' && soffice -env:UserInstallation=file://" +
                        (dir / "lo-profile").string() +
                        " --headless --convert-to xlsx --outdir lo fiches.xlsx >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  ASSERT_TRUE(fs::exists(dir / "lo/fiches.xlsx"));
  fs::create_directories(dir / "vide-lo");
  auto r = project->run({"import", "tableur", "lo/fiches.xlsx", "--project", "vide-lo"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(project->snapshot("vide-lo/data"), project->snapshot("vide/data"));
}

void write_workbook(const fs::path& path,
                    const std::map<std::string, std::vector<std::vector<std::string>>>& sheets) {
  lxw_workbook* wb = workbook_new(path.c_str());
  for (const auto& [name, rows] : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c)
        if (!rows[r][c].empty())
          worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                 rows[r][c].c_str(), nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

TEST(ImportTableur, ABadCellIsReportedAtItsSheetAndCellAndNothingIsWritten) {
  Project p;
  write_workbook(p.dir() / "f.xlsx", {{"conventions",
                                       {{"id", "structure", "signature"},
                                        {"cv-1", "mairie", "2021-04-02"},
                                        {"cv-2", "mairie", "pas une date"}}}});
  auto r = p.run({"import", "tableur", "f.xlsx"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("f.xlsx, feuille « conventions », cellule C3: erreur: « signature » : "
                       "date attendue (JJ/MM/AAAA ou AAAA-MM-JJ), trouvé « pas une date »"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("rien n'a été écrit"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[import-cell]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(p.dir() / "data"));
}

TEST(ImportTableur, AnUnknownColumnGetsADidYouMean) {
  Project p;
  write_workbook(p.dir() / "f.xlsx", {{"structures", {{"id", "nomm"}, {"s-1", "Mairie"}}}});
  auto r = p.run({"import", "tableur", "f.xlsx", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 1u) << r.out;
  EXPECT_EQ(json[0]["file"], "f.xlsx, feuille « structures », cellule B1");
  EXPECT_EQ(json[0]["code"], "import-header");
  EXPECT_NE(json[0]["message"].get<std::string>().find("vouliez-vous dire « nom »"),
            std::string::npos)
      << r.out;
}

TEST(ImportTableur, TextThatLooksLikeAFormulaOrANumberStaysText) {
  Project p;
  write_workbook(p.dir() / "f.xlsx",
                 {{"structures",
                   {{"id", "nom", "siret", "adresse.code_postal", "contrat_de_projet_autorise"},
                    {"s-1", "=1+1 « Mairie »: #1\nbis", "21590139700012", "01000", "VRAI"}}}});
  auto r = p.run({"import", "tableur", "f.xlsx"});
  ASSERT_TRUE(imported_partial_records(r)) << r.err;
  std::ifstream in(p.dir() / "data/structures/sans-departement.yaml");
  std::string yaml((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(yaml,
            "# structures sans département connu (tampon import tableur)\n"
            "\n"
            "- id: \"s-1\"\n"
            "  nom: \"=1+1 « Mairie »: #1\\nbis\"\n"
            "  siret: \"21590139700012\"\n"
            "  adresse:\n"
            "    code_postal: \"01000\"\n"
            "  contrat_de_projet_autorise: true\n");
  // Exported again, the name is a text cell, never a formula.
  auto e = p.run({"export", "tableur", "g.xlsx"});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  std::string error;
  auto book = open_book(p.dir() / "g.xlsx");
  auto sheet = book.sheet("structures", error);
  ASSERT_TRUE(sheet) << error;
  EXPECT_EQ(sheet->at("B2")->type, Cell::Type::Text);
  EXPECT_EQ(sheet->at("B2")->formula, "");
  EXPECT_EQ(sheet->at("B2")->text, "=1+1 « Mairie »: #1\nbis");
}

TEST(ImportTableur, NeverReplacesAChangedFileWithoutForce) {
  Project p;
  write_workbook(p.dir() / "f.xlsx", {{"structures", {{"id", "nom"}, {"s-1", "Mairie"}}}});
  ASSERT_TRUE(imported_partial_records(p.run({"import", "tableur", "f.xlsx"})));
  p.write("data/structures/sans-departement.yaml", "- id: s-1\n  nom: Mairie modifiée à la main\n");
  auto refused = p.run({"import", "tableur", "f.xlsx"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("data/structures/sans-departement.yaml: erreur: ce fichier existe et "
                             "dit autre chose : relancez avec --force"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("[import-would-overwrite]"), std::string::npos) << refused.err;
  EXPECT_EQ(p.snapshot("data")["structures/sans-departement.yaml"],
            "- id: s-1\n  nom: Mairie modifiée à la main\n");
  auto forced = p.run({"import", "tableur", "f.xlsx", "--force"});
  EXPECT_TRUE(imported_partial_records(forced)) << forced.err;
  EXPECT_EQ(p.snapshot("data")["structures/sans-departement.yaml"],
            "# structures sans département connu (tampon import tableur)\n\n"
            "- id: \"s-1\"\n  nom: \"Mairie\"\n");
}

TEST(ImportTableur, ReadsOneCsvPerSheetWithBomQuotesAndFrenchFormats) {
  Project p;
  p.write("conventions.csv",
          "\xEF\xBB\xBFid;structure;regime;signature;debut;fin;dossier\r\n"
          "cv-1;mairie;relance-2021;02/04/2021;2021-04-01;31/03/2023;\"DS; 42\"\r\n");
  p.write("conventions.postes.csv",
          "convention;numero;role;contrat;montant\r\n"
          "cv-1;1;conseiller;cdd-droit-public;\"50 000,00\"\r\n"
          "cv-1;2;conseiller;cdd-droit-public;\r\n");
  auto r = p.run({"import", "tableur", "conventions.csv"});
  ASSERT_TRUE(imported_partial_records(r)) << r.err;
  // The structure is not in the import: its département is not known.
  EXPECT_EQ(p.snapshot("data")["conventions/sans-departement.yaml"],
            "# conventions sans département connu (tampon import tableur)\n"
            "\n"
            "- id: \"cv-1\"\n"
            "  structure: \"mairie\"\n"
            "  regime: \"relance-2021\"\n"
            "  signature: 2021-04-02\n"
            "  debut: 2021-04-01\n"
            "  fin: 2023-03-31\n"
            "  dossier: \"DS; 42\"\n"
            "  postes:\n"
            "    - numero: 1\n"
            "      role: \"conseiller\"\n"
            "      contrat: \"cdd-droit-public\"\n"
            "      montant: 50000.00\n"
            "    - numero: 2\n"
            "      role: \"conseiller\"\n"
            "      contrat: \"cdd-droit-public\"\n");
}

// What the import cannot see alone (a SIRET's check digit, a conseiller no file names) is found
// by validating the project once the files are written; the user then fixes the workbook, so
// each finding is shown at the cell its value came from, the YAML line as a note.
TEST(ImportTableur, WhatValidationFindsInTheRecordsWrittenIsShownAtTheirCell) {
  Project p;
  p.write("structures.csv", "id;nom;siret\ns-1;Mairie;21590139700013\n");
  p.write("conventions.csv",
          "id;structure;regime;signature;debut;fin\n"
          "cv-1;s-1;relance-2021;02/04/2021;2021-04-01;31/03/2023\n");
  p.write(
      "conventions.postes.csv",
      "convention;numero;role;contrat;conseiller\ncv-1;1;conseiller;cdd-droit-public;personne\n");
  // A record written by hand is the user's: its finding stays at its line.
  p.write("data/conseillers/a-la-main.yaml", "- id: c-1\n  nom: Durand\n");
  auto r = p.run({"import", "tableur", "structures.csv", "conventions.csv"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("structures.csv:2:12: erreur: SIRET « 21590139700013 » invalide : sa clé "
                       "de contrôle ne correspond pas ; vérifiez les chiffres [siret-checksum]\n"
                       "data/structures/sans-departement.yaml:5:10: note: écrit ici par l'import"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("conventions.postes.csv:2:36: erreur: le conseiller « personne » n'existe "
                       "pas dans data/conseillers/ [dangling-reference]"),
            std::string::npos)
      << r.err;
  // A field left out is found at the row, its first cell.
  EXPECT_NE(r.err.find("structures.csv:2:1: erreur: champ obligatoire « adresse » manquant"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("data/conseillers/a-la-main.yaml:1:3: erreur:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("vérification : 7 constats dans les fiches importées, montrés à la "
                       "cellule d'où vient la valeur"),
            std::string::npos)
      << r.err;
  // The files are written all the same: the workbook is fixed, then imported again.
  EXPECT_TRUE(fs::exists(p.dir() / "data/structures/sans-departement.yaml"));
}

TEST(ImportTableur, InAWorkbookValidationFindingsNameTheSheetAndCell) {
  Project p;
  write_workbook(p.dir() / "f.xlsx",
                 {{"structures", {{"id", "nom", "siret"}, {"s-1", "Mairie", "21590139700013"}}},
                  {"conventions",
                   {{"id", "structure", "regime", "signature", "debut", "fin"},
                    {"cv-1", "s-1", "relance-2021", "2021-04-02", "2021-04-01", "2023-03-31"}}},
                  {"conventions.postes",
                   {{"convention", "numero", "role", "contrat", "conseiller"},
                    {"cv-1", "1", "conseiller", "cdd-droit-public", "personne"}}}});
  auto r = p.run({"import", "tableur", "f.xlsx", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::map<std::string, std::string> file_of;  // code → where, for the codes found once
  for (const auto& d : nlohmann::json::parse(r.out))
    if (d["code"] != "missing-field") file_of[d["code"].get<std::string>()] = d["file"];
  EXPECT_EQ(file_of["siret-checksum"], "f.xlsx, feuille « structures », cellule C2") << r.out;
  EXPECT_EQ(file_of["dangling-reference"], "f.xlsx, feuille « conventions.postes », cellule E2")
      << r.out;
}

// Found by fuzz_import_tableur: a number the loader refuses (out of its field's bounds, a
// fraction where a whole number goes, three decimals in an amount) was written, and the error
// came only from `validate`, at a line of the YAML instead of the cell.
TEST(ImportTableur, ANumberTheLoaderWouldRefuseIsReportedAtItsCellAndNothingIsWritten) {
  Project p;
  p.write("versements.csv",
          "convention;poste;tranche;date;montant\n"
          "cv-1;1;1;2021-05-14;10000\n"
          "cv-1;1,5;2;2021-11-14;10000\n"
          "cv-1;1;0;2021-11-14;10000\n"
          "cv-1;1;2;2021-11-14;\"10 000,125\"\n");
  auto r = p.run({"import", "tableur", "versements.csv"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("versements.csv:3:6: erreur: « poste » : nombre entier de 1 à"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("versements.csv:4:8: erreur: « tranche » : nombre entier de 1 à 99 "
                       "attendu, trouvé « 0 »"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("versements.csv:5:21: erreur: « montant » : montant en euros"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(p.snapshot("data").empty());
}

// Found by bench/tableur on the national set: libxlsxwriter stores 540.43 as
// "540.4299999999999" (16 significant digits), Excel a sum as "0.30000000000000004"; taken as
// written, such an amount has more than two decimals and the import refused 879 of them.
TEST(ImportTableur, ANumberCellIsReadToFifteenSignificantDigitsAsSpreadsheetsKeepThem) {
  Project p;
  lxw_workbook* wb = workbook_new((p.dir() / "f.xlsx").c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "versements");
  const char* header[] = {"convention", "poste", "tranche", "date", "montant"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  const double amounts[] = {540.43, 0.1 + 0.2, 77.9, 1850.5};
  for (lxw_row_t r = 1; r <= 4; ++r) {
    worksheet_write_string(ws, r, 0, "cv-1", nullptr);
    worksheet_write_number(ws, r, 1, 1, nullptr);
    worksheet_write_number(ws, r, 2, r, nullptr);
    worksheet_write_string(ws, r, 3, "2021-05-14", nullptr);
    worksheet_write_number(ws, r, 4, amounts[r - 1], nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto r = p.run({"import", "tableur", "f.xlsx"});
  ASSERT_TRUE(imported_partial_records(r)) << r.err;
  std::string yaml = p.snapshot("data")["versements/sans-departement.yaml"];
  for (const char* amount :
       {"montant: 540.43\n", "montant: 0.3\n", "montant: 77.9\n", "montant: 1850.5\n"})
    EXPECT_NE(yaml.find(amount), std::string::npos) << amount << "\n" << yaml;
}

TEST(ImportTableur, HoursOutsideOneToFortyEightAreRefusedAtTheirCell) {
  Project p;
  p.write("conseillers.csv",
          "id;prenom;nom;structure;role;contrat.type;contrat.debut;contrat.heures_hebdo;"
          "contrat.salaire_brut_mensuel\n"
          "cn-1;Kévin;Delannoy;mairie;conseiller;cdi;2021-04-19;35180;1720\n"
          "cn-2;Léa;Martin;mairie;conseiller;cdi;2021-04-19;17,5;1720\n");
  auto r = p.run({"import", "tableur", "conseillers.csv"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("conseillers.csv:2:54: erreur: « contrat.heures_hebdo » : nombre de 1 à 48 "
                       "attendu, trouvé « 35180 »"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("conseillers.csv:3:"), std::string::npos) << r.err;  // 17,5 is right
}

TEST(ImportTableur, ABadCsvFieldIsReportedAtItsLineAndColumn) {
  Project p;
  p.write("versements.csv",
          "convention;poste;tranche;date;montant\n"
          "cv-1;1;1;2021-05-14;10000\n"
          "cv-1;1;2;2021-11-14;dix mille\n");
  auto r = p.run({"import", "tableur", "versements.csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("versements.csv:3:21: erreur: « montant » : nombre attendu"),
            std::string::npos)
      << r.err;
}

TEST(ImportTableur, ACsvFileThatCannotBeReadIsAnImportFileErrorAtItsPosition) {
  Project p;
  p.write("structures.csv", "id;nom\ns-1;\"guillemet jamais fermé\n");
  auto r = p.run({"import", "tableur", "structures.csv"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("structures.csv:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[import-file]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(p.dir() / "data"));
}

TEST(ImportTableur, AListRowWhoseOwnerIsMissingIsReported) {
  Project p;
  write_workbook(p.dir() / "f.xlsx",
                 {{"conventions", {{"id"}, {"cv-1"}}},
                  {"conventions.postes", {{"convention", "numero"}, {"cv-9", "1"}}}});
  auto r = p.run({"import", "tableur", "f.xlsx"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("f.xlsx, feuille « conventions.postes », cellule A2: erreur: « cv-9 » ne "
                       "correspond à aucune fiche de la feuille conventions"),
            std::string::npos)
      << r.err;
}

TEST(ImportTableur, AHostileWorkbookIsRefusedInFrench) {
  Project p;
  p.write("f.xlsx", "PK\x03\x04 pas vraiment un zip");
  auto r = p.run({"import", "tableur", "f.xlsx"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("f.xlsx : ce n'est pas un classeur XLSX"), std::string::npos) << r.err;
}

TEST(ExportTableur, AnEmptyProjectGivesTheEmptyTemplate) {
  Project p;
  auto r = p.run({"export", "tableur", "modele.xlsx"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto book = open_book(p.dir() / "modele.xlsx");
  std::string error;
  auto sheet = book.sheet("structures", error);
  ASSERT_TRUE(sheet) << error;
  EXPECT_EQ(sheet->at("A1")->text, "id");
  EXPECT_EQ(sheet->max_row(), 1);
}

TEST(ExportTableur, UsageErrorsAreFrench) {
  Project p;
  auto r = p.run({"export", "tableur", "fiches.ods"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("d'extension .xlsx"), std::string::npos) << r.err;
  auto q = p.run({"import", "tableurs", "f.xlsx"});
  EXPECT_EQ(q.exit_code, 2);
}

}  // namespace
}  // namespace tampon::testing

namespace tampon::testing {
namespace {

TEST(ImportTableur, FormattedBlankCellsAreNotData) {
  Project p;
  lxw_workbook* wb = workbook_new((p.dir() / "f.xlsx").c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "structures");
  lxw_format* yellow = workbook_add_format(wb);
  format_set_bg_color(yellow, 0xFFFF00);
  worksheet_write_string(ws, 0, 0, "id", nullptr);
  worksheet_write_string(ws, 0, 1, "nom", nullptr);
  worksheet_write_blank(ws, 0, 2, yellow);  // a coloured header cell without a name
  worksheet_write_string(ws, 1, 0, "s-1", nullptr);
  worksheet_write_string(ws, 1, 1, "Mairie", nullptr);
  for (lxw_col_t c = 0; c < 3; ++c) worksheet_write_blank(ws, 2, c, yellow);  // a coloured row
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  auto r = p.run({"import", "tableur", "f.xlsx"});
  EXPECT_TRUE(imported_partial_records(r)) << r.err;
  auto data = p.snapshot("data");
  EXPECT_EQ(data["structures/sans-departement.yaml"],
            "# structures sans département connu (tampon import tableur)\n\n"
            "- id: \"s-1\"\n  nom: \"Mairie\"\n");
  EXPECT_EQ(data.size(), 2u);  // the folder and its one file
}

}  // namespace
}  // namespace tampon::testing

namespace tampon::testing {
namespace {

/// Every file under `dir` with its identity (inode and modification time): a file rewritten,
/// even with the same bytes, gets another inode (written aside, then linked or renamed).
std::map<std::string, std::pair<ino_t, std::int64_t>> identities(const fs::path& dir) {
  std::map<std::string, std::pair<ino_t, std::int64_t>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    struct stat st {};
    EXPECT_EQ(::lstat(e.path().c_str(), &st), 0) << e.path();
    out[fs::relative(e.path(), dir).generic_string()] = {
        st.st_ino,
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
  }
  return out;
}

TEST(ImportTableur, AnUnchangedReimportRewritesNoFileAndAChangedOneOnlyItself) {
  Project p;
  write_workbook(p.dir() / "f.xlsx", {{"structures",
                                       {{"id", "nom", "departement"},
                                        {"s-1", "Mairie", "59"},
                                        {"s-2", "CCAS", "62"},
                                        {"s-3", "Médiathèque", "59"}}}});
  auto first = p.run({"import", "tableur", "f.xlsx"});
  ASSERT_TRUE(imported_partial_records(first)) << first.err;
  EXPECT_NE(first.err.find("import : 2 fichiers écrits, 0 inchangé (3 structures)"),
            std::string::npos)
      << first.err;
  // New files: complete, under their name only (no temporary file left), with the usual
  // permissions (the umask applies).
  auto before = identities(p.dir() / "data");
  EXPECT_EQ(before.size(), 3u);  // the folder and its two files
  mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat st {};
  ASSERT_EQ(::stat((p.dir() / "data/structures/59.yaml").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0666 & ~mask);
  EXPECT_EQ(p.snapshot("data")["structures/62.yaml"],
            "# structures du département 62 (tampon import tableur)\n\n"
            "- id: \"s-2\"\n  nom: \"CCAS\"\n  departement: \"62\"\n");

  auto again = p.run({"import", "tableur", "f.xlsx"});
  ASSERT_TRUE(imported_partial_records(again)) << again.err;
  EXPECT_NE(again.err.find("import : 0 fichier écrit, 2 inchangés"), std::string::npos)
      << again.err;
  EXPECT_EQ(again.err.find("écrit : "), std::string::npos) << again.err;
  EXPECT_EQ(identities(p.dir() / "data"), before);

  write_workbook(p.dir() / "f.xlsx", {{"structures",
                                       {{"id", "nom", "departement"},
                                        {"s-1", "Mairie", "59"},
                                        {"s-2", "CCAS de Lille", "62"},
                                        {"s-3", "Médiathèque", "59"}}}});
  auto forced = p.run({"import", "tableur", "f.xlsx", "--force"});
  ASSERT_TRUE(imported_partial_records(forced)) << forced.err;
  EXPECT_NE(forced.err.find("écrit : data/structures/62.yaml\nimport : 1 fichier écrit, 1 "
                            "inchangé"),
            std::string::npos)
      << forced.err;
  auto after = identities(p.dir() / "data");
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after["structures/59.yaml"], before["structures/59.yaml"]);
  EXPECT_NE(after["structures/62.yaml"], before["structures/62.yaml"]);
  EXPECT_EQ(p.snapshot("data")["structures/62.yaml"],
            "# structures du département 62 (tampon import tableur)\n\n"
            "- id: \"s-2\"\n  nom: \"CCAS de Lille\"\n  departement: \"62\"\n");
}

/// Records go to one file per département and kind (rapports: per département and month), the
/// département being the structure's, or that of the structure a record names (through its
/// convention or conseiller when it names no structure).
TEST(ImportTableur, RecordsAreGroupedByDepartementAndRapportsByMonth) {
  Project p;
  write_workbook(p.dir() / "f.xlsx",
                 {{"structures",
                   {{"id", "nom", "departement"}, {"s-1", "Mairie", "59"}, {"s-2", "CCAS", "2A"}}},
                  {"conseillers",
                   {{"id", "nom", "structure"},
                    {"cn-1", "Martin", "s-1"},
                    {"cn-2", "Durand", "s-2"},
                    {"cn-3", "Petit", "s-9"}}},
                  {"conventions", {{"id", "structure"}, {"cv-1", "s-2"}}},
                  {"versements", {{"convention", "poste", "tranche"}, {"cv-1", "1", "1"}}},
                  {"rapports",
                   {{"conseiller", "mois"},
                    {"cn-1", "2022-03"},
                    {"cn-1", "2022-04"},
                    {"cn-2", "2022-03"},
                    {"cn-1", "2022-03"}}}});
  auto r = p.run({"import", "tableur", "f.xlsx"});
  ASSERT_TRUE(imported_partial_records(r, {"duplicate-id"})) << r.err;  // cn-1's 2022-03 twice
  auto data = p.snapshot("data");
  std::set<std::string> files;
  for (const auto& [path, text] : data)
    if (path.ends_with(".yaml")) files.insert(path);
  EXPECT_EQ(files, (std::set<std::string>{
                       "structures/59.yaml", "structures/2a.yaml", "conseillers/59.yaml",
                       "conseillers/2a.yaml", "conseillers/sans-departement.yaml",
                       "conventions/2a.yaml", "versements/2a.yaml", "rapports/59-2022-03.yaml",
                       "rapports/59-2022-04.yaml", "rapports/2a-2022-03.yaml"}));
  EXPECT_EQ(data["versements/2a.yaml"],
            "# versements du département 2A (tampon import tableur)\n\n"
            "- convention: \"cv-1\"\n  poste: 1\n  tranche: 1\n");
  // Two reports of one month, in the order of the sheet.
  EXPECT_EQ(data["rapports/59-2022-03.yaml"],
            "# rapports du département 59, mois 2022-03 (tampon import tableur)\n\n"
            "- conseiller: \"cn-1\"\n  mois: \"2022-03\"\n\n"
            "- conseiller: \"cn-1\"\n  mois: \"2022-03\"\n");
  EXPECT_NE(data["conseillers/sans-departement.yaml"].find("cn-3"), std::string::npos);
  EXPECT_NE(r.err.find("import : 10 fichiers écrits, 0 inchangé (2 structures, 3 conseillers, "
                       "1 convention, 1 versement, 4 rapports)"),
            std::string::npos)
      << r.err;
}

TEST(ImportTableur, AFileThatCannotBeWrittenIsAnInputOutputError) {
  Project p;
  write_workbook(p.dir() / "f.xlsx", {{"structures", {{"id", "nom"}, {"s-1", "Mairie"}}}});
  p.write("data/structures", "un fichier là où l'import veut un dossier\n");
  auto r = p.run({"import", "tableur", "f.xlsx"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("data/structures/sans-departement.yaml »"), std::string::npos) << r.err;
  EXPECT_EQ(p.snapshot("data").size(), 1u) << "nothing else written";
}

}  // namespace
}  // namespace tampon::testing

namespace tampon::testing {
namespace {

std::uint32_t le(const std::string& b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(b.at(at + static_cast<std::size_t>(i)));
  return v;
}

TEST(ExportTableur, TheWorkbookIsDeflatedAtTheFastestLevel) {
  Project p;
  write_workbook(p.dir() / "f.xlsx", {{"structures", {{"id", "nom"}, {"s-1", "Mairie"}}}});
  ASSERT_TRUE(imported_partial_records(p.run({"import", "tableur", "f.xlsx"})));
  auto r = p.run({"export", "tableur", "g.xlsx"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(p.dir() / "g.xlsx", std::ios::binary);
  std::string zip((std::istreambuf_iterator<char>(in)), {});
  // The central directory: each entry's method (8: deflate) and flags (bits 1-2: 11 for the
  // fastest level, as minizip writes them for level 1; 00 for the default level).
  auto end = zip.rfind(std::string("PK\x05\x06", 4));
  ASSERT_NE(end, std::string::npos);
  std::size_t entries = le(zip, end + 10, 2), at = le(zip, end + 16, 4), deflated = 0;
  ASSERT_GT(entries, 10u);
  for (std::size_t i = 0; i < entries; ++i) {
    ASSERT_EQ(zip.compare(at, 4, std::string("PK\x01\x02", 4)), 0);
    std::uint32_t flags = le(zip, at + 8, 2), method = le(zip, at + 10, 2);
    std::string name = zip.substr(at + 46, le(zip, at + 28, 2));
    if (method == 8) {
      ++deflated;
      EXPECT_EQ(flags & 6u, 6u) << name;
    }
    at += 46 + le(zip, at + 28, 2) + le(zip, at + 30, 2) + le(zip, at + 32, 2);
  }
  EXPECT_EQ(deflated, entries);
  // And the workbook reads back.
  auto book = open_book(p.dir() / "g.xlsx");
  std::string error;
  auto sheet = book.sheet("structures", error);
  ASSERT_TRUE(sheet) << error;
  EXPECT_EQ(sheet->at("B2")->text, "Mairie");
}

}  // namespace
}  // namespace tampon::testing
