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

// Why each tranche has its status (domain.md §4.1), in JSON and in text: cv-2021-0013 of the
// sample on 2022-06-01 has its first tranche due with cn-0024's reports of 2022-03 to 2022-05
// missing, and the next two still to come.
TEST(ExplainJson, SaysWhyEachTrancheHasItsStatusAndNamesSourcesInWords) {
  Project p;
  auto r = p.run({"explain", "convention", "cv-2021-0013", "--project", TAMPON_SOURCE_DIR,
                  "--as-of", "2022-06-01", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  for (const auto& version : doc["versions"])
    for (const auto& post : version["postes"])
      for (const auto& t : post["tranches"])
        EXPECT_FALSE(t["statut_raison"].get<std::string>().empty()) << t;
  const auto& tranches = doc["versions"][0]["postes"][0]["tranches"];
  ASSERT_EQ(tranches.size(), 3u);
  EXPECT_EQ(tranches[0]["statut"], "risque-suspension");
  EXPECT_EQ(tranches[0]["mois_sans_rapport"],
            nlohmann::json::array({"2022-03", "2022-04", "2022-05"}));
  EXPECT_NE(tranches[0]["statut_raison"].get<std::string>().find(
                "3 mois sans rapport mensuel de « cn-0024 »"),
            std::string::npos)
      << tranches[0];
  EXPECT_EQ(tranches[0]["statut_source"], "[000 III.3] ; [002 IV.e]");
  EXPECT_EQ(tranches[0]["statut_source_libelle"],
            "appel à manifestation d'intérêt France Relance 2020, § III.3 ; appel à "
            "candidatures « Conseillers numériques coordinateurs » 2023, § IV.e");
  EXPECT_EQ(tranches[1]["statut"], "a-venir");
  EXPECT_FALSE(tranches[1].contains("mois_sans_rapport"));
  EXPECT_EQ(tranches[1]["statut_raison"],
            "échéance du 2022-09-21 pas encore atteinte à la date de référence 2022-06-01 "
            "(--as-of)");
  const auto& amount = doc["versions"][0]["postes"][0]["calcul_montant"][0];
  EXPECT_EQ(amount["source"], "[000 II.1], [000 II.3], [003]");
  EXPECT_TRUE(amount["source_libelle"].get<std::string>().starts_with(
      "appel à manifestation d'intérêt France Relance 2020, § II.1 et § II.3"))
      << amount;

  auto text = p.run({"explain", "convention", "cv-2021-0013", "--project", TAMPON_SOURCE_DIR,
                     "--as-of", "2022-06-01"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("· pourquoi : échéance du 2022-04-21 atteinte à la date de référence "
                          "2022-06-01 (--as-of), aucun versement enregistré ; 3 mois sans "
                          "rapport mensuel de « cn-0024 » (dus de 2022-03 à 2022-05) : 2022-03 "
                          "à 2022-05"),
            std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find("[000 II.1]"), std::string::npos) << text.out;
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
