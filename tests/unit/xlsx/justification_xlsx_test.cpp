// justification-xlsx: one file per structure and quarter, read back from the files.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "emit.hpp"
#include "justification_data.hpp"
#include "sample_model.hpp"
#include "xlsx_reader.hpp"

namespace tampon::testing {
namespace {

class JustificationXlsx : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_model = sample_model().release();
    s_out = new std::filesystem::path(fresh_dir("justification"));
    s_jobs = new std::vector<OutputJob>(emit_all(*make_justification(), *s_model, *s_out));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*s_out);
    delete s_jobs;
    delete s_out;
    delete s_model;
  }
  static XSheet sheet(const std::string& relative, const std::string& name = "Justification") {
    return XlsxFile(*s_out / relative).sheet(name);
  }
  static bool any_cell_contains(const XSheet& sheet, const std::string& text) {
    return std::any_of(sheet.cells.begin(), sheet.cells.end(), [&](const auto& entry) {
      return entry.second.value.find(text) != std::string::npos;
    });
  }
  static Model* s_model;
  static std::filesystem::path* s_out;
  static std::vector<OutputJob>* s_jobs;
};
Model* JustificationXlsx::s_model = nullptr;
std::filesystem::path* JustificationXlsx::s_out = nullptr;
std::vector<OutputJob>* JustificationXlsx::s_jobs = nullptr;

TEST_F(JustificationXlsx, OneFilePerQuarterOfARunningConventionUpToTheReferenceQuarter) {
  std::vector<std::string> paths;
  for (const auto& job : *s_jobs) paths.push_back(job.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{
                "justifications/hyperlink/2021-T3.xlsx", "justifications/hyperlink/2021-T4.xlsx",
                "justifications/hyperlink/2022-T1.xlsx", "justifications/hyperlink/2022-T2.xlsx",
                "justifications/mairie-de-bazuel/2021-T2.xlsx",
                "justifications/mairie-de-bazuel/2021-T3.xlsx",
                "justifications/mairie-de-bazuel/2021-T4.xlsx",
                "justifications/mairie-de-bazuel/2022-T1.xlsx",
                "justifications/mairie-de-bazuel/2022-T2.xlsx"}));
  for (const auto& path : paths) EXPECT_TRUE(std::filesystem::exists(*s_out / path)) << path;
}

TEST_F(JustificationXlsx, InputsListTheDeclarationsUpToTheQuarter) {
  const OutputJob& q3 = s_jobs->at(5);
  ASSERT_EQ(q3.path, "justifications/mairie-de-bazuel/2021-T3.xlsx");
  auto has = [&](const OutputJob& job, RecordKind kind, const std::string& id) {
    return std::find(job.inputs.begin(), job.inputs.end(), RecordRef{kind, id}) != job.inputs.end();
  };
  EXPECT_TRUE(has(q3, RecordKind::Depense, "mairie-de-bazuel/cv-2021-0001/2021-T3"));
  EXPECT_FALSE(has(q3, RecordKind::Depense, "mairie-de-bazuel/cv-2021-0001/2022-T1"));
  EXPECT_TRUE(has(q3, RecordKind::Structure, "mairie-de-bazuel"));
  EXPECT_TRUE(has(q3, RecordKind::Versement, "cv-2021-0001/poste-1/tranche-1"));
  EXPECT_TRUE(has(s_jobs->at(7), RecordKind::Depense, "mairie-de-bazuel/cv-2021-0001/2022-T1"));
}

TEST_F(JustificationXlsx, HeaderBlockNamesStructureSiretQuarterAndStatementDate) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2021-T3.xlsx");
  EXPECT_EQ(s.at("B2").value, "Mairie de Bazuel (mairie-de-bazuel)");
  EXPECT_EQ(s.at("B3").value, "21590139700012");
  EXPECT_TRUE(s.at("B3").is_text());  // a SIRET is an identifier, not a number
  EXPECT_NE(s.at("B4").value.find("2021-T3"), std::string::npos);
  EXPECT_NE(s.at("B4").value.find("3e trimestre 2021"), std::string::npos);
  EXPECT_NE(s.at("B4").value.find("du 01/07/2021 au 30/09/2021"), std::string::npos);
  EXPECT_DOUBLE_EQ(s.at("B5").number(), 44727);  // as_of 2022-06-15
  EXPECT_EQ(s.at("B5").num_format, "dd/mm/yyyy");
}

TEST_F(JustificationXlsx, LinesGiveReceivedQuarterAndCumulatedExpensesPerPost) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx");
  EXPECT_EQ(s.at("A20").value, "Convention");
  EXPECT_EQ(s.at("D20").value, "Subvention reçue à la fin du trimestre");
  EXPECT_EQ(s.at("I20").value, "Dépenses des trimestres précédents");
  // Post 1: tranches 1 and 2 paid by 31/03/2022.
  EXPECT_EQ(s.at("A21").value, "cv-2021-0001");
  EXPECT_DOUBLE_EQ(s.at("B21").number(), 1);
  EXPECT_DOUBLE_EQ(s.at("D21").number(), 25000);
  // The quarter's declaration prefills the inputs.
  EXPECT_DOUBLE_EQ(s.at("E21").number(), 5000);
  EXPECT_DOUBLE_EQ(s.at("F21").number(), 2000);
  EXPECT_DOUBLE_EQ(s.at("G21").number(), 100);
  EXPECT_EQ(s.at("E21").num_format, "#,##0.00 \"€\"");
  EXPECT_EQ(s.at("H21").formula, "SUM(E21:G21)");
  EXPECT_DOUBLE_EQ(s.at("H21").number(), 7100);
  // The cumul: the earlier quarters (locked figure) plus the quarter's inputs.
  EXPECT_TRUE(s.at("I21").formula.empty());
  EXPECT_DOUBLE_EQ(s.at("I21").number(), 14350.5 - 7100);
  EXPECT_EQ(s.at("J21").formula, "I21+H21");
  EXPECT_DOUBLE_EQ(s.at("J21").number(), 14350.5);
  EXPECT_EQ(s.at("K21").formula, "D21-J21");
  EXPECT_DOUBLE_EQ(s.at("K21").number(), 10649.5);
  EXPECT_EQ(s.at("L21").formula, "IF(D21=0,\"\",J21/D21)");
  EXPECT_DOUBLE_EQ(s.at("L21").number(), 14350.5 / 25000);
  EXPECT_EQ(s.at("L21").num_format, "0.0%");
  EXPECT_EQ(s.at("D21").num_format, "#,##0.00 \"€\"");
  // Post 2 declared nothing this quarter, 6 700 earlier.
  EXPECT_DOUBLE_EQ(s.at("H22").number(), 0);
  EXPECT_DOUBLE_EQ(s.at("J22").number(), 6700);
}

TEST_F(JustificationXlsx, ConseillersAreNamed) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx");
  const Conseiller* c = s_model->conseiller("cn-0001");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(s.at("C21").value, c->prenom + " " + c->nom + " (cn-0001)");
}

TEST_F(JustificationXlsx, AFormulaLookingSupportingDocumentStaysText) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx");
  EXPECT_EQ(s.at("M21").value, "=cmd|' /C calc'!A0");
  EXPECT_TRUE(s.at("M21").is_text());
  EXPECT_TRUE(s.at("M21").formula.empty());
  EXPECT_FALSE(s.at("M21").locked);  // prefilled, still an input
}

TEST_F(JustificationXlsx, VacantPostHasNoRateButAFormulaReadyForIt) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2021-T3.xlsx");
  EXPECT_FALSE(s.has("C23"));
  EXPECT_DOUBLE_EQ(s.at("D23").number(), 0);
  EXPECT_EQ(s.at("L23").type, "str");
  EXPECT_EQ(s.at("L23").value, "");
  EXPECT_EQ(s.at("L23").formula, "IF(D23=0,\"\",J23/D23)");
}

TEST_F(JustificationXlsx, TotalsRowSumsEveryMoneyColumnWithCachedValues) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2021-T3.xlsx");
  EXPECT_EQ(s.at("A25").value, "Total");
  EXPECT_EQ(s.at("D25").formula, "SUM(D21:D23)");
  EXPECT_DOUBLE_EQ(s.at("D25").number(), 20000);
  EXPECT_DOUBLE_EQ(s.at("H25").number(), 13950.5);
  EXPECT_DOUBLE_EQ(s.at("I25").number(), 0);
  EXPECT_DOUBLE_EQ(s.at("J25").number(), 13950.5);
  EXPECT_DOUBLE_EQ(s.at("K25").number(), 6049.5);
  EXPECT_DOUBLE_EQ(s.at("L25").number(), 13950.5 / 20000);
  EXPECT_EQ(s.at("M21").value, "Bulletins de paie juillet-septembre 2021");
}

TEST_F(JustificationXlsx, QuarterWithoutDeclarationLeavesInputsEmptyAndSaysSo) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T2.xlsx");
  EXPECT_DOUBLE_EQ(s.at("H25").number(), 0);
  EXPECT_DOUBLE_EQ(s.at("J25").number(), 21050.5);  // earlier quarters still cumulate
  EXPECT_DOUBLE_EQ(s.at("I21").number(), s.at("J21").number());
  // Nothing declared: the inputs are empty cells waiting for the structure.
  EXPECT_TRUE(s.at("E21").value.empty());
  EXPECT_FALSE(s.at("E21").locked);
  EXPECT_TRUE(any_cell_contains(
      s,
      "Aucune déclaration de dépenses reçue pour la convention cv-2021-0001 au trimestre "
      "2022-T2"));
  XSheet declared = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx");
  EXPECT_FALSE(any_cell_contains(declared, "Aucune déclaration"));
}

TEST_F(JustificationXlsx, SecondSheetListsTranchesNotPaidByTheQuarterEnd) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2021-T3.xlsx", "Tranches à venir");
  EXPECT_EQ(s.at("A1").value, "Convention");
  EXPECT_EQ(s.at("I1").value, "Statut");
  // Post 1 tranches 2-3, post 2 tranches 2-3, post 3 tranches 1-3.
  EXPECT_EQ(s.at("D2").value, "2");
  EXPECT_EQ(s.at("A10").value, "Total");
  EXPECT_DOUBLE_EQ(s.at("G10").number(), 130000);
  EXPECT_EQ(s.at("G10").formula, "SUM(G2:G8)");
  EXPECT_TRUE(s.is_protected());
}

TEST_F(JustificationXlsx, StatusesAreInWordsWithWhatToDo) {
  XSheet h = sheet("justifications/hyperlink/2022-T1.xlsx", "Tranches à venir");
  EXPECT_EQ(h.at("I2").value,
            "suspendue : prenez contact avec Banque des Territoires pour connaître les "
            "conditions de reprise des versements");
  EXPECT_EQ(h.at("I3").value.rfind("à venir, échéance le ", 0), 0u) << h.at("I3").value;
  EXPECT_NE(h.at("I3").value.find("rien à faire"), std::string::npos);
  EXPECT_DOUBLE_EQ(h.at("G5").number(), 32000);
  // The main sheet repeats the statuses that ask something of the structure.
  XSheet s = sheet("justifications/hyperlink/2022-T1.xlsx");
  EXPECT_TRUE(any_cell_contains(s, "Situation des versements"));
  EXPECT_TRUE(any_cell_contains(s, ", tranche 2 : suspendue : prenez contact"));
}

TEST_F(JustificationXlsx, RiskOfSuspensionNamesTheMissingMonthlyReports) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx");
  const Conseiller* c = s_model->conseiller("cn-0002");
  ASSERT_NE(c, nullptr);
  // No report since the contract started on 01/04/2021; the reference date is 15/06/2022.
  EXPECT_TRUE(any_cell_contains(
      s, "Convention cv-2021-0001, poste 2 (" + c->prenom + " " + c->nom +
             "), tranche 2 : risque de suspension : rapports mensuels manquants d'avril 2021 à "
             "mai 2022 ; déposez-les pour que le versement ait lieu."));
}

TEST_F(JustificationXlsx, FormulaLookingStructureNameStaysTextInTheHeader) {
  XSheet s = sheet("justifications/hyperlink/2022-T1.xlsx");
  EXPECT_EQ(s.at("B2").value, "=HYPERLINK(\"http://x.invalid\",\"x\") (hyperlink)");
  EXPECT_TRUE(s.at("B2").is_text());
  EXPECT_TRUE(s.at("B2").formula.empty());
  EXPECT_DOUBLE_EQ(s.at("D21").number(), 8000);  // the suspended tranche is not received
}

TEST_F(JustificationXlsx, TableHeaderIsPrintedOnEveryPageInLandscapeA4) {
  XlsxFile book(*s_out / "justifications/mairie-de-bazuel/2021-T3.xlsx");
  EXPECT_EQ(book.sheet_names(), (std::vector<std::string>{"Justification", "Tranches à venir"}));
  XSheet s = book.sheet("Justification");
  EXPECT_NE(book.defined_names().find("Justification!$20:$20"), std::string::npos);
  EXPECT_NE(s.xml.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(s.xml.find("paperSize=\"9\""), std::string::npos);
  EXPECT_NE(s.xml.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos);
  // A form opens on its instructions: no frozen pane, no filter that would move rows.
  EXPECT_EQ(s.xml.find("<pane "), std::string::npos);
  EXPECT_EQ(s.xml.find("<autoFilter"), std::string::npos);
}

TEST_F(JustificationXlsx, InstructionsAttestationAndReturnDateAtTheTop) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2021-T3.xlsx");
  EXPECT_EQ(s.at("B6").value,
            "tampon-justification/1;structure=mairie-de-bazuel;trimestre=2021-T3;"
            "arrete-au=2022-06-15;conventions=cv-2021-0001@initiale");
  EXPECT_EQ(s.at("A7").value, "À renvoyer");
  EXPECT_EQ(s.at("B7").value.rfind("au plus tard le 31/10/2021", 0), 0u) << s.at("B7").value;
  EXPECT_EQ(s.at("A9").value, "Mode d'emploi");
  EXPECT_EQ(s.at("A14").value, "Attestation");
  EXPECT_EQ(s.at("C14").value, "Je certifie exacts les montants déclarés.");
  EXPECT_EQ(s.at("A15").value, "Nom et prénom du signataire");
  EXPECT_EQ(s.at("A16").value, "Qualité du signataire");
  EXPECT_EQ(s.at("A17").value, "Date");
  EXPECT_EQ(s.at("A18").value, "Lieu");
  for (const char* ref : {"C15", "C16", "C17", "C18"}) {
    EXPECT_FALSE(s.at(ref).locked) << ref;
    EXPECT_TRUE(s.at(ref).value.empty()) << ref;
  }
  EXPECT_EQ(s.at("C17").num_format, "dd/mm/yyyy");
}

TEST_F(JustificationXlsx, SheetIsProtectedWithOnlyTheInputCellsUnlocked) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx");
  EXPECT_TRUE(s.is_protected());
  EXPECT_EQ(s.xml.find("password"), std::string::npos);  // to prevent mistakes, not to secure
  std::set<std::string> inputs = {"C15", "C16", "C17", "C18"};
  for (int row = 21; row <= 23; ++row)
    for (const char* col : {"E", "F", "G", "M", "N"}) inputs.insert(col + std::to_string(row));
  for (const auto& [ref, cell] : s.cells) EXPECT_EQ(cell.locked, !inputs.contains(ref)) << ref;
  for (const std::string& ref : inputs) EXPECT_TRUE(s.has(ref)) << ref;
  // Every cell of the second sheet is locked too.
  XSheet upcoming = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx", "Tranches à venir");
  EXPECT_TRUE(upcoming.is_protected());
  for (const auto& [ref, cell] : upcoming.cells) EXPECT_TRUE(cell.locked) << ref;
}

TEST_F(JustificationXlsx, EveryInputCellHasAValidationWithAFrenchMessage) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2021-T3.xlsx");
  const XValidation* amounts = s.validation_of("E21:G23");
  ASSERT_NE(amounts, nullptr);
  EXPECT_EQ(amounts->type, "custom");
  EXPECT_EQ(amounts->formula1, "AND(ISNUMBER(E21),E21>=0,ROUND(E21,2)=E21)");
  EXPECT_EQ(amounts->error_title, "Montant refusé");
  EXPECT_NE(amounts->error.find("positif ou nul, avec deux décimales au plus"), std::string::npos);
  EXPECT_TRUE(amounts->allow_blank);

  const XValidation* refs = s.validation_of("M21:M23");
  ASSERT_NE(refs, nullptr);
  EXPECT_EQ(refs->type, "textLength");
  EXPECT_EQ(refs->formula2, "200");
  EXPECT_NE(refs->error.find("200 caractères au plus"), std::string::npos);

  const XValidation* dates = s.validation_of("N21:N23");
  ASSERT_NE(dates, nullptr);
  EXPECT_EQ(dates->type, "date");
  EXPECT_EQ(dates->op, "");             // between, the default
  EXPECT_EQ(dates->formula1, "44378");  // 01/07/2021
  EXPECT_EQ(dates->formula2, "44469");  // 30/09/2021
  EXPECT_EQ(dates->error,
            "La date des justificatifs doit être comprise dans le trimestre, du 01/07/2021 au "
            "30/09/2021.");

  for (const char* ref : {"C15", "C16", "C18"}) {
    const XValidation* text = s.validation_of(ref);
    ASSERT_NE(text, nullptr) << ref;
    EXPECT_EQ(text->type, "textLength");
    EXPECT_EQ(text->formula1, "1");
    EXPECT_EQ(text->formula2, "100");
  }
  const XValidation* signed_on = s.validation_of("C17");
  ASSERT_NE(signed_on, nullptr);
  EXPECT_EQ(signed_on->op, "greaterThanOrEqual");
  EXPECT_EQ(signed_on->formula1, "44378");
  EXPECT_EQ(s.validations.size(), 7u);  // nothing else is validated
}

TEST_F(JustificationXlsx, CachedValuesAreWhatTamponComputes) {
  // Every line's cached figures equal the justification data Tampon computed for it.
  const Structure* bazuel = s_model->structure("mairie-de-bazuel");
  ASSERT_NE(bazuel, nullptr);
  std::vector<const ConventionState*> conventions;
  for (const ConventionState& cs : s_model->conventions)
    if (cs.record->structure == "mairie-de-bazuel") conventions.push_back(&cs);
  Quarter q{2022, 1};
  xlsx::JustificationData data = xlsx::justification_data(*s_model, *bazuel, conventions, q);
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx");
  ASSERT_EQ(data.lines.size(), 3u);
  for (std::size_t i = 0; i < data.lines.size(); ++i) {
    const auto& line = data.lines[i];
    std::string r = std::to_string(21 + i);
    auto euros = [](Money m) { return static_cast<double>(m.cents()) / 100; };
    EXPECT_DOUBLE_EQ(s.at("H" + r).number(), euros(line.quarter.total())) << r;
    EXPECT_DOUBLE_EQ(s.at("I" + r).number(), euros(line.previous_total())) << r;
    EXPECT_DOUBLE_EQ(s.at("J" + r).number(), euros(line.cumulated.total())) << r;
    EXPECT_DOUBLE_EQ(s.at("K" + r).number(), euros(line.balance())) << r;
  }
}

TEST_F(JustificationXlsx, TwoBuildsAreByteIdentical) {
  auto again = fresh_dir("justification-again");
  sleep(2);
  emit_all(*make_justification(), *s_model, again);
  for (const auto& job : *s_jobs)
    EXPECT_EQ(read_bytes(*s_out / job.path), read_bytes(again / job.path)) << job.path;
  std::filesystem::remove_all(again);
}

TEST_F(JustificationXlsx, InvalidDeclarationIsListedByTheQuartersThatCumulateIt) {
  Model model = *s_model;
  model.index();
  model.invalid.insert({RecordKind::Depense, "mairie-de-bazuel/cv-2021-0001/2022-T1"});
  // Only the host skips (--keep-going): every quarter is planned, and those that cumulate the
  // declaration list it.
  auto jobs = make_justification()->plan(model, ProjectContext{{}, {}}, BuildState{});
  EXPECT_EQ(jobs.size(), s_jobs->size());
  const RecordRef bad{RecordKind::Depense, "mairie-de-bazuel/cv-2021-0001/2022-T1"};
  std::map<std::string, bool> lists;
  for (const auto& job : jobs)
    lists[job.path] = std::find(job.inputs.begin(), job.inputs.end(), bad) != job.inputs.end();
  EXPECT_FALSE(lists.at("justifications/mairie-de-bazuel/2021-T4.xlsx"));
  EXPECT_TRUE(lists.at("justifications/mairie-de-bazuel/2022-T1.xlsx"));
  EXPECT_TRUE(lists.at("justifications/mairie-de-bazuel/2022-T2.xlsx"));
}

TEST_F(JustificationXlsx, ConventionWithAnInvalidRecordIsListedByItsQuartersOnly) {
  Model model = *s_model;
  model.records.conventions[1].structure = "mairie-de-bazuel";  // both conventions in Bazuel
  for (std::size_t i = 0; i < model.conventions.size(); ++i)
    model.conventions[i].record = &model.records.conventions[i];
  model.index();
  const std::string q1 = "justifications/mairie-de-bazuel/2022-T1.xlsx";
  auto both = fresh_dir("justification-two");
  emit_all(*make_justification(), model, both);
  EXPECT_TRUE(any_cell_contains(XlsxFile(both / q1).sheet("Justification"), "cv-2021-0002"));

  // cv-2021-0002's conseiller in error: the quarters in which cv-2021-0002 runs list it (the
  // host skips them rather than publish a justification without that convention), the others
  // do not.
  const RecordRef bad{RecordKind::Conseiller, "cn-0003"};
  model.invalid.insert(bad);
  auto jobs = make_justification()->plan(model, ProjectContext{{}, {}}, BuildState{});
  bool some_listed = false;
  for (const auto& job : jobs) {
    auto has = [&](const RecordRef& ref) {
      return std::find(job.inputs.begin(), job.inputs.end(), ref) != job.inputs.end();
    };
    EXPECT_EQ(has(bad), has({RecordKind::Convention, "cv-2021-0002"})) << job.path;
    some_listed = some_listed || has(bad);
    if (job.path == q1) {
      EXPECT_TRUE(has(bad));
    }
  }
  EXPECT_TRUE(some_listed);
  std::filesystem::remove_all(both);
}

TEST(JustificationMonths, RunsOfThreeOrMoreAreSpansAndTheYearIsWrittenOnce) {
  auto m = [](int y, unsigned mo) { return Month{y, mo}; };
  EXPECT_EQ(xlsx::months_fr({m(2023, 3), m(2023, 4)}), "mars et avril 2023");
  EXPECT_EQ(xlsx::months_fr({m(2023, 3)}), "mars 2023");
  EXPECT_EQ(
      xlsx::months_fr({m(2021, 12), m(2022, 1), m(2022, 2), m(2022, 3), m(2023, 6), m(2023, 8)}),
      "de décembre 2021 à mars 2022, juin et août 2023");
  EXPECT_EQ(xlsx::months_fr({m(2022, 12), m(2023, 2)}), "décembre 2022 et février 2023");
  EXPECT_EQ(xlsx::months_fr({m(2023, 1), m(2023, 2), m(2023, 3)}), "de janvier à mars 2023");
  EXPECT_EQ(xlsx::months_fr({m(2022, 8), m(2022, 9), m(2022, 10)}), "d'août à octobre 2022");
}

}  // namespace
}  // namespace tampon::testing
