// The manual (docs/regles.md) has one section "### `code`" per code the tool can print (its rule
// table and the codes its emitters declare, as `tampon explain rule` lists them), and no
// section for a code nothing emits: a code added without its page fails here, naming the code
// (issue #15, `tampon explain rule CODE` prints these sections).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

struct Code {
  std::string code;
  bool error = true;
};

// Every code, from the tool itself: `tampon explain rule --format json`.
std::vector<Code> every_code() {
  Project p;
  auto r = p.run({"explain", "rule", "--format", "json"});
  std::vector<Code> codes;
  for (const auto& rule : nlohmann::json::parse(r.out))
    codes.push_back({rule["code"], rule["severity"] == "error"});
  return codes;
}

bool knows(const std::vector<Code>& codes, const std::string& code) {
  for (const auto& c : codes)
    if (c.code == code) return true;
  return false;
}

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
  for (const Code& rule : every_code())
    if (!documented.contains(rule.code)) missing.insert(rule.code);
  EXPECT_TRUE(missing.empty()) << "rule codes with no section \"### `code`\" in docs/regles.md: "
                               << joined(missing);
}

TEST(RuleDocs, EverySectionOfTheManualIsARuleCode) {
  std::set<std::string> unknown;
  auto codes = every_code();
  for (const auto& code : documented_codes())
    if (!knows(codes, code)) unknown.insert(code);
  EXPECT_TRUE(unknown.empty()) << "docs/regles.md documents codes that neither rule_table.cpp "
                                  "nor an emitter's EmitterInfo::codes declares: "
                               << joined(unknown);
}

TEST(RuleDocs, EachSectionStatesTheSeverityOfItsRule) {
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/docs/regles.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string page = text.str();
  std::set<std::string> wrong;
  for (const Code& rule : every_code()) {
    auto at = page.find("### `" + rule.code + "`");
    if (at == std::string::npos) continue;  // reported by the first test
    auto body = page.find("\n\n", at);
    std::string expected = rule.error ? "**Erreur**" : "**Avertissement**";
    if (body == std::string::npos || page.compare(body + 2, expected.size(), expected) != 0)
      wrong.insert(rule.code);
  }
  EXPECT_TRUE(wrong.empty()) << "sections of docs/regles.md whose first word is not the rule's "
                                "severity (**Erreur** or **Avertissement**): "
                             << joined(wrong);
}

}  // namespace
}  // namespace tampon::testing
