// justification-xlsx: one file per structure and quarter, read back from the files.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "emit.hpp"
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
  EXPECT_EQ(s.at("A7").value, "Convention");
  EXPECT_EQ(s.at("D7").value, "Subvention reçue à la fin du trimestre");
  // Post 1: tranches 1 and 2 paid by 31/03/2022.
  EXPECT_EQ(s.at("A8").value, "cv-2021-0001");
  EXPECT_DOUBLE_EQ(s.at("B8").number(), 1);
  EXPECT_EQ(s.at("C8").value, "cn-0001");
  EXPECT_DOUBLE_EQ(s.at("D8").number(), 25000);
  EXPECT_DOUBLE_EQ(s.at("E8").number(), 5000);
  EXPECT_DOUBLE_EQ(s.at("F8").number(), 2000);
  EXPECT_DOUBLE_EQ(s.at("G8").number(), 100);
  EXPECT_EQ(s.at("H8").formula, "SUM(E8:G8)");
  EXPECT_DOUBLE_EQ(s.at("H8").number(), 7100);
  EXPECT_DOUBLE_EQ(s.at("I8").number(), 9950);  // 4 950 + 5 000
  EXPECT_DOUBLE_EQ(s.at("L8").number(), 14350.5);
  EXPECT_EQ(s.at("N8").formula, "D8-L8");
  EXPECT_DOUBLE_EQ(s.at("N8").number(), 10649.5);
  EXPECT_EQ(s.at("O8").formula, "IF(D8=0,\"\",L8/D8)");
  EXPECT_DOUBLE_EQ(s.at("O8").number(), 14350.5 / 25000);
  EXPECT_EQ(s.at("O8").num_format, "0.0%");
  EXPECT_EQ(s.at("D8").num_format, "#,##0.00 \"€\"");
  // Post 2 declared nothing this quarter, 6 700 earlier.
  EXPECT_DOUBLE_EQ(s.at("H9").number(), 0);
  EXPECT_DOUBLE_EQ(s.at("L9").number(), 6700);
}

TEST_F(JustificationXlsx, AFormulaLookingSupportingDocumentStaysText) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T1.xlsx");
  EXPECT_EQ(s.at("M8").value, "=cmd|' /C calc'!A0");
  EXPECT_TRUE(s.at("M8").is_text());
  EXPECT_TRUE(s.at("M8").formula.empty());
}

TEST_F(JustificationXlsx, VacantPostHasNoRateButAFormulaReadyForIt) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2021-T3.xlsx");
  EXPECT_FALSE(s.has("C10"));
  EXPECT_DOUBLE_EQ(s.at("D10").number(), 0);
  EXPECT_EQ(s.at("O10").type, "str");
  EXPECT_EQ(s.at("O10").value, "");
  EXPECT_EQ(s.at("O10").formula, "IF(D10=0,\"\",L10/D10)");
}

TEST_F(JustificationXlsx, TotalsRowSumsEveryMoneyColumnWithCachedValues) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2021-T3.xlsx");
  EXPECT_EQ(s.at("A12").value, "Total");
  EXPECT_EQ(s.at("D12").formula, "SUM(D8:D10)");
  EXPECT_DOUBLE_EQ(s.at("D12").number(), 20000);
  EXPECT_DOUBLE_EQ(s.at("H12").number(), 13950.5);
  EXPECT_DOUBLE_EQ(s.at("L12").number(), 13950.5);
  EXPECT_DOUBLE_EQ(s.at("N12").number(), 6049.5);
  EXPECT_DOUBLE_EQ(s.at("O12").number(), 13950.5 / 20000);
  EXPECT_EQ(s.at("M8").value, "Bulletins de paie juillet-septembre 2021");
}

TEST_F(JustificationXlsx, QuarterWithoutDeclarationShowsZerosAndSaysSo) {
  XSheet s = sheet("justifications/mairie-de-bazuel/2022-T2.xlsx");
  EXPECT_DOUBLE_EQ(s.at("H12").number(), 0);
  EXPECT_DOUBLE_EQ(s.at("L12").number(), 21050.5);  // earlier quarters still cumulate
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
  XSheet h = sheet("justifications/hyperlink/2022-T1.xlsx", "Tranches à venir");
  EXPECT_EQ(h.at("I2").value, "suspendue");
  EXPECT_EQ(h.at("I3").value, "a-venir");
  EXPECT_DOUBLE_EQ(h.at("G5").number(), 32000);
}

TEST_F(JustificationXlsx, FormulaLookingStructureNameStaysTextInTheHeader) {
  XSheet s = sheet("justifications/hyperlink/2022-T1.xlsx");
  EXPECT_EQ(s.at("B2").value, "=HYPERLINK(\"http://x.invalid\",\"x\") (hyperlink)");
  EXPECT_TRUE(s.at("B2").is_text());
  EXPECT_DOUBLE_EQ(s.at("D8").number(), 8000);  // the suspended tranche is not received
}

TEST_F(JustificationXlsx, TableHeaderIsFrozenFilteredAndPrintedOnEveryPage) {
  XlsxFile book(*s_out / "justifications/mairie-de-bazuel/2021-T3.xlsx");
  EXPECT_EQ(book.sheet_names(), (std::vector<std::string>{"Justification", "Tranches à venir"}));
  XSheet s = book.sheet("Justification");
  EXPECT_NE(s.xml.find("<pane ySplit=\"7\" topLeftCell=\"A8\""), std::string::npos);
  EXPECT_NE(s.xml.find("<autoFilter ref=\"A7:O10\"/>"), std::string::npos);
  EXPECT_NE(book.defined_names().find("Justification!$7:$7"), std::string::npos);
  EXPECT_NE(s.xml.find("orientation=\"landscape\""), std::string::npos);
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
  auto jobs = make_justification()->plan(model, ProjectContext{{}, {}});
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
  auto jobs = make_justification()->plan(model, ProjectContext{{}, {}});
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

}  // namespace
}  // namespace tampon::testing
