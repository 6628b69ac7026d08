// The rule table and its coverage: every code has a test, every domain code a fixture.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rules/validate.hpp"

namespace tampon {
namespace {

namespace fs = std::filesystem;

const fs::path k_source = TAMPON_SOURCE_DIR;

TEST(RuleTable, CodesAreUniqueKebabCaseWithAFrenchSummaryAndASection) {
  std::set<std::string_view> seen;
  for (const auto& rule : rule_table()) {
    EXPECT_TRUE(seen.insert(rule.code).second) << rule.code;
    for (char c : rule.code) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '-') << rule.code;
    EXPECT_FALSE(rule.summary.empty()) << rule.code;
    EXPECT_TRUE(rule.section.starts_with("domain.md") || rule.section.starts_with("records.md") ||
                rule.section.starts_with("outputs.md"))
        << rule.code;
    EXPECT_EQ(find_rule(rule.code), &rule);
  }
  EXPECT_EQ(find_rule("no-such-code"), nullptr);
}

// Severities are part of the contract (domain.md says which are warnings). Beside the delays:
// a SMIC comparison that can only be indicative, and personal data the bulletin masks anyway
// (issue 15), and an incomplete substitution (§6), all warnings so they never block a build.
TEST(RuleTable, DomainWarningsAreExactlyTheDelaysAndTheIndicativeChecks) {
  std::set<std::string_view> warnings;
  for (const auto& rule : rule_table())
    if (rule.severity == Severity::Warning && rule.section.starts_with("domain.md"))
      warnings.insert(rule.code);
  EXPECT_EQ(warnings,
            (std::set<std::string_view>{"late-selection", "late-contract", "late-training",
                                        "late-coordinator-recruitment", "smic-territory-unknown",
                                        "personal-data-in-text", "substitution-incomplete"}));
}

// Every code quoted in domain.md is in the table.
TEST(RuleTable, ListsEveryCodeOfTheDomainContract) {
  fs::path spec = k_source / "../shared/spec/domain.md";
  if (!fs::exists(spec)) spec = "/work/shared/spec/domain.md";
  if (!fs::exists(spec)) GTEST_SKIP() << "domain.md introuvable";
  std::ifstream in(spec);
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  for (std::size_t at = s.find("error `"); at != std::string::npos;
       at = s.find("error `", at + 1)) {
    std::size_t start = at + 7, end = s.find('`', start);
    EXPECT_NE(find_rule(s.substr(start, end - start)), nullptr) << s.substr(start, end - start);
  }
  for (const char* code : {"late-selection", "late-contract"}) EXPECT_NE(find_rule(code), nullptr);
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// True when `code` appears as a whole token (not inside a longer code).
bool mentions(const std::string& text, std::string_view code) {
  auto word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  for (std::size_t at = text.find(code); at != std::string::npos; at = text.find(code, at + 1)) {
    bool before = at == 0 || !word(text[at - 1]);
    bool after = at + code.size() == text.size() || !word(text[at + code.size()]);
    if (before && after) return true;
  }
  return false;
}

std::string all_test_sources() {
  std::string all;
  for (const auto& entry : fs::recursive_directory_iterator(k_source / "tests")) {
    if (!entry.is_regular_file() || entry.path().filename() == "rule_table_test.cpp") continue;
    auto ext = entry.path().extension();
    if (ext == ".cpp" || ext == ".hpp" || ext == ".txt" || ext == ".py" || ext == ".sh")
      all += read(entry.path()) + "\n";
  }
  return all;
}

TEST(RuleCoverage, EveryCodeOfTheTableIsExercisedByATest) {
  std::string sources = all_test_sources();
  for (const auto& rule : rule_table())
    EXPECT_TRUE(mentions(sources, rule.code)) << "aucun test ne mentionne « " << rule.code << " »";
}

TEST(RuleCoverage, EveryDomainCodeHasAFixtureProject) {
  for (const auto& rule : rule_table()) {
    if (!rule.section.starts_with("domain.md")) continue;
    fs::path dir = k_source / "tests/fixtures/rules" / rule.code;
    EXPECT_TRUE(fs::is_directory(dir / "data")) << dir;
    EXPECT_TRUE(fs::is_regular_file(dir / "expected.txt")) << dir;
  }
}

}  // namespace
}  // namespace tampon
