// tranches-xlsx: the per-convention statements and the global ledger, read back from the files.
#include <gtest/gtest.h>

#include <algorithm>

#include "emit.hpp"
#include "sample_model.hpp"
#include "xlsx_reader.hpp"

namespace tampon::testing {
namespace {

class TranchesXlsx : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_model = sample_model().release();
    s_out = new std::filesystem::path(fresh_dir("tranches"));
    s_jobs = new std::vector<OutputJob>(emit_all(*make_tranches(), *s_model, *s_out));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*s_out);
    delete s_jobs;
    delete s_out;
    delete s_model;
  }
  static XlsxFile file(const std::string& relative) { return XlsxFile(*s_out / relative); }
  static Model* s_model;
  static std::filesystem::path* s_out;
  static std::vector<OutputJob>* s_jobs;
};
Model* TranchesXlsx::s_model = nullptr;
std::filesystem::path* TranchesXlsx::s_out = nullptr;
std::vector<OutputJob>* TranchesXlsx::s_jobs = nullptr;

TEST_F(TranchesXlsx, PlansOneStatementPerConventionAndOneLedger) {
  std::vector<std::string> paths;
  for (const auto& job : *s_jobs) paths.push_back(job.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"echeanciers/cv-2021-0001.xlsx",
                                             "echeanciers/cv-2021-0002.xlsx",
                                             "echeanciers/echeancier-global.xlsx"}));
}

TEST_F(TranchesXlsx, JobInputsNameTheConventionItsStructureConseillersAndVersements) {
  const auto& inputs = s_jobs->at(0).inputs;
  auto has = [&](RecordKind kind, const std::string& id) {
    return std::find(inputs.begin(), inputs.end(), RecordRef{kind, id}) != inputs.end();
  };
  EXPECT_TRUE(has(RecordKind::Convention, "cv-2021-0001"));
  EXPECT_TRUE(has(RecordKind::Structure, "mairie-de-bazuel"));
  EXPECT_TRUE(has(RecordKind::Conseiller, "cn-0002"));
  EXPECT_TRUE(has(RecordKind::Versement, "cv-2021-0001/poste-1/tranche-2"));
  EXPECT_FALSE(has(RecordKind::Versement, "cv-2021-0002/poste-1/tranche-1"));
}

TEST(TranchesXlsxPlan, JobInputsNameEveryMonthlyReportOfItsConseillersOnly) {
  auto model = sample_model();
  auto rapport = [](std::string conseiller, int month) {
    Rapport r;
    r.structure = "mairie-de-bazuel";
    r.conseiller = std::move(conseiller);
    r.mois = Month{2022, static_cast<unsigned>(month)};
    return r;
  };
  model->records.rapports = {rapport("cn-0002", 1), rapport("cn-0002", 2), rapport("cn-9999", 1)};
  model->index();
  auto jobs = make_tranches()->plan(*model, ProjectContext{{}, {}}, BuildState{});
  ASSERT_FALSE(jobs.empty());
  std::vector<std::string> listed;
  for (const RecordRef& ref : jobs[0].inputs)
    if (ref.kind == RecordKind::Rapport) listed.push_back(ref.id);
  EXPECT_EQ(listed, (std::vector<std::string>{"cn-0002/2022-01", "cn-0002/2022-02"}));
  const auto& inputs = jobs[0].inputs;
  EXPECT_TRUE(std::is_sorted(inputs.begin(), inputs.end()));
  EXPECT_EQ(std::adjacent_find(inputs.begin(), inputs.end()), inputs.end());
}

TEST_F(TranchesXlsx, LedgerInputsAreTheUnionOfTheStatementsInputs) {
  std::vector<RecordRef> statements;
  for (std::size_t i = 0; i + 1 < s_jobs->size(); ++i)
    statements.insert(statements.end(), s_jobs->at(i).inputs.begin(), s_jobs->at(i).inputs.end());
  std::sort(statements.begin(), statements.end());
  statements.erase(std::unique(statements.begin(), statements.end()), statements.end());
  EXPECT_EQ(s_jobs->back().inputs, statements);
}

TEST_F(TranchesXlsx, StatementHasTheContractColumnsInOrder) {
  XSheet sheet = file("echeanciers/cv-2021-0001.xlsx").sheet("Échéancier");
  std::vector<std::string> headers;
  for (char col = 'A'; col <= 'K'; ++col)
    headers.push_back(sheet.at(std::string(1, col) + "1").value);
  EXPECT_EQ(headers, (std::vector<std::string>{"Convention", "Structure", "Poste", "Conseiller",
                                               "Tranche", "Pourcentage", "Échéance", "Montant",
                                               "Date de versement", "Montant versé", "Statut"}));
  EXPECT_FALSE(sheet.has("L1"));
}

TEST_F(TranchesXlsx, TrancheRowsCarryRealNumbersDatesAndStatusCodes) {
  XSheet sheet = file("echeanciers/cv-2021-0001.xlsx").sheet("Échéancier");
  EXPECT_EQ(sheet.at("A2").value, "cv-2021-0001");
  EXPECT_TRUE(sheet.at("A2").is_text());
  EXPECT_EQ(sheet.at("B2").value, "mairie-de-bazuel");
  EXPECT_DOUBLE_EQ(sheet.at("C2").number(), 1);
  EXPECT_EQ(sheet.at("D2").value, "cn-0001");
  EXPECT_DOUBLE_EQ(sheet.at("F2").number(), 0.2);
  EXPECT_EQ(sheet.at("F2").num_format, "0%");
  EXPECT_DOUBLE_EQ(sheet.at("G2").number(), 44328);  // 2021-05-12
  EXPECT_EQ(sheet.at("G2").num_format, "dd/mm/yyyy");
  EXPECT_DOUBLE_EQ(sheet.at("H2").number(), 10000);
  EXPECT_EQ(sheet.at("H2").num_format, "#,##0.00 \"€\"");
  EXPECT_DOUBLE_EQ(sheet.at("I2").number(), 44330);  // paid 2021-05-14
  EXPECT_DOUBLE_EQ(sheet.at("J2").number(), 10000);
  EXPECT_EQ(sheet.at("K2").value, "versee");
  EXPECT_EQ(sheet.at("K4").value, "exigible");
  EXPECT_FALSE(sheet.has("I4"));  // not paid: empty cells
  EXPECT_EQ(sheet.at("K6").value, "risque-suspension");
  EXPECT_EQ(sheet.at("K8").value, "provisoire");
  EXPECT_FALSE(sheet.has("D8"));  // vacant post: no conseiller
}

TEST_F(TranchesXlsx, EveryStatusCodeOfTheDomainAppearsAcrossTheLedger) {
  XSheet sheet = file("echeanciers/echeancier-global.xlsx").sheet("Échéancier");
  std::vector<std::string> seen;
  for (int row = 2; row <= 13; ++row) seen.push_back(sheet.at("K" + std::to_string(row)).value);
  for (const char* code :
       {"a-venir", "exigible", "versee", "suspendue", "risque-suspension", "provisoire"})
    EXPECT_NE(std::find(seen.begin(), seen.end(), code), seen.end()) << code;
}

TEST_F(TranchesXlsx, TotalsAreFormulasStoredWithTheirComputedValues) {
  XSheet sheet = file("echeanciers/cv-2021-0001.xlsx").sheet("Échéancier");
  // 9 tranches on rows 2..10, an empty row, then the totals on row 12.
  EXPECT_FALSE(sheet.has("A11"));
  EXPECT_EQ(sheet.at("A12").value, "Total");
  EXPECT_EQ(sheet.at("H12").formula, "SUM(H2:H10)");
  EXPECT_DOUBLE_EQ(sheet.at("H12").number(), 150000);
  EXPECT_EQ(sheet.at("J12").formula, "SUM(J2:J10)");
  EXPECT_DOUBLE_EQ(sheet.at("J12").number(), 35000);
}

TEST_F(TranchesXlsx, SuspendedPaymentShowsNoPaidMoneyAndIsNotCountedAsPaid) {
  XSheet sheet = file("echeanciers/cv-2021-0002.xlsx").sheet("Échéancier");
  EXPECT_EQ(sheet.at("K3").value, "suspendue");
  EXPECT_FALSE(sheet.has("I3"));
  EXPECT_FALSE(sheet.has("J3"));
  EXPECT_DOUBLE_EQ(sheet.at("J6").number(), 8000);
}

TEST_F(TranchesXlsx, AFormulaLookingStructureNameStaysText) {
  XSheet summary = file("echeanciers/cv-2021-0002.xlsx").sheet("Synthèse");
  bool found = false;
  for (const auto& [ref, cell] : summary.cells) {
    if (cell.value == "=HYPERLINK(\"http://x.invalid\",\"x\")") {
      found = true;
      EXPECT_TRUE(cell.is_text()) << ref;
      EXPECT_TRUE(cell.formula.empty()) << ref;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(summary.xml.find("<f>HYPERLINK"), std::string::npos);
}

TEST_F(TranchesXlsx, SummaryGivesGrantedPaidAndRemainingAsCachedFormulas) {
  XSheet summary = file("echeanciers/cv-2021-0001.xlsx").sheet("Synthèse");
  std::map<std::string, const XCell*> by_label;
  for (int row = 1; row <= summary.max_row(); ++row) {
    std::string r = std::to_string(row);
    if (summary.has("A" + r) && summary.has("B" + r))
      by_label[summary.at("A" + r).value] = &summary.at("B" + r);
  }
  ASSERT_TRUE(by_label.contains("Total accordé"));
  EXPECT_EQ(by_label["Total accordé"]->formula, "SUM('Échéancier'!$H$2:$H$10)");
  EXPECT_DOUBLE_EQ(by_label["Total accordé"]->number(), 150000);
  EXPECT_DOUBLE_EQ(by_label["Total versé"]->number(), 35000);
  EXPECT_DOUBLE_EQ(by_label["Reste à verser"]->number(), 115000);
  EXPECT_FALSE(by_label["Reste à verser"]->formula.empty());
  EXPECT_EQ(by_label["Structure"]->value, "Mairie de Bazuel");
  EXPECT_EQ(by_label["Régime"]->value, "relance-2021 — Plan de relance, appel de 2021");
  EXPECT_DOUBLE_EQ(by_label["Signature"]->number(), 44288);  // 2021-04-02
  EXPECT_DOUBLE_EQ(by_label["Nombre de postes"]->number(), 3);
}

TEST_F(TranchesXlsx, SummaryFlagsTheTrancheDueAfterTheRupture) {
  XSheet summary = file("echeanciers/cv-2021-0001.xlsx").sheet("Synthèse");
  bool found = false;
  for (const auto& [ref, cell] : summary.cells)
    if (cell.value.find("Poste 2, tranche 3") != std::string::npos &&
        cell.value.find("31/01/2022") != std::string::npos)
      found = true;
  EXPECT_TRUE(found);
  XSheet statement = file("echeanciers/cv-2021-0001.xlsx").sheet("Échéancier");
  EXPECT_NE(statement.at("K7").style, statement.at("K4").style);  // highlighted status
}

TEST_F(TranchesXlsx, HeaderIsFrozenFilteredAndRepeatedOnPrint) {
  XlsxFile book = file("echeanciers/echeancier-global.xlsx");
  XSheet sheet = book.sheet("Échéancier");
  EXPECT_NE(sheet.xml.find("<pane ySplit=\"1\" topLeftCell=\"A2\""), std::string::npos);
  EXPECT_NE(sheet.xml.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.xml.find("<autoFilter ref=\"A1:K13\"/>"), std::string::npos)
      << sheet.xml.substr(sheet.xml.find("<autoFilter"), 40);
  EXPECT_NE(sheet.xml.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(sheet.xml.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos);
  EXPECT_NE(book.defined_names().find("_xlnm.Print_Titles"), std::string::npos);
  EXPECT_NE(book.defined_names().find("'Échéancier'!$1:$1"), std::string::npos);
}

TEST_F(TranchesXlsx, ColumnWidthsFitTheirContent) {
  XSheet sheet = file("echeanciers/echeancier-global.xlsx").sheet("Échéancier");
  // "Date de versement" (17 characters, bold) is the widest of column I.
  ASSERT_TRUE(sheet.column_width(9).has_value());
  EXPECT_GE(*sheet.column_width(9), 17);
  EXPECT_LE(*sheet.column_width(9), 24);
  // Identifiers of 16 characters ("mairie-de-bazuel") in column B.
  EXPECT_GE(*sheet.column_width(2), 16);
}

TEST_F(TranchesXlsx, LedgerSecondSheetTotalsByDueMonthAndStatus) {
  XlsxFile book = file("echeanciers/echeancier-global.xlsx");
  EXPECT_EQ(book.sheet_names(), (std::vector<std::string>{"Échéancier", "Par mois et statut"}));
  XSheet sheet = book.sheet("Par mois et statut");
  EXPECT_EQ(sheet.at("B1").value, "a-venir");
  EXPECT_EQ(sheet.at("G1").value, "provisoire");
  // Row 2 is May 2021: 10 000 provisional, 20 000 paid.
  EXPECT_DOUBLE_EQ(sheet.at("A2").number(), 44317);  // 2021-05-01
  EXPECT_EQ(sheet.at("A2").num_format, "mm/yyyy");
  EXPECT_DOUBLE_EQ(sheet.at("D2").number(), 20000);
  EXPECT_DOUBLE_EQ(sheet.at("G2").number(), 10000);
  EXPECT_EQ(sheet.at("D2").formula.substr(0, 7), "SUMIFS(");
  EXPECT_DOUBLE_EQ(sheet.at("H2").number(), 30000);
  EXPECT_DOUBLE_EQ(sheet.at("I2").number(), 3);
  // Months: 2021-05, 2021-10, 2022-03, 2022-04, 2022-09 → totals on row 8.
  EXPECT_EQ(sheet.at("A8").value, "Total");
  EXPECT_DOUBLE_EQ(sheet.at("H8").number(), 190000);
  EXPECT_DOUBLE_EQ(sheet.at("I8").number(), 12);
  EXPECT_DOUBLE_EQ(sheet.at("B8").number(), 20000);  // a-venir
  EXPECT_DOUBLE_EQ(sheet.at("E8").number(), 12000);  // suspendue
}

TEST_F(TranchesXlsx, DocumentPropertiesCarryTheReferenceDateNotTheClock) {
  std::string core = file("echeanciers/cv-2021-0001.xlsx").part("docProps/core.xml");
  EXPECT_NE(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-06-15T00:00:00Z"),
            std::string::npos)
      << core;
  EXPECT_NE(core.find("Échéancier de la convention cv-2021-0001"), std::string::npos);
}

TEST_F(TranchesXlsx, TwoBuildsAreByteIdentical) {
  auto again = fresh_dir("tranches-again");
  sleep(2);  // a timestamp in seconds (or a zip's 2-second one) would now differ
  emit_all(*make_tranches(), *s_model, again);
  for (const auto& job : *s_jobs)
    EXPECT_EQ(read_bytes(*s_out / job.path), read_bytes(again / job.path)) << job.path;
  std::filesystem::remove_all(again);
}

// Only the host skips (--keep-going): the statement of the convention reading the record in
// error lists it, and so does the ledger, which the host then skips whole (keeping the
// previous one) rather than publishing a ledger without that convention.
TEST_F(TranchesXlsx, ARecordInErrorIsListedByItsStatementAndTheLedger) {
  Model model = *s_model;
  model.index();
  const RecordRef bad{RecordKind::Conseiller, "cn-0003"};
  model.invalid.insert(bad);
  auto jobs = make_tranches()->plan(model, ProjectContext{{}, {}}, BuildState{});
  ASSERT_EQ(jobs.size(), 3u);
  auto lists = [&](const OutputJob& job) {
    return std::find(job.inputs.begin(), job.inputs.end(), bad) != job.inputs.end();
  };
  EXPECT_EQ(jobs[0].path, "echeanciers/cv-2021-0001.xlsx");
  EXPECT_FALSE(lists(jobs[0]));
  EXPECT_EQ(jobs[1].path, "echeanciers/cv-2021-0002.xlsx");
  EXPECT_TRUE(lists(jobs[1]));
  EXPECT_EQ(jobs[2].path, "echeanciers/echeancier-global.xlsx");
  EXPECT_TRUE(lists(jobs[2]));
}

TEST_F(TranchesXlsx, TheLedgerListsEveryConventionEvenWithoutDerivedState) {
  Model model = *s_model;
  Convention orphan = model.records.conventions[0];
  orphan.id = "cv-2099-0001";  // no ConventionState: in error, never derived
  model.records.conventions.push_back(orphan);
  for (std::size_t i = 0; i < model.conventions.size(); ++i)
    model.conventions[i].record = &model.records.conventions[i];
  model.index();
  auto jobs = make_tranches()->plan(model, ProjectContext{{}, {}}, BuildState{});
  const auto& ledger = jobs.back().inputs;
  EXPECT_NE(
      std::find(ledger.begin(), ledger.end(), RecordRef{RecordKind::Convention, "cv-2099-0001"}),
      ledger.end());
}

}  // namespace
}  // namespace tampon::testing
