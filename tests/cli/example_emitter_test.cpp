// The example emitter of README.md ("Ajouter un émetteur", tests/plugins/example/): it builds
// against generator/api/ alone, loads with --plugin-dir, and does what the section says.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

const std::string k_example = std::string(TAMPON_TEST_PLUGIN_DIR) + "/example";

TEST(ExampleEmitter, BuildsItsFileFromTheRecordsAndWarnsUnderItsDeclaredCode) {
  Project p;
  write_minimal_valid_project(p);
  p.write("data/structures/sans-convention.yaml",
          "id: ccas-sans-convention\nnom: CCAS sans convention\ntype: ccas\n"
          "siret: \"21590350100017\"\ndepartement: \"59\"\n"
          "adresse: {ligne: 1 rue Haute, code_postal: \"59000\", commune: Lille}\n"
          "representant: {nom: Jeanne Martin, qualite: Présidente}\n"
          "contact: {nom: Jeanne Martin, courriel: j.martin@example.org}\n");
  auto r = p.run({"build", "--plugin-dir", k_example, "--only", "totaux", "--as-of", "2022-06-30"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("data/structures/sans-convention.yaml:1:1: avertissement: la structure "
                       "« ccas-sans-convention » n'a aucune convention"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("[exemple-sans-convention]"), std::string::npos) << r.err;
  auto files = p.snapshot("out/exemple");
  ASSERT_EQ(files.count("totaux.csv"), 1u);
  const std::string& csv = files["totaux.csv"];
  EXPECT_TRUE(csv.starts_with("structure;conventions;total_centimes\n")) << csv;
  EXPECT_NE(csv.find("ccas-sans-convention;0;0\n"), std::string::npos) << csv;
  // The minimal project's one convention, with its amount in cents.
  EXPECT_NE(csv.find(";1;"), std::string::npos) << csv;
}

TEST(ExampleEmitter, ItsCodeIsListedAndExplainedLikeTheToolsOwn) {
  Project p;
  auto r = p.run({"explain", "rule", "--plugin-dir", k_example, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool found = false;
  for (const auto& rule : nlohmann::json::parse(r.out))
    if (rule["code"] == "exemple-sans-convention") {
      found = true;
      EXPECT_EQ(rule["severity"], "warning");
      EXPECT_EQ(rule["section"], "totaux");
    }
  EXPECT_TRUE(found) << r.out;
}

}  // namespace
}  // namespace tampon::testing
