// `tampon import justification` as Banque des Territoires runs it (docs/justification.md): a
// justification of the sample project filled as a structure would (openpyxl, and LibreOffice
// re-saving it), imported; the declared amounts read back with the loader, to the cent; the next
// build's justification read back with the shared reader; `validate` clean. One test per refusal
// code, each naming its cell; nothing written when refused; importing twice changes nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>

#include "cli_harness.hpp"
#include "load/load_project.hpp"
#include "tabular/xlsx_reader.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;
using tabular::Cell;
using tabular::XlsxSheet;
using tabular::XlsxWorkbook;

const std::string k_as_of = "2024-06-30";
/// ccas-de-kourou, 2024-T1: two conventions, cv-2021-0020 (row 21, not declared yet) and
/// cv-2023-0018 (row 22, declared in data/depenses/ccas-de-kourou-cv-2023-0018.yaml).
const std::string k_form = "out/justifications/ccas-de-kourou/2024-T1.xlsx";
const std::string k_written = "proj/data/depenses/ccas-de-kourou-2024-T1.yaml";

/// What a structure types: amounts, references, date, attestation.
const std::vector<std::string> k_filled = {
    "E21=n:4950.10",    "F21=n:1881",         "G21=n:120.55",     "M21=s:Bulletins de paie T1 2024",
    "N21=d:2024-03-29", "C15=s:Marie Dupont", "C16=s:Directrice", "C17=d:2024-04-12",
    "C18=s:Kourou"};

std::vector<std::string> with(std::vector<std::string> cells,
                              const std::vector<std::string>& more) {
  cells.insert(cells.end(), more.begin(), more.end());
  return cells;
}

int shell(const std::string& command) { return std::system(command.c_str()); }

std::string sh_quoted(const std::string& p) { return "'" + p + "'"; }

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

XlsxSheet justification_sheet(const fs::path& path) {
  std::string error;
  auto book = XlsxWorkbook::open(path, error);
  EXPECT_TRUE(book) << error;
  auto sheet = book->sheet("Justification", error);
  EXPECT_TRUE(sheet) << error;
  return std::move(*sheet);
}

double number(const XlsxSheet& sheet, const char* ref) {
  const Cell* c = sheet.at(ref);
  EXPECT_TRUE(c != nullptr && c->type == Cell::Type::Number) << ref;
  return c ? c->number : NAN;
}

std::int64_t cents(double euros) { return std::llround(euros * 100); }

class ImportJustification : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(project.dir() / "proj");
    fs::copy(fs::path(TAMPON_SOURCE_DIR) / "data", project.dir() / "proj/data",
             fs::copy_options::recursive);
    auto built = project.run({"build", "--project", "proj", "--out", "out", "--as-of", k_as_of,
                              "--only", "justification-xlsx", "-q"});
    ASSERT_EQ(built.exit_code, 0) << built.err;
  }

  /// Fills the form with fill_form.py into `name` (in the test folder).
  fs::path fill(const std::vector<std::string>& cells, const std::string& name = "2024-T1.xlsx") {
    fs::create_directories(project.dir() / "recu");
    fs::path dest = project.dir() / "recu" / name;
    std::string command = "/usr/bin/python3 " + sh_quoted(FILL_FORM_SCRIPT) + " " +
                          sh_quoted((project.dir() / k_form).string()) + " " +
                          sh_quoted(dest.string());
    for (const std::string& c : cells) command += " " + sh_quoted(c);
    EXPECT_EQ(shell(command), 0) << command;
    return dest;
  }

  RunResult import(const fs::path& form) {
    return project.run(
        {"import", "justification", form.string(), "--project", "proj", "--as-of", k_as_of});
  }

  /// The project's declarations, read back with the loader.
  std::vector<Depense> depenses() {
    ProjectContext ctx{project.dir() / "proj", TAMPON_SOURCE_DIR};
    LoadResult loaded = load_project(ctx, {});
    EXPECT_FALSE(loaded.input_failure);
    return loaded.records.depenses;
  }

  const Depense* declaration(const std::vector<Depense>& all, const std::string& convention,
                             const std::string& quarter) {
    for (const Depense& d : all)
      if (d.structure == "ccas-de-kourou" && d.convention == convention &&
          d.trimestre.iso() == quarter)
        return &d;
    return nullptr;
  }

  /// Refused: exit 1, the code and the cell named, nothing written under data/.
  void expect_refused(const std::vector<std::string>& cells, const std::string& code,
                      const std::string& cell) {
    auto before = project.snapshot("proj/data");
    auto result = import(fill(cells));
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(
        result.err.find("2024-T1.xlsx, feuille « Justification », cellule " + cell + ": erreur: "),
        std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("[" + code + "]"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("rien n'a été écrit"), std::string::npos) << result.err;
    EXPECT_EQ(project.snapshot("proj/data"), before);
  }

  Project project;
};

TEST_F(ImportJustification, FilledWithOpenpyxlGivesTheDeclaredAmountsToTheCent) {
  XlsxSheet before = justification_sheet(project.dir() / k_form);
  // The structure also corrects the prefilled charges of cv-2023-0018 (2 337,00 → 2 400,00).
  auto result = import(fill(with(k_filled, {"F22=n:2400"})));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("0 erreur, 0 avertissement"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("retiré de data/depenses/ccas-de-kourou-cv-2023-0018.yaml"),
            std::string::npos)
      << result.err;
  auto all = depenses();
  const Depense* d = declaration(all, "cv-2021-0020", "2024-T1");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->lignes.size(), 1u);
  EXPECT_EQ(d->lignes[0].conseiller, "cn-0027");
  EXPECT_EQ(d->lignes[0].salaires_bruts.cents(), 495010);
  EXPECT_EQ(d->lignes[0].charges_patronales.cents(), 188100);
  EXPECT_EQ(d->lignes[0].frais.cents(), 12055);
  // Column N's date is kept in the reference text (depense has no field for it).
  EXPECT_EQ(d->lignes[0].justificatif, "Bulletins de paie T1 2024 (pièces du 29/03/2024)");
  // The prefilled convention keeps its declaration, now in the quarter's file only.
  const Depense* kept = declaration(all, "cv-2023-0018", "2024-T1");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->lignes[0].salaires_bruts.cents(), 615000);
  EXPECT_EQ(kept->lignes[0].charges_patronales.cents(), 240000);
  EXPECT_EQ(kept->lignes[0].frais.cents(), 60920);
  // The other quarter of the file it was taken out of is still there, unchanged.
  const Depense* t4 = declaration(all, "cv-2023-0018", "2023-T4");
  ASSERT_NE(t4, nullptr);
  EXPECT_EQ(t4->lignes[0].frais.cents(), 32150);
  EXPECT_EQ(read(project.dir() / "proj/data/depenses/ccas-de-kourou-cv-2023-0018.yaml"),
            read(fs::path(TAMPON_SOURCE_DIR) / "data/depenses/ccas-de-kourou-cv-2023-0018.yaml")
                .substr(0, read(fs::path(TAMPON_SOURCE_DIR) /
                                "data/depenses/ccas-de-kourou-cv-2023-0018.yaml")
                               .find("\n- structure: ccas-de-kourou\n  convention: cv-2023-0018\n"
                                     "  trimestre: 2024-T1")));
  std::size_t quarter = 0;
  for (const Depense& x : all)
    quarter += x.structure == "ccas-de-kourou" && x.trimestre.iso() == "2024-T1";
  EXPECT_EQ(quarter, 2u);
  EXPECT_NE(
      read(project.dir() / k_written).find("Marie Dupont, Directrice, le 12/04/2024 à Kourou"),
      std::string::npos);

  // The next build: the quarter's expenses, cumul and balance of the form, read back.
  auto next = project.run({"build", "--project", "proj", "--out", "out2", "--as-of", k_as_of,
                           "--only", "justification-xlsx", "-q"});
  ASSERT_EQ(next.exit_code, 0) << next.err;
  XlsxSheet after =
      justification_sheet(project.dir() / "out2/justifications/ccas-de-kourou/2024-T1.xlsx");
  EXPECT_EQ(cents(number(after, "E21")), 495010);
  EXPECT_EQ(cents(number(after, "H21")), 695165);
  EXPECT_EQ(cents(number(after, "I21")), cents(number(before, "I21")));
  EXPECT_EQ(cents(number(after, "J21")), cents(number(before, "I21")) + 695165);
  EXPECT_EQ(cents(number(after, "K21")),
            cents(number(before, "D21")) - cents(number(after, "J21")));
  // The following quarter (where only cv-2023-0018 runs, row 21) counts the correction among
  // the previous quarters.
  XlsxSheet t2_before =
      justification_sheet(project.dir() / "out/justifications/ccas-de-kourou/2024-T2.xlsx");
  XlsxSheet t2_after =
      justification_sheet(project.dir() / "out2/justifications/ccas-de-kourou/2024-T2.xlsx");
  ASSERT_NE(t2_after.at("A21"), nullptr);
  EXPECT_EQ(t2_after.at("A21")->text, "cv-2023-0018");
  EXPECT_EQ(cents(number(t2_after, "I21")), cents(number(t2_before, "I21")) + 6300);

  auto validate = project.run({"validate", "--project", "proj", "--as-of", k_as_of});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_NE(validate.err.find("0 erreur, 0 avertissement"), std::string::npos) << validate.err;
}

TEST_F(ImportJustification, ReadsTheFileLibreOfficeSavedAgain) {
  if (shell("command -v soffice >/dev/null 2>&1") != 0) GTEST_SKIP() << "soffice absent";
  fs::path filled = fill(k_filled);
  fs::path resaved = project.dir() / "libreoffice";
  std::string profile = "file://" + (project.dir() / "profile").string();
  ASSERT_EQ(
      shell("soffice -env:UserInstallation=" + profile + " --headless --convert-to xlsx --outdir " +
            sh_quoted(resaved.string()) + " " + sh_quoted(filled.string()) + " >/dev/null 2>&1"),
      0);
  ASSERT_TRUE(fs::exists(resaved / "2024-T1.xlsx"));
  // Written by LibreOffice, not by openpyxl: its own application name is in the file.
  std::string error;
  auto book = XlsxWorkbook::open(resaved / "2024-T1.xlsx", error);
  ASSERT_TRUE(book) << error;
  auto app = book->part("docProps/app.xml", error);
  ASSERT_TRUE(app);
  EXPECT_NE(app->find("LibreOffice"), std::string::npos);

  auto result = import(resaved / "2024-T1.xlsx");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string from_libreoffice = read(project.dir() / k_written);
  const std::vector<Depense> all1 = depenses();  // kept alive: d points into it
  const Depense* d = declaration(all1, "cv-2021-0020", "2024-T1");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->lignes[0].salaires_bruts.cents(), 495010);
  EXPECT_EQ(d->lignes[0].frais.cents(), 12055);
  // The openpyxl file gives the same declaration: importing it changes nothing.
  auto again = import(filled);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("inchangé : " + filled.string()), std::string::npos) << again.err;
  EXPECT_EQ(read(project.dir() / k_written), from_libreoffice);
}

TEST_F(ImportJustification, ImportingTheSameFileTwiceChangesNothing) {
  fs::path form = fill(k_filled);
  auto first = import(form);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto after_first = project.snapshot("proj/data");
  auto second = import(form);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("inchangé : " + form.string()), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("0 formulaire importé"), std::string::npos) << second.err;
  EXPECT_EQ(project.snapshot("proj/data"), after_first);
}

TEST_F(ImportJustification, TwoQuartersOfOneStructureImportTogetherThenStayUnchanged) {
  // The 2024-T2 form was made before 2024-T1 was imported: its column I (earlier quarters) is
  // out of date afterwards, which is no reason to refuse it (docs/justification.md).
  fs::path t1 = fill(k_filled, "2024-T1.xlsx");
  fs::create_directories(project.dir() / "recu/t2");
  fs::path t2 = project.dir() / "recu/t2/2024-T2.xlsx";
  std::string command =
      "/usr/bin/python3 " + sh_quoted(FILL_FORM_SCRIPT) + " " +
      sh_quoted((project.dir() / "out/justifications/ccas-de-kourou/2024-T2.xlsx").string()) + " " +
      sh_quoted(t2.string());
  for (const char* c :
       {"E21=n:6200", "F21=n:2356", "G21=n:80", "M21=s:Bulletins T2", "C15=s:Marie Dupont",
        "C16=s:Directrice", "C17=d:2024-07-10", "C18=s:Kourou"})
    command += " " + sh_quoted(c);
  ASSERT_EQ(shell(command), 0);
  auto both = project.run({"import", "justification", t1.string(), t2.string(), "--project", "proj",
                           "--as-of", k_as_of});
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_NE(both.err.find("2 formulaires importés"), std::string::npos) << both.err;
  auto after = project.snapshot("proj/data");
  auto again = project.run({"import", "justification", t2.string(), t1.string(), "--project",
                            "proj", "--as-of", k_as_of, "--format", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.find("\"severity\": \"error\""), std::string::npos) << again.out;
  EXPECT_EQ(project.snapshot("proj/data"), after);
  const std::vector<Depense> all2 = depenses();  // kept alive: d points into it
  const Depense* d = declaration(all2, "cv-2023-0018", "2024-T2");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->lignes[0].salaires_bruts.cents(), 620000);
}

TEST_F(ImportJustification, CorrectedFileReplacesTheQuartersDeclarationAndSaysSo) {
  ASSERT_EQ(import(fill(k_filled)).exit_code, 0);
  auto corrected = import(fill(with(k_filled, {"E21=n:5000", "G22=n:0"}), "corrige.xlsx"));
  ASSERT_EQ(corrected.exit_code, 0) << corrected.err;
  EXPECT_NE(corrected.err.find("remplacé : data/depenses/ccas-de-kourou-2024-T1.yaml : la "
                               "déclaration 2024-T1 de ccas-de-kourou est remplacée"),
            std::string::npos)
      << corrected.err;
  auto all = depenses();
  EXPECT_EQ(declaration(all, "cv-2021-0020", "2024-T1")->lignes[0].salaires_bruts.cents(), 500000);
  EXPECT_EQ(declaration(all, "cv-2023-0018", "2024-T1")->lignes[0].frais.cents(), 0);
}

TEST_F(ImportJustification, ImportFormChanged_LockedCellEditedIsRefusedAtItsCell) {
  expect_refused(with(k_filled, {"D21=n:99999"}), "import-form-changed", "D21");
  expect_refused(with(k_filled, {"C21=s:Autre conseiller (cn-0001)"}), "import-form-changed",
                 "C21");
  expect_refused(with(k_filled, {"H21=n:7000"}), "import-form-changed", "H21");  // a formula
}

TEST_F(ImportJustification, ImportFormIdentity_FormOfAnotherStructureQuarterOrVersionIsRefused) {
  // Another structure named in B6 (the rest of the form is Kourou's).
  expect_refused(with(k_filled, {"B6=s:tampon-justification/1;structure=commune-de-bazuel;"
                                 "trimestre=2024-T1;arrete-au=2024-06-30;conventions=cv-2021-0020@"
                                 "initiale,cv-2023-0018@initiale"}),
                 "import-form-identity", "B6");
  // Another convention version (an avenant Tampon does not know of).
  expect_refused(with(k_filled, {"B6=s:tampon-justification/1;structure=ccas-de-kourou;"
                                 "trimestre=2024-T1;arrete-au=2024-06-30;conventions=cv-2021-0020@"
                                 "av-2024-0001,cv-2023-0018@initiale"}),
                 "import-form-identity", "B6");
  // Another quarter: the header, B4, says 2024-T1.
  expect_refused(with(k_filled, {"B6=s:tampon-justification/1;structure=ccas-de-kourou;"
                                 "trimestre=2023-T4;arrete-au=2024-06-30;conventions=cv-2021-0020@"
                                 "initiale,cv-2023-0018@initiale"}),
                 "import-form-changed", "B4");
  expect_refused(with(k_filled, {"B6=s:un autre classeur"}), "import-form-identity", "B6");
}

TEST_F(ImportJustification, ImportFormAmount_NotANumberNegativeOrThreeDecimalsIsRefused) {
  expect_refused(with(k_filled, {"E21=s:mille euros"}), "import-form-amount", "E21");
  expect_refused(with(k_filled, {"F21=n:-12.50"}), "import-form-amount", "F21");
  expect_refused(with(k_filled, {"G21=n:10.125"}), "import-form-amount", "G21");
  // Boundaries: 0 and two decimals are amounts.
  auto ok = import(fill(with(k_filled, {"E21=n:0", "G21=n:0.01"})));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  const std::vector<Depense> all3 = depenses();  // kept alive: d points into it
  const Depense* d = declaration(all3, "cv-2021-0020", "2024-T1");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->lignes[0].salaires_bruts.cents(), 0);
  EXPECT_EQ(d->lignes[0].frais.cents(), 1);
}

TEST_F(ImportJustification, ImportFormDate_DateOutsideTheQuarterIsRefused) {
  expect_refused(with(k_filled, {"N21=d:2024-04-01"}), "import-form-date", "N21");
  expect_refused(with(k_filled, {"N21=d:2023-12-31"}), "import-form-date", "N21");
  expect_refused(with(k_filled, {"N21=s:fin mars"}), "import-form-date", "N21");
  // Boundaries: the quarter's first and last days.
  EXPECT_EQ(import(fill(with(k_filled, {"N21=d:2024-01-01"}))).exit_code, 0);
  auto last = import(fill(with(k_filled, {"N21=d:2024-03-31"})));
  EXPECT_EQ(last.exit_code, 0) << last.err;
  const std::vector<Depense> all4 = depenses();  // kept alive: d points into it
  EXPECT_EQ(declaration(all4, "cv-2021-0020", "2024-T1")->lignes[0].justificatif,
            "Bulletins de paie T1 2024 (pièces du 31/03/2024)");
}

TEST_F(ImportJustification, ImportFormAttestation_MissingNameQualityDateOrPlaceIsRefused) {
  expect_refused(with(k_filled, {"C15=empty"}), "import-form-attestation", "C15");
  expect_refused(with(k_filled, {"C16=empty"}), "import-form-attestation", "C16");
  expect_refused(with(k_filled, {"C17=empty"}), "import-form-attestation", "C17");
  expect_refused(with(k_filled, {"C18=empty"}), "import-form-attestation", "C18");
  expect_refused(with(k_filled, {"C17=d:2023-12-31"}), "import-form-attestation", "C17");
}

TEST_F(ImportJustification, ImportFormText_ReferenceLongerThan200CharactersIsRefused) {
  expect_refused(with(k_filled, {"M21=s:" + std::string(201, 'x')}), "import-form-text", "M21");
  EXPECT_EQ(import(fill(with(k_filled, {"M21=s:" + std::string(200, 'x')}))).exit_code, 0);
}

TEST_F(ImportJustification, ImportFormText_LineWithoutReferenceIsRefused) {
  expect_refused(with(k_filled, {"M21=empty", "N21=empty"}), "import-form-text", "M21");
  // The date alone names the documents.
  auto dated = import(fill(with(k_filled, {"M21=empty"})));
  ASSERT_EQ(dated.exit_code, 0) << dated.err;
  const std::vector<Depense> all5 = depenses();  // kept alive: d points into it
  EXPECT_EQ(declaration(all5, "cv-2021-0020", "2024-T1")->lignes[0].justificatif,
            "pièces du 29/03/2024");
}

TEST_F(ImportJustification, ImportFormTarget_QuartersFileHoldingAnotherDeclarationIsRefused) {
  fs::copy_file(project.dir() / "proj/data/depenses/ccas-de-kourou-cv-2021-0020.yaml",
                project.dir() / k_written);
  fs::remove(project.dir() / "proj/data/depenses/ccas-de-kourou-cv-2021-0020.yaml");
  auto before = project.snapshot("proj/data");
  auto result = import(fill(k_filled));
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("data/depenses/ccas-de-kourou-2024-T1.yaml: erreur: "),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("[import-form-target]"), std::string::npos) << result.err;
  EXPECT_EQ(project.snapshot("proj/data"), before);
}

// The project is validated once the form's file is written; what validation finds in that file
// is shown at the form's cell its value came from, the line written as a note. Here the
// conseiller of row 21 has moved to another structure since the form was made.
TEST_F(ImportJustification, AFindingInTheDeclarationWrittenIsShownAtTheFormsCell) {
  fs::path form = fill(k_filled);
  const std::string file = "proj/data/conseillers/ccas-de-kourou.yaml";
  std::string text = read(project.dir() / file);
  auto at = text.find("structure: ccas-de-kourou", text.find("- id: cn-0027"));
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 25, "structure: la-passerelle-numerique");
  project.write(file, text);
  auto result = import(form);
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("2024-T1.xlsx, feuille « Justification », cellule C21: erreur: le "
                            "conseiller « cn-0027 » relève de la structure"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("data/depenses/ccas-de-kourou-2024-T1.yaml:9:19: note: écrit ici "
                            "par l'import"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("vérification : 1 constat dans les fiches importées"),
            std::string::npos)
      << result.err;
}

TEST_F(ImportJustification, FormWithoutAnySheetOfItsOwnIsNotAForm) {
  auto result = import(fs::path(TAMPON_SOURCE_DIR) / "tests/fixtures/does-not-exist.xlsx");
  EXPECT_EQ(result.exit_code, 3) << result.err;
  auto usage = project.run({"import", "justification", "--project", "proj"});
  EXPECT_EQ(usage.exit_code, 2) << usage.err;
}

}  // namespace
}  // namespace tampon::testing
