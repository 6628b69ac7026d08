#include "front_matter.hpp"

#include "front_matter_simple.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <string_view>

namespace tampon::site {
namespace {

constexpr std::array<std::string_view, 8> k_keys = {
    "title", "description", "order", "draft", "aliases", "layout", "menu", "menu_title"};
constexpr std::array<std::string_view, 6> k_layouts = {"page",    "home",   "faq",
                                                       "sitemap", "search", "404"};

Diagnostic finding(const std::string& file, int line, int column, Severity severity,
                   std::string code, std::string message) {
  Diagnostic d;
  d.where = {file, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

struct Decoder {
  const std::string& file;
  int first_line;  // file line of the YAML's first line
  Diagnostics& out;

  void report(const YAML::Node& node, std::string code, std::string message,
              Severity severity = Severity::Error) {
    out.push_back(finding(file, first_line + node.Mark().line, node.Mark().column + 1, severity,
                          std::move(code), std::move(message)));
  }

  template <class T>
  bool scalar(const YAML::Node& node, std::string_view key, T& value) {
    try {
      value = node.as<T>();
      return true;
    } catch (const YAML::Exception&) {
      report(node, "site-front-matter",
             "valeur invalide pour « " + std::string(key) + " » dans l'en-tête de la page");
      return false;
    }
  }

  void field(const std::string& key, const YAML::Node& value, FrontMatter& meta) {
    if (key == "title")
      scalar(value, key, meta.title);
    else if (key == "description")
      scalar(value, key, meta.description);
    else if (key == "order")
      scalar(value, key, meta.order);
    else if (key == "draft")
      scalar(value, key, meta.draft);
    else if (key == "menu_title")
      scalar(value, key, meta.menu_title);
    else if (key == "layout")
      layout(value, meta);
    else if (key == "menu")
      menu(value, meta);
    else if (key == "aliases")
      aliases(value, meta);
  }

  void layout(const YAML::Node& value, FrontMatter& meta) {
    if (!scalar(value, "layout", meta.layout)) return;
    for (auto known : k_layouts)
      if (known == meta.layout) return;
    report(value, "site-front-matter",
           "gabarit « " + meta.layout + " » inconnu (page, home, faq, sitemap, search ou 404)");
    meta.layout = "page";
  }

  void menu(const YAML::Node& value, FrontMatter& meta) {
    std::string name;
    if (!scalar(value, "menu", name)) return;
    if (name == "principal")
      meta.main_menu = true;
    else
      report(value, "site-front-matter",
             "menu « " + name + " » inconnu (seul « principal » existe)");
  }

  void aliases(const YAML::Node& value, FrontMatter& meta) {
    if (!value.IsSequence()) {
      report(value, "site-front-matter", "« aliases » doit être une liste de chemins");
      return;
    }
    for (const auto& item : value) {
      std::string alias;
      if (scalar(item, "aliases", alias)) meta.aliases.push_back(alias);
    }
  }
};

/// Whole-map decoding through yaml-cpp, findings included.
void decode_yaml(const std::string& yaml, const std::string& file, int first_line,
                 FrontMatter& meta, Diagnostics& diagnostics) {
  Decoder decoder{file, first_line, diagnostics};
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    diagnostics.push_back(finding(file, first_line + e.mark.line, e.mark.column + 1,
                                  Severity::Error, "site-front-matter",
                                  "en-tête YAML illisible : " + e.msg));
    return;
  }
  if (root.IsNull()) return;
  if (!root.IsMap()) {
    decoder.report(root, "site-front-matter",
                   "l'en-tête de la page doit être une table clé: valeur");
    return;
  }
  for (const auto& entry : root) {
    std::string key = entry.first.as<std::string>();
    bool known = false;
    for (auto k : k_keys) known = known || k == key;
    if (!known) {
      decoder.report(entry.first, "site-front-matter",
                     "clé « " + key +
                         " » inconnue dans l'en-tête de la page (title, description, "
                         "order, draft, aliases, layout, menu, menu_title)");
      continue;
    }
    decoder.field(key, entry.second, meta);
  }
}

/// The simple reader first (most pages); yaml-cpp for the rest and for every finding.
void decode(std::string_view yaml, const std::string& file, SplitPage& page,
            Diagnostics& diagnostics) {
  if (read_simple_front_matter(yaml, page.meta)) return;
  page.meta = FrontMatter{};
  decode_yaml(std::string(yaml), file, 2, page.meta, diagnostics);
}

}  // namespace

void decode_front_matter_yaml(const std::string& yaml, const std::string& file, int first_line,
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
