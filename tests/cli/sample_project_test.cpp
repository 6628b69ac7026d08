// The shipped sample project (data/, content/, templates/) builds cleanly, produces every
// output of outputs.md, and builds to the same bytes twice (outputs.md "Safety of outputs").
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

const std::string k_source = TAMPON_SOURCE_DIR;

class SampleProject : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    project = new Project("sample-project");
    first = project->run(
        {"build", "--project", k_source, "--out", "a", "--as-of", "2024-06-30", "--no-cache"});
  }
  static void TearDownTestSuite() {
    delete project;
    project = nullptr;
  }
  static inline Project* project = nullptr;
  static inline RunResult first;
};

TEST_F(SampleProject, BuildsWithoutAnyDiagnostic) {
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("0 erreur, 0 avertissement"), std::string::npos) << first.err;
}

TEST_F(SampleProject, ProducesEveryOutputKindOfTheContract) {
  auto out = project->snapshot("a");
  auto has_prefix = [&](const std::string& prefix, const std::string& suffix) {
    for (const auto& [path, bytes] : out)
      if (path.starts_with(prefix) && path.ends_with(suffix) && !bytes.empty()) return true;
    return false;
  };
  EXPECT_TRUE(has_prefix("conventions/", ".pdf"));
  EXPECT_TRUE(has_prefix("avenants/", ".pdf"));
  EXPECT_TRUE(has_prefix("echeanciers/", ".xlsx"));
  EXPECT_TRUE(out.contains("echeanciers/echeancier-global.xlsx"));
  EXPECT_TRUE(has_prefix("justifications/", ".xlsx"));
  EXPECT_TRUE(out.contains("site/index.html"));
  EXPECT_TRUE(out.contains("export/records.json"));
  ASSERT_TRUE(out.contains("manifest.json"));
  auto manifest = nlohmann::json::parse(out["manifest.json"]);
  std::size_t listed = manifest["files"].size();
  std::size_t files = 0;
  for (const auto& [path, bytes] : out)
    if (bytes != "<dossier>" && path != "manifest.json") ++files;
  EXPECT_EQ(listed, files) << "manifest.json must list every file written";
}

TEST_F(SampleProject, ProducesQuarterlyBulletinsInHtmlAndPdf) {
  auto out = project->snapshot("a");
  bool html = false, pdf = false;
  for (const auto& [path, bytes] : out) {
    html = html || (path.starts_with("bulletins/") && path.ends_with(".html") && !bytes.empty());
    pdf = pdf || (path.starts_with("bulletins/") && path.ends_with(".pdf") && !bytes.empty());
  }
  EXPECT_TRUE(html);
  EXPECT_TRUE(pdf);
}

TEST_F(SampleProject, EveryConventionAndAvenantHasItsPdf) {
  auto out = project->snapshot("a");
  auto records = nlohmann::json::parse(out["export/records.json"]);
  for (const auto& c : records["conventions"]) {
    std::string id = c["id"];
    EXPECT_TRUE(out.contains("conventions/" + id + ".pdf")) << id;
    EXPECT_TRUE(out.contains("echeanciers/" + id + ".xlsx")) << id;
    for (const auto& a : c["avenants"]) {
      std::string av = a["id"];
      EXPECT_TRUE(out.contains("avenants/" + av + ".pdf")) << av;
    }
  }
}

TEST_F(SampleProject, TwoBuildsGiveIdenticalBytes) {
  auto second = project->run({"build", "--project", k_source, "--out", "b", "--as-of", "2024-06-30",
                              "--jobs", "1", "--no-cache"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto a = project->snapshot("a"), b = project->snapshot("b");
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [path, bytes] : a) EXPECT_TRUE(b[path] == bytes) << path << " differs";
}

}  // namespace
}  // namespace tampon::testing
