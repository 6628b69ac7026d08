// `tampon explain convention ID --format json` (issue 15): the derivation as data, whose
// figures add up as the text's do.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

TEST(ExplainJson, GivesEveryVersionPostAndTrancheWithFiguresThatAddUp) {
  Project p;
  auto r = p.run({"explain", "convention", "cv-2021-0007", "--project", TAMPON_SOURCE_DIR,
                  "--as-of", "2025-06-30", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["convention"], "cv-2021-0007");
  EXPECT_EQ(doc["statuts_au"], "2025-06-30");
  ASSERT_GE(doc["versions"].size(), 2u);  // signed, then after its avenant
  EXPECT_TRUE(doc["versions"][0]["avenant"].is_null());
  EXPECT_EQ(doc["versions"][1]["avenant"], "cv-2021-0007-av1");
  for (const auto& version : doc["versions"]) {
    std::int64_t posts = 0;
    for (const auto& post : version["postes"]) {
      posts += post["montant"]["centimes"].get<std::int64_t>();
      std::int64_t tranches = 0;
      for (const auto& t : post["tranches"]) {
        tranches += t["montant"]["centimes"].get<std::int64_t>();
        EXPECT_FALSE(t["statut"].get<std::string>().empty());
        EXPECT_FALSE(t["calcul"].empty());
      }
      if (!post.contains("retire_le")) {
        EXPECT_EQ(tranches, post["montant"]["centimes"]) << post;
      }
      EXPECT_FALSE(post["calcul_montant"].empty());
    }
    EXPECT_EQ(posts, version["total"]["centimes"]) << version["avenant"];
  }
}

TEST(ExplainJson, AnUnknownConventionIsAUsageErrorWithAHint) {
  Project p;
  auto r = p.run(
      {"explain", "convention", "cv-2021-007", "--project", TAMPON_SOURCE_DIR, "--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("vouliez-vous dire"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace tampon::testing
