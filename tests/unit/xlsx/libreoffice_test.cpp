// LibreOffice headless opens the spreadsheets and converts every sheet to CSV, once trusting
// the cached formula results (its default for XLSX) and once recalculating everything: both
// must give the same figures, and the totals must be the model's (issue #4).
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "emit.hpp"
#include "render/xlsx/sheet.hpp"
#include "render/xlsx/workbook.hpp"
#include "sample_model.hpp"
#include "xlsx_reader.hpp"

namespace tampon::testing {
namespace {

using Csv = std::vector<std::vector<std::string>>;
namespace fs = std::filesystem;

Csv parse_csv(const std::string& text) {
  Csv rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += text[++i];
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

/// The row whose first cell is `first`.
const std::vector<std::string>& row_starting(const Csv& csv, const std::string& first) {
  for (const auto& row : csv)
    if (!row.empty() && row[0] == first) return row;
  throw std::out_of_range("no row starting with " + first);
}

/// A LibreOffice profile whose XLSX recalculation mode is `mode` (0 always, 1 never).
void write_profile(const fs::path& profile, int mode) {
  fs::create_directories(profile / "user");
  std::ofstream(profile / "user/registrymodifications.xcu")
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
         "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
         "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
         "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>"
      << mode << "</value></prop></item>\n</oor:items>\n";
}

/// Converts every sheet of every file to `<stem>-<sheet>.csv` in `out`.
void convert(const fs::path& profile, const std::vector<fs::path>& files, const fs::path& out) {
  std::string command = "soffice -env:UserInstallation=file://" + profile.string() +
                        " --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,"
                        "1033,false,false,false,false,false,-1' --outdir '" +
                        out.string() + "'";
  for (const fs::path& f : files) command += " '" + f.string() + "'";
  run(command + " >/dev/null 2>&1");
}

class LibreOffice : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (std::system("command -v soffice >/dev/null 2>&1") != 0) return;
    s_dir = new fs::path(fresh_dir("libreoffice"));
    auto model = sample_model();
    fs::path out = *s_dir / "out";
    emit_all(*make_tranches(), *model, out);
    emit_all(*make_justification(), *model, out);
    // Flat, unique names: LibreOffice names its CSVs after the file's stem.
    std::vector<fs::path> files;
    for (const auto& [from, to] : std::map<std::string, std::string>{
             {"echeanciers/echeancier-global.xlsx", "ledger.xlsx"},
             {"echeanciers/cv-2021-0001.xlsx", "cv1.xlsx"},
             {"echeanciers/cv-2021-0002.xlsx", "cv2.xlsx"},
             {"justifications/mairie-de-bazuel/2021-T3.xlsx", "j-bazuel-2021-T3.xlsx"},
             {"justifications/hyperlink/2022-T1.xlsx", "j-hyperlink-2022-T1.xlsx"}}) {
      fs::copy_file(out / from, *s_dir / to);
      files.push_back(*s_dir / to);
    }
    files.push_back(wrong_cache_file(*s_dir / "wrong-cache.xlsx"));
    for (int mode : {0, 1}) {
      fs::path profile = *s_dir / ("profile-" + std::to_string(mode));
      write_profile(profile, mode);
      convert(profile, files, *s_dir / (mode == 0 ? "recalculated" : "cached"));
    }
    // The justification form opened and saved again as XLSX by LibreOffice (issue #17).
    run("soffice -env:UserInstallation=file://" + (*s_dir / "profile-1").string() +
        " --headless --convert-to xlsx --outdir '" + (*s_dir / "resaved").string() + "' '" +
        (*s_dir / "j-bazuel-2021-T3.xlsx").string() + "' >/dev/null 2>&1");
  }
  static void TearDownTestSuite() {
    if (s_dir) fs::remove_all(*s_dir);
    delete s_dir;
    s_dir = nullptr;
  }
  void SetUp() override {
    if (s_dir == nullptr) GTEST_SKIP() << "LibreOffice (soffice) is not installed";
  }
  /// A formula `1+1` stored with the wrong result 5: shows which mode recalculated.
  static fs::path wrong_cache_file(const fs::path& path) {
    xlsx::Workbook book(path, xlsx::Size::Small, {"t", "s", "k", d("2022-06-15")});
    xlsx::Sheet sheet(book.add_sheet("S"), book.formats());
    sheet.formula(0, 0, "1+1", 5, nullptr);
    book.close();
    return path;
  }
  static Csv csv(const std::string& mode, const std::string& name) {
    return parse_csv(read_bytes(*s_dir / mode / name));
  }
  static fs::path* s_dir;
};
fs::path* LibreOffice::s_dir = nullptr;

TEST_F(LibreOffice, RecalculationModeReallyDiffers) {
  EXPECT_EQ(csv("cached", "wrong-cache-S.csv")[0][0], "5");
  EXPECT_EQ(csv("recalculated", "wrong-cache-S.csv")[0][0], "2");
}

TEST_F(LibreOffice, EverySheetShowsTheSameFiguresWithAndWithoutRecalculation) {
  std::size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(*s_dir / "cached")) {
    std::string name = entry.path().filename().string();
    if (name.rfind("wrong-cache", 0) == 0) continue;
    EXPECT_EQ(read_bytes(entry.path()), read_bytes(*s_dir / "recalculated" / name)) << name;
    ++compared;
  }
  EXPECT_EQ(compared, 10u);  // five workbooks of two sheets each
}

TEST_F(LibreOffice, LedgerTotalsAfterRecalculationAreTheModels) {
  Csv ledger = csv("recalculated", "ledger-Échéancier.csv");
  const auto& total = row_starting(ledger, "Total");
  EXPECT_EQ(total[7], "190000");
  EXPECT_EQ(total[9], "43000");
  Csv by_month = csv("recalculated", "ledger-Par mois et statut.csv");
  const auto& month_total = row_starting(by_month, "Total");
  EXPECT_EQ(month_total[7], "190000");
  EXPECT_EQ(month_total[8], "12");
  EXPECT_EQ(month_total[3], "43000");  // versee
}

TEST_F(LibreOffice, StatementSummaryAfterRecalculationGivesGrantedPaidRemaining) {
  Csv summary = csv("recalculated", "cv1-Synthèse.csv");
  EXPECT_EQ(row_starting(summary, "Total accordé")[1], "150000");
  EXPECT_EQ(row_starting(summary, "Total versé")[1], "35000");
  EXPECT_EQ(row_starting(summary, "Reste à verser")[1], "115000");
}

TEST_F(LibreOffice, JustificationTotalsAfterRecalculationAreTheModels) {
  Csv sheet = csv("recalculated", "j-bazuel-2021-T3-Justification.csv");
  const auto& total = row_starting(sheet, "Total");
  EXPECT_EQ(total[3], "20000");
  EXPECT_EQ(total[9], "13950.5");
  EXPECT_EQ(total[10], "6049.5");
  EXPECT_EQ(total[11], "69.7525%");
}

TEST_F(LibreOffice, JustificationFormKeepsProtectionInputsAndValidationsWhenResaved) {
  XSheet s = XlsxFile(*s_dir / "resaved/j-bazuel-2021-T3.xlsx").sheet("Justification");
  EXPECT_TRUE(s.is_protected());
  for (const char* ref : {"E21", "G23", "M21", "N22", "C15", "C17"})
    EXPECT_FALSE(s.at(ref).locked) << ref;
  for (const char* ref : {"A21", "D21", "H21", "I21", "J21", "B2", "A15"})
    EXPECT_TRUE(s.at(ref).locked) << ref;
  EXPECT_EQ(s.at("J21").formula, "I21+H21");
  EXPECT_EQ(s.validations.size(), 7u);
  bool amounts = false, dates = false;
  for (const XValidation& v : s.validations) {
    if (v.sqref == "E21:G23") {
      amounts = true;
      EXPECT_EQ(v.error_title, "Montant refusé");
    }
    if (v.sqref == "N21:N23") {
      dates = true;
      EXPECT_EQ(v.type, "date");
      EXPECT_EQ(v.formula1, "44378");
      EXPECT_EQ(v.formula2, "44469");
    }
  }
  EXPECT_TRUE(amounts);
  EXPECT_TRUE(dates);
}

TEST_F(LibreOffice, FormulaLookingNamesStayLiteralText) {
  Csv summary = csv("recalculated", "cv2-Synthèse.csv");
  EXPECT_EQ(row_starting(summary, "Structure")[1], "=HYPERLINK(\"http://x.invalid\",\"x\")");
  Csv header = csv("recalculated", "j-hyperlink-2022-T1-Justification.csv");
  EXPECT_EQ(row_starting(header, "Structure")[1],
            "=HYPERLINK(\"http://x.invalid\",\"x\") (hyperlink)");
}

}  // namespace
}  // namespace tampon::testing
