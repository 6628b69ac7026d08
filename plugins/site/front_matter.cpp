#include "front_matter.hpp"

#include <array>
#include <string_view>

#include "load/map_reader.hpp"
#include "load/yaml_tree.hpp"

namespace tampon::site {
namespace {

using load::MapReader;
using load::Need;
using load::NodeKind;
using load::YamlNode;

constexpr std::array<std::string_view, 8> k_keys = {
    "title", "description", "order", "draft", "aliases", "layout", "menu", "menu_title"};
constexpr std::array<std::string_view, 6> k_layouts = {"page",    "home",   "faq",
                                                       "sitemap", "search", "404"};
constexpr std::array<std::string_view, 1> k_menus = {"principal"};
/// `order` sorts pages: any integer a person would write.
constexpr int k_max_order = 1'000'000;
/// A front matter is a few lines: a tenth of a record file's budget is plenty.
constexpr load::YamlLimits k_limits{.max_depth = 8, .max_nodes = 10'000};

Diagnostic finding(const std::string& file, int line, int column, Severity severity,
                   std::string code, std::string message) {
  Diagnostic d;
  d.where = {file, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

void read_fields(load::FileDecoder& d, const YamlNode& root, FrontMatter& meta) {
  MapReader r(d, root, k_keys, "", nullptr);
  if (auto v = r.text("title", Need::Optional)) meta.title = *v;
  if (auto v = r.text("description", Need::Optional)) meta.description = *v;
  if (auto v = r.integer("order", Need::Optional, -k_max_order, k_max_order)) meta.order = *v;
  if (auto v = r.boolean("draft", Need::Optional)) meta.draft = *v;
  if (auto v = r.text("menu_title", Need::Optional)) meta.menu_title = *v;
  if (auto i = r.one_of("layout", Need::Optional, k_layouts)) meta.layout = k_layouts[*i];
  if (r.one_of("menu", Need::Optional, k_menus)) meta.main_menu = true;
  if (const YamlNode* list = r.block("aliases", Need::Optional, NodeKind::Sequence)) {
    for (std::uint32_t item : d.tree().items(*list)) {
      const YamlNode& n = d.tree().node(item);
      if (n.kind == NodeKind::Scalar && !d.text(n).empty())
        meta.aliases.emplace_back(d.text(n));
      else
        d.report(n, "wrong-type",
                 "chaque élément de « aliases » est un chemin de l'ancien site, comme "
                 "/eligibilite/");
    }
  }
}

/// Decodes through the loader's YAML reader (load/yaml_tree, load/map_reader): its French
/// messages, "vouliez-vous dire" hints and limits. Findings keep the loader's wording under the
/// site's code, placed in the page (`first_line`: the file line of the YAML's first line).
void decode_yaml(std::string_view yaml, const std::string& file, int first_line, FrontMatter& meta,
                 Diagnostics& diagnostics) {
  const int offset = first_line - 1;
  load::YamlParse parsed = load::parse_yaml(yaml, k_limits);
  if (parsed.error) {
    diagnostics.push_back(finding(
        file, offset + static_cast<int>(parsed.error->line), static_cast<int>(parsed.error->column),
        Severity::Error, "site-front-matter", "en-tête YAML illisible : " + parsed.error->message));
    return;
  }
  auto documents = parsed.tree.documents();
  if (documents.empty()) return;
  const YamlNode& root = parsed.tree.node(documents.front());
  if (root.kind == NodeKind::Null) return;
  if (root.kind != NodeKind::Mapping || documents.size() > 1) {
    diagnostics.push_back(finding(
        file, offset + static_cast<int>(root.line), static_cast<int>(root.column), Severity::Error,
        "site-front-matter", "l'en-tête de la page doit être une table clé: valeur"));
    return;
  }
  Diagnostics found;
  load::FileDecoder d(parsed.tree, 0, found, yaml);
  read_fields(d, root, meta);
  d.finish();
  for (Diagnostic& f : found) {
    f.where.file = file;
    f.where.line += static_cast<std::uint32_t>(offset);
    f.code = "site-front-matter";
    f.message = "en-tête de la page : " + f.message;
    diagnostics.push_back(std::move(f));
  }
}

void decode(std::string_view yaml, const std::string& file, SplitPage& page,
            Diagnostics& diagnostics) {
  decode_yaml(yaml, file, 2, page.meta, diagnostics);
}

}  // namespace

void decode_front_matter_yaml(std::string_view yaml, const std::string& file, int first_line,
                              FrontMatter& meta, Diagnostics& diagnostics) {
  decode_yaml(yaml, file, first_line, meta, diagnostics);
}

SplitPage split_front_matter(const std::string& text, const std::string& display_path,
                             Diagnostics& diagnostics) {
  SplitPage page;
  auto starts_with_fence = text.rfind("---\n", 0) == 0 || text.rfind("---\r\n", 0) == 0;
  if (!starts_with_fence) {
    page.body = text;
  } else {
    std::size_t first = text.find('\n') + 1;
    std::size_t end = first;
    int line = 2;
    bool closed = false;
    while (end < text.size()) {
      std::size_t eol = text.find('\n', end);
      std::string_view l(text.data() + end, (eol == std::string::npos ? text.size() : eol) - end);
      if (l == "---" || l == "---\r") {
        closed = true;
        break;
      }
      ++line;
      if (eol == std::string::npos) break;
      end = eol + 1;
    }
    if (!closed) {
      diagnostics.push_back(finding(display_path, 1, 1, Severity::Error, "site-front-matter",
                                    "l'en-tête de la page n'est pas fermé par une ligne « --- »"));
      page.body = text;
    } else {
      decode(std::string_view(text).substr(first, end - first), display_path, page, diagnostics);
      std::size_t eol = text.find('\n', end);
      page.body = eol == std::string::npos ? std::string() : text.substr(eol + 1);
      page.body_first_line = line + 1;
    }
  }
  if (page.meta.title.empty())
    diagnostics.push_back(
        finding(display_path, 1, 1, Severity::Error, "site-front-matter",
                "la page n'a pas de titre : ajoutez « title: … » dans son en-tête"));
  return page;
}

}  // namespace tampon::site
