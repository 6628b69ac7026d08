// `tampon build --only EMITTER` loads only what the selected emitters read.
#include <gtest/gtest.h>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(OnlySite, BuildsTheSiteWithoutReadingTheRecords) {
  Project p;
  write_minimal_valid_project(p);
  p.write("data/conseillers/cn-0001.yaml", "id: cn-0001\nnom: Durand\n");  // invalid record
  p.write("data/conventions/cassee.yaml", "id: [\n");                      // not even YAML
  auto site = p.run({"build", "--only", "site", "--as-of", "2024-06-30"});
  EXPECT_EQ(site.exit_code, 0) << site.err;
  EXPECT_FALSE(contains(site.err, "cn-0001")) << site.err;
  auto out = p.snapshot("out");
  EXPECT_TRUE(out.contains("site/index.html"));
  EXPECT_TRUE(contains(out["manifest.json"], "\"emitter\": \"site\""));
  // An emitter that reads records still sees them all, and so does validate.
  EXPECT_EQ(p.run({"build", "--only", "records-json", "--as-of", "2024-06-30"}).exit_code, 3);
  EXPECT_EQ(p.run({"validate", "--only", "site", "--as-of", "2024-06-30"}).exit_code, 3);
}

TEST(OnlySite, StillValidatesTheRulesItReads) {
  Project p;
  write_minimal_valid_project(p);
  p.write("data/baremes.yaml", "limites: 12\n");
  auto r = p.run({"build", "--only", "site", "--as-of", "2024-06-30"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(contains(r.err, "data/baremes.yaml")) << r.err;
  EXPECT_FALSE(p.snapshot("out").contains("site/index.html"));
}

TEST(OnlySite, AFullBuildAfterwardsKeepsTheSitePages) {
  Project p;
  write_minimal_valid_project(p);
  ASSERT_EQ(p.run({"build", "--only", "site", "--as-of", "2024-06-30"}).exit_code, 0);
  auto full = p.run({"build", "--as-of", "2024-06-30"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  // The site's fingerprints see the same data either way: its pages are not rendered again.
  EXPECT_TRUE(contains(full.err, "inchangé")) << full.err;
  EXPECT_FALSE(contains(full.err, " 0 inchangé")) << full.err;
}

}  // namespace
}  // namespace tampon::testing
