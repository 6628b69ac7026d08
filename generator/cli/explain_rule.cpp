// `tampon explain rule CODE` (like `rustc --explain`): prints the rule's section of the manual
// shipped with the tool (docs/regles.md under the share folder), so the terminal and the
// manual say the same thing. The rule table stays the authority on which codes exist: a code
// whose page is missing (or a tool installed without docs/) still gets its one-line summary.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "host/emitter_codes.hpp"
#include "rules/validate.hpp"
#include "tampon/suggest.hpp"

namespace tampon::cli {
namespace {

constexpr std::string_view k_rules_page = "docs/regles.md";

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_heading(std::string_view line) {
  return line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ");
}

/// The body of the section headed "### `code`": its lines up to the next heading, trimmed of
/// blank lines at both ends. Empty when the page has no such section. Lines inside fenced
/// code blocks are never taken for headings (a shell comment starts with "# ").
std::string rule_section(const std::string& page, std::string_view code) {
  const std::string heading = "### `" + std::string(code) + "`";
  std::istringstream in(page);
  std::string line;
  std::vector<std::string> body;
  bool inside = false, fenced = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("```")) fenced = !fenced;
    if (!fenced && is_heading(line)) {
      if (inside) break;
      inside = line == heading;
      continue;
    }
    if (inside) body.push_back(line);
  }
  while (!body.empty() && body.back().empty()) body.pop_back();
  std::size_t first = 0;
  while (first < body.size() && body[first].empty()) ++first;
  std::string out;
  for (std::size_t i = first; i < body.size(); ++i) out += body[i] + "\n";
  return out;
}

int unknown_rule(std::string_view code, const std::vector<RuleInfo>& catalog) {
  std::vector<std::string_view> codes;
  for (const RuleInfo& rule : catalog) codes.push_back(rule.code);
  std::cerr << "tampon: erreur: règle « " << code << " » inconnue" << did_you_mean(code, codes)
            << "\n(les codes sont listés dans le manuel : " << k_rules_page << ")\n";
  return k_exit_usage;
}

std::string_view severity_word(Severity s, Format format) {
  if (format == Format::Json) return s == Severity::Error ? "error" : "warning";
  return s == Severity::Error ? "erreur" : "avertissement";
}

// `tampon explain rule` without a code: one line per code (the tool's, then each emitter's).
int list_rules(const std::vector<RuleInfo>& catalog, const Options& options) {
  if (options.format == Format::Json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const RuleInfo& rule : catalog)
      out.push_back({{"code", rule.code},
                     {"severity", severity_word(rule.severity, Format::Json)},
                     {"section", rule.section},
                     {"summary", rule.summary}});
    std::cout << out.dump(2) << "\n";
    return k_exit_ok;
  }
  for (const RuleInfo& rule : catalog)
    std::cout << rule.code << " (" << severity_word(rule.severity, Format::Text)
              << ") : " << rule.summary << "\n";
  return k_exit_ok;
}

}  // namespace

int run_explain_rule(const Options& options) {
  const std::string& code = options.explain_id;
  // The tool's codes and those the emitters declare (built in, and any --plugin-dir).
  Diagnostics plugin_findings;
  std::vector<const Emitter*> emitters;
  for (const LoadedEmitter& e : emitter_set_until_exit(options, plugin_findings).all())
    emitters.push_back(e.emitter);
  const std::vector<RuleInfo> catalog = rule_catalog(emitters);
  if (code.empty()) return list_rules(catalog, options);
  auto found = std::ranges::find(catalog, std::string_view(code), &RuleInfo::code);
  if (found == catalog.end()) return unknown_rule(code, catalog);
  const RuleInfo* rule = &*found;
  const std::string severity = rule->severity == Severity::Error ? "erreur" : "avertissement";
  const std::string page =
      rule_section(read_text(make_project_context(options).shipped_dir / k_rules_page), code);
  if (options.format == Format::Json) {
    nlohmann::ordered_json out{
        {"code", rule->code},
        {"severity", rule->severity == Severity::Error ? "error" : "warning"},
        {"summary", rule->summary},
        {"page", page}};
    std::cout << out.dump(2) << "\n";
    return k_exit_ok;
  }
  std::cout << code << " (" << severity << ") : " << rule->summary << "\n\n";
  if (page.empty())
    std::cout << "Le manuel livré avec l'outil n'a pas de page pour cette règle (" << k_rules_page
              << ").\n";
  else
    std::cout << page;
  return k_exit_ok;
}

}  // namespace tampon::cli
