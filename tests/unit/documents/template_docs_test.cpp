// The manual's list of template variables (docs/pages.md, "Variables des conventions et
// avenants") against the views' schemas (view_schema.cpp): every variable it documents exists,
// and every variable the shipped templates use is documented. Names inside a list are written
// `liste[].nom`; the posts of `avant.postes` and `apres.postes` share the `postes[].` rows.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "view_schema.hpp"

namespace tampon::convention_pdf {
namespace {

std::string read(const std::string& relative) {
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The schema node at "a.b[].c" (`[]`: the list's first element), or nullptr.
const tmpl::Data* resolve(const tmpl::Data& schema, const std::string& path) {
  const tmpl::Data* node = &schema;
  std::stringstream parts(path);
  std::string part;
  while (node && std::getline(parts, part, '.')) {
    bool item = part.ends_with("[]");
    if (item) part.resize(part.size() - 2);
    node = node->is_object() ? node->get(part) : nullptr;
    if (node && item)
      node = node->is_list() && !node->list_value().empty() ? &node->list_value().front() : nullptr;
  }
  return node;
}

bool resolves(const std::string& path) {
  return resolve(convention_schema(), path) || resolve(avenant_schema(), path) ||
         (path.starts_with("postes[].") &&
          resolve(avenant_schema(), "apres." + path));  // the shared post rows
}

/// The first cell of every table row of the variables part of the manual.
std::set<std::string> documented() {
  std::string page = read("docs/pages.md");
  auto start = page.find("## Variables des conventions et avenants");
  std::set<std::string> names;
  if (start == std::string::npos) return names;
  std::regex row(R"(\n\| `([a-z0-9_.\[\]]+)` \|)");
  for (std::sregex_iterator it(page.begin() + static_cast<long>(start), page.end(), row), end;
       it != end; ++it)
    names.insert((*it)[1]);
  return names;
}

/// "avant.postes[].numero" → "postes[].numero": how the manual writes the shared post rows.
std::string as_documented(std::string path) {
  for (std::string prefix : {"avant.", "apres."})
    if (path.starts_with(prefix + "postes[]")) path.erase(0, prefix.size());
  return path;
}

/// The variables a template uses, each qualified by the lists it sits in (mustache looks a
/// name up in the innermost list element that has it, then outwards).
std::set<std::string> used_by(const std::string& relative, const tmpl::Data& schema) {
  std::string text = read(relative);
  std::regex tag(R"(\{\{([#^/]?)\s*([a-z0-9_.]+)\s*\}\})");
  std::vector<std::pair<std::string, bool>> frames;  // qualified path, is a list
  std::set<std::string> names;
  for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it) {
    std::string kind = (*it)[1], name = (*it)[2];
    if (kind == "/") {
      if (!frames.empty()) frames.pop_back();
      continue;
    }
    std::string qualified = name;
    for (auto f = frames.rbegin(); f != frames.rend(); ++f)
      if (f->second && resolve(schema, f->first + "[]." + name)) {
        qualified = f->first + "[]." + name;
        break;
      }
    names.insert(as_documented(qualified));
    if (!kind.empty()) {
      const tmpl::Data* node = resolve(schema, qualified);
      frames.emplace_back(qualified, node && node->is_list());
    }
  }
  return names;
}

std::string joined(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

TEST(TemplateDocs, EveryDocumentedVariableExistsInTheViews) {
  auto names = documented();
  ASSERT_GT(names.size(), 50u) << "variables table of docs/pages.md not found";
  std::set<std::string> unknown;
  for (const auto& n : names)
    if (!resolves(n)) unknown.insert(n);
  EXPECT_TRUE(unknown.empty()) << "docs/pages.md documents variables the views do not have: "
                               << joined(unknown);
}

TEST(TemplateDocs, EveryVariableOfTheShippedTemplatesIsDocumented) {
  auto names = documented();
  std::set<std::string> missing;
  for (const auto& n : used_by("templates/documents/convention.md", convention_schema()))
    if (!names.contains(n)) missing.insert(n);
  for (const auto& n : used_by("templates/documents/avenant.md", avenant_schema()))
    if (!names.contains(n)) missing.insert(n);
  EXPECT_TRUE(missing.empty()) << "template variables with no row in docs/pages.md: "
                               << joined(missing);
}

}  // namespace
}  // namespace tampon::convention_pdf
