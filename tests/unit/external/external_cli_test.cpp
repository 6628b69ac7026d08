// The built `tampon` with the Python example emitter, end to end, on the shipped sample
// project: the CSV must agree with records-json, the other reader of the same model.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "plugin/external_process.hpp"
#include "scratch.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::read_file;

const std::string k_examples = TAMPON_TEST_EXTERNAL_DIR;

external::ProcessResult tampon(std::vector<std::string> args) {
  return external::run_process({TAMPON_EXE, std::move(args), {}, {}, 300s});
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (std::size_t nl; (nl = text.find("\r\n", start)) != std::string::npos; start = nl + 2) {
    std::vector<std::string> cells;
    std::string line = text.substr(start, nl - start) + ";";
    for (std::size_t semi, from = 0; (semi = line.find(';', from)) != std::string::npos;
         from = semi + 1)
      cells.push_back(line.substr(from, semi - from));
    rows.push_back(std::move(cells));
  }
  return rows;
}

TEST(ExternalCli, PluginsListsTheProgramFromThePluginFolder) {
  auto r = tampon({"plugins", "--plugin-dir", k_examples});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("csv-tranches 1.0.0  (programme externe " + k_examples +
                       "/tampon-emitter-csv-tranches, interface v1)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("lit : structure convention versement"), std::string::npos) << r.out;
}

TEST(ExternalCli, BuildsTheSampleProjectsTranchesCsvInAgreementWithRecordsJson) {
  testing::Scratch scratch;
  auto out = scratch.dir() / "out";
  auto r = tampon({"build", "--project", TAMPON_SOURCE_DIR, "--out", out.string(), "--as-of",
                   "2024-06-30", "--plugin-dir", k_examples, "--only", "csv-tranches,records-json",
                   "--no-cache", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto records = nlohmann::json::parse(read_file(out / "export/records.json"));
  auto rows = csv_rows(read_file(out / "export/tranches.csv"));
  ASSERT_FALSE(rows.empty());
  const auto& header = rows[0];
  auto column = [&](const char* name) {
    return std::find(header.begin(), header.end(), name) - header.begin();
  };
  std::size_t tranches = 0;
  long long cents = 0;
  for (const auto& convention : records["conventions"])
    for (const auto& poste : convention["postes"])
      for (const auto& t : poste["tranches"]) {
        ++tranches;
        cents += t["montant"]["centimes"].get<long long>();
      }
  ASSERT_GT(tranches, 10u) << "the sample project has conventions";
  ASSERT_EQ(rows.size(), tranches + 1);
  long long csv_cents = 0;
  for (std::size_t i = 1; i < rows.size(); ++i)
    csv_cents += std::stoll(rows[i][column("montant_centimes")]);
  EXPECT_EQ(csv_cents, cents);
  EXPECT_EQ(rows[1][column("convention")], records["conventions"][0]["id"]);
  auto manifest = read_file(out / "manifest.json");
  EXPECT_NE(manifest.find("\"emitter\": \"csv-tranches\""), std::string::npos) << manifest;
}

TEST(ExternalCli, AFailingProgramFailsTheBuildWithItsStderrAndWritesNothing) {
  testing::Scratch scratch;
  scratch.program("plugins/tampon-emitter-casse",
                  testing::shell_emitter("casse", R"(echo '{"jobs": [{"path": "x.txt"}]}')",
                                         "echo 'boum : division par zéro' >&2; exit 1"));
  auto out = scratch.dir() / "out";
  auto r = tampon({"build", "--project", TAMPON_SOURCE_DIR, "--out", out.string(), "--as-of",
                   "2024-06-30", "--plugin-dir", (scratch.dir() / "plugins").string(), "--only",
                   "casse", "--no-cache"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("s'est terminé avec le code 1 [external-emitter-failed]"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("note: sortie d'erreur : boum : division par zéro"), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out / "x.txt"));
  EXPECT_FALSE(fs::exists(out / "manifest.json"));
}

}  // namespace
}  // namespace tampon
