// The manual (docs/regles.md) has one section "### `code`" per code of the rule table, and no
// section for a code the tool does not emit: a code added to rule_table.cpp without its page
// fails here, naming the code (issue #15, `tampon explain rule` prints these sections).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "rules/validate.hpp"

namespace tampon {
namespace {

std::set<std::string> documented_codes() {
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/docs/regles.md");
  std::set<std::string> codes;
  std::string line;
  bool fenced = false;
  while (std::getline(in, line)) {
    if (line.starts_with("```")) fenced = !fenced;
    if (fenced || !line.starts_with("### `")) continue;
    auto end = line.find('`', 5);
    if (end != std::string::npos) codes.insert(line.substr(5, end - 5));
  }
  return codes;
}

std::string joined(const std::set<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
  return out;
}

TEST(RuleDocs, EveryRuleCodeHasItsSectionInTheManual) {
  auto documented = documented_codes();
  ASSERT_FALSE(documented.empty()) << "docs/regles.md is missing or has no \"### `code`\" section";
  std::set<std::string> missing;
  for (const RuleInfo& rule : rule_table())
    if (!documented.contains(std::string(rule.code))) missing.insert(std::string(rule.code));
  EXPECT_TRUE(missing.empty()) << "rule codes with no section \"### `code`\" in docs/regles.md: "
                               << joined(missing);
}

TEST(RuleDocs, EverySectionOfTheManualIsARuleCode) {
  std::set<std::string> unknown;
  for (const auto& code : documented_codes())
    if (!find_rule(code)) unknown.insert(code);
  EXPECT_TRUE(unknown.empty()) << "docs/regles.md documents codes absent from rule_table.cpp: "
                               << joined(unknown);
}

TEST(RuleDocs, EachSectionStatesTheSeverityOfItsRule) {
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/docs/regles.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string page = text.str();
  std::set<std::string> wrong;
  for (const RuleInfo& rule : rule_table()) {
    auto at = page.find("### `" + std::string(rule.code) + "`");
    if (at == std::string::npos) continue;  // reported by the first test
    auto body = page.find("\n\n", at);
    std::string expected = rule.severity == Severity::Error ? "**Erreur**" : "**Avertissement**";
    if (body == std::string::npos || page.compare(body + 2, expected.size(), expected) != 0)
      wrong.insert(std::string(rule.code));
  }
  EXPECT_TRUE(wrong.empty()) << "sections of docs/regles.md whose first word is not the rule's "
                                "severity (**Erreur** or **Avertissement**): "
                             << joined(wrong);
}

}  // namespace
}  // namespace tampon
