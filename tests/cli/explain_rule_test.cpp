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

// Every code the tool can print: its own and those its emitters declare (EmitterInfo::codes).
nlohmann::json every_code(Project& p) {
  auto r = p.run({"explain", "rule", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(ExplainRule, EveryCodeOfTheToolAndOfItsEmittersHasAPage) {
  Project p;
  auto codes = every_code(p);
  ASSERT_GT(codes.size(), rule_table().size());  // the emitters' own codes come after
  for (const auto& rule : codes) {
    std::string code = rule["code"];
    auto r = p.run({"explain", "rule", code});
    EXPECT_EQ(r.exit_code, 0) << code << ": " << r.err;
    EXPECT_TRUE(contains(r.out, "Corriger")) << code << " has no page:\n" << r.out;
  }
}

TEST(ExplainRule, WithoutACodeListsTheToolsCodesThenThoseEachEmitterDeclares) {
  Project p;
  auto codes = every_code(p);
  auto find = [&](const std::string& code) {
    for (const auto& rule : codes)
      if (rule["code"] == code) return rule;
    return nlohmann::json();
  };
  EXPECT_EQ(find("salary-below-smic")["section"], "domain.md §5");
  EXPECT_EQ(find("site-broken-link")["section"], "site");  // declared by the site emitter
  EXPECT_EQ(find("bulletin-glyph-omitted")["severity"], "warning");
  auto text = p.run({"explain", "rule"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "site-raw-html (avertissement) : HTML brut")) << text.out;
}

TEST(ExplainRule, AnUnknownCodeIsAUsageErrorWithAHint) {
  Project p;
  auto r = p.run({"explain", "rule", "salary-below-smik"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(contains(r.err, "règle « salary-below-smik » inconnue")) << r.err;
  EXPECT_TRUE(contains(r.err, "vouliez-vous dire « salary-below-smic » ?")) << r.err;
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
