// `tampon explain rule CODE` prints the rule's page of the shipped manual (issue #15).
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "rules/validate.hpp"

namespace tampon::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ExplainRule, PrintsTheRulesPageOfTheManual) {
  Project p;
  auto r = p.run({"explain", "rule", "salary-below-smic"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "salary-below-smic (erreur) : Salaire inférieur au SMIC")) << r.out;
  EXPECT_TRUE(contains(r.out, "Source : AMI 2020, § II.1")) << r.out;
  EXPECT_TRUE(contains(r.out, "Corriger : vérifiez `contrat.salaire_brut_mensuel`")) << r.out;
  // Only that section: the next rule's heading and text stay out.
  EXPECT_FALSE(contains(r.out, "coordinator-part-time")) << r.out;
  EXPECT_FALSE(contains(r.out, "###")) << r.out;
}

TEST(ExplainRule, AWarningSaysSo) {
  Project p;
  auto r = p.run({"explain", "rule", "late-training"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "late-training (avertissement) : ")) << r.out;
}

TEST(ExplainRule, EveryCodeOfTheRuleTableHasAPage) {
  Project p;
  for (const RuleInfo& rule : rule_table()) {
    auto r = p.run({"explain", "rule", std::string(rule.code)});
    EXPECT_EQ(r.exit_code, 0) << rule.code << ": " << r.err;
    EXPECT_TRUE(contains(r.out, "Corriger")) << rule.code << " has no page:\n" << r.out;
  }
}

TEST(ExplainRule, AnUnknownCodeIsAUsageErrorWithAHint) {
  Project p;
  auto r = p.run({"explain", "rule", "salary-below-smik"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(contains(r.err, "règle « salary-below-smik » inconnue")) << r.err;
  EXPECT_TRUE(contains(r.err, "vouliez-vous dire « salary-below-smic » ?")) << r.err;
}

TEST(ExplainRule, NeedsACode) {
  Project p;
  auto r = p.run({"explain", "rule"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "tampon explain rule CODE")) << r.err;
}

TEST(ExplainRule, JsonGivesCodeSeveritySummaryAndPage) {
  Project p;
  auto r = p.run({"explain", "rule", "late-contract", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["code"], "late-contract");
  EXPECT_EQ(j["severity"], "warning");
  EXPECT_EQ(j["summary"], std::string(find_rule("late-contract")->summary));
  EXPECT_TRUE(contains(j["page"].get<std::string>(), "15 jours")) << r.out;
}

TEST(ExplainRule, WithoutTheShippedManualFallsBackToTheRuleTable) {
  Project p;
  p.write("share/data/.keep", "");  // a share folder with no docs/
  ::setenv("TAMPON_SHARE_DIR", (p.dir() / "share").c_str(), 1);
  auto r = p.run({"explain", "rule", "cdd-too-long"});
  ::unsetenv("TAMPON_SHARE_DIR");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "cdd-too-long (erreur) : CDD plus long")) << r.out;
  EXPECT_TRUE(contains(r.out, "pas de page pour cette règle")) << r.out;
}

}  // namespace
}  // namespace tampon::testing
