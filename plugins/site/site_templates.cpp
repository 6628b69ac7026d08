#include "site_templates.hpp"

#include "io/source_file.hpp"
#include "render/html_escape.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

namespace tampon::site {
namespace {

namespace fs = std::filesystem;

/// A template of the project (or the shipped one), read only if it is really inside its
/// templates/ folder (io/source_file.hpp).
SourceStatus read_file(const ProjectContext& project, const fs::path& path, std::string& out) {
  return read_source(path, SourceRoot::of(project, path, "templates"), out);
}

Diagnostic template_error(const ProjectContext& project, const fs::path& file, std::uint32_t line,
                          std::string message) {
  Diagnostic d;
  d.where = {project.display(file), line, line ? 1u : 0u};
  d.code = "site-template";
  d.message = std::move(message);
  return d;
}

std::uint32_t line_at(const std::string& text, std::size_t offset) {
  return 1 + static_cast<std::uint32_t>(
                 std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

/// Replaces each `{{> name}}` with templates/site/name.mustache, recursively (depth-limited).
std::string inline_partials(const ProjectContext& project, const fs::path& file,
                            const std::string& text, int depth, Templates& templates,
                            Diagnostics& diagnostics) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    std::size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    std::string name = text.substr(open + 3, close - open - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    fs::path partial = project.find("templates/site/" + name + ".mustache");
    std::string body;
    bool allowed = depth <= 8 && name.find('/') == std::string::npos;
    SourceStatus status =
        allowed ? read_file(project, partial, body) : SourceStatus{SourceProblem::missing, 0, {}};
    if (status.problem == SourceProblem::missing) {
      diagnostics.push_back(template_error(project, file, line_at(text, open),
                                           "gabarit partiel « " + name + " » introuvable"));
    } else if (!status) {
      diagnostics.push_back(source_diagnostic(status, project.display(partial), "site-template"));
    } else {
      templates.files.push_back(partial);
      out += inline_partials(project, partial, body, depth + 1, templates, diagnostics);
    }
    pos = close + 2;
  }
  out.append(text, pos);
  return out;
}

/// What a section tag removes from the text: the whole line when it stands alone on it (the
/// mustache rule for standalone tags), else the tag itself.
std::pair<std::size_t, std::size_t> tag_cut(const std::string& text, std::size_t open,
                                            std::size_t close) {
  std::size_t line_begin = open;
  while (line_begin > 0 && text[line_begin - 1] != '\n') --line_begin;
  std::size_t line_end = std::min(text.find('\n', close), text.size());
  auto blank = [&](std::size_t from, std::size_t to, std::string_view spaces) {
    return text.find_first_not_of(spaces, from) >= to;
  };
  if (blank(line_begin, open, " \t") && blank(close, line_end, " \t\r"))
    return {line_begin, std::min(line_end + 1, text.size())};
  return {open, close};
}

/// Whether the tags of an item's template name only the item's own fields.
bool shows_only_item_fields(const std::string& body) {
  for (std::size_t pos = 0; (pos = body.find("{{", pos)) != std::string::npos;) {
    bool triple = body.compare(pos, 3, "{{{") == 0;
    std::size_t width = triple ? 3 : 2;
    std::size_t end = body.find(triple ? "}}}" : "}}", pos + width);
    if (end == std::string::npos) return false;
    std::string tag = body.substr(pos + width, end - pos - width);
    if (!triple && !tag.empty() && std::string_view("#^/&").find(tag[0]) != std::string::npos)
      tag.erase(0, 1);
    tag.erase(0, tag.find_first_not_of(' '));
    tag.erase(tag.find_last_not_of(' ') + 1);
    if (tag != "title" && tag != "href" && tag != "current") return false;
    pos = end + width;
  }
  return true;
}

struct SideMenuSplit {
  std::string page;  ///< the template with `{{{sidemenu_items_html}}}` for the items
  std::string item;  ///< one item's template
};

/// Takes the items of the side menu (`{{#items}}…{{/items}}`, first thing in `{{#sidemenu}}`
/// to open a section) out of the page template, when they show only their own fields.
std::optional<SideMenuSplit> split_sidemenu(const std::string& source) {
  const std::string menu_tag = "{{#sidemenu}}", open_tag = "{{#items}}", close_tag = "{{/items}}";
  if (source.find("{{=") != std::string::npos) return std::nullopt;  // other delimiters
  std::size_t menu = source.find(menu_tag);
  if (menu == std::string::npos) return std::nullopt;
  std::size_t menu_end = source.find("{{/sidemenu}}", menu);
  std::size_t open = source.find(open_tag, menu);
  if (menu_end == std::string::npos || open == std::string::npos || open > menu_end)
    return std::nullopt;
  std::string between = source.substr(menu + menu_tag.size(), open - menu - menu_tag.size());
  if (between.find("{{#") != std::string::npos || between.find("{{^") != std::string::npos)
    return std::nullopt;  // the items would be looked up in another section's object
  std::size_t close = source.find(close_tag, open);
  if (close == std::string::npos || close > menu_end || source.find(open_tag, open + 1) < close ||
      source.find("{{^items}}", open) < close)
    return std::nullopt;
  auto [prefix_end, body_begin] = tag_cut(source, open, open + open_tag.size());
  auto [body_end, suffix_begin] = tag_cut(source, close, close + close_tag.size());
  if (body_begin > body_end) return std::nullopt;
  SideMenuSplit split;
  split.item = source.substr(body_begin, body_end - body_begin);
  if (!shows_only_item_fields(split.item)) return std::nullopt;
  split.page = source.substr(0, prefix_end) + "{{{" + k_sidemenu_items_html + "}}}" +
               source.substr(suffix_begin);
  return split;
}

/// Whether the split template renders a sample side menu (escaped text, a current item and
/// others) exactly like the whole one: the split is used only then.
bool renders_alike(const std::string& source, const SideMenuSplit& split) {
  using kainjow::mustache::data;
  if (!kainjow::mustache::mustache(split.page).is_valid() ||
      !kainjow::mustache::mustache(split.item).is_valid())
    return false;
  TemplatePool whole(source), page(split.page), item(split.item);
  data items(data::type::list);
  std::string items_html;
  for (int i = 0; i < 3; ++i) {
    data entry;
    entry.set("title", std::string(i == 0 ? "L'aide & <vous>" : "Rubrique ") + char('a' + i));
    entry.set("href", std::string(i == 0 ? "../a/?x=1&y=\"2\"" : "./") + char('a' + i));
    entry.set("current", i == 1);
    items_html += item.render(entry);
    items.push_back(entry);
  }
  data menu, d, split_d;
  menu.set("title", std::string("Vue d'ensemble"));
  menu.set("items", items);
  d.set("sidemenu", menu);
  menu.set(k_sidemenu_items_html, items_html);
  split_d.set("sidemenu", menu);
  return whole.render(d) == page.render(split_d);
}

}  // namespace

std::string TemplatePool::render(const kainjow::mustache::data& data) const {
  kainjow::mustache::context<std::string> context(&data);
  return render(context);
}

std::string TemplatePool::render(kainjow::mustache::basic_context<std::string>& context) const {
  auto tmpl = m_copies.take([this] {
    auto made = std::make_unique<kainjow::mustache::mustache>(m_source);
    // One escaping for the whole site (&#39; for apostrophes, like the Markdown writer).
    // Most values (hrefs, titles) have nothing to escape: returned as they are.
    made->set_custom_escape([](const std::string& s) {
      if (render::find_html_special(s) == std::string::npos) return s;
      std::string out;
      out.reserve(s.size() + s.size() / 8);
      render::append_escaped(out, s);
      return out;
    });
    return made;
  });
  // Appended to directly: kainjow's own string render goes through an ostringstream.
  struct Appender {
    std::string text;
    Appender& operator<<(const std::string& part) {
      text += part;
      return *this;
    }
  } html;
  html.text.reserve(m_source.size() * 2);
  tmpl->render(context, html);
  return std::move(html.text);
}

Templates load_templates(const ProjectContext& project, Diagnostics& diagnostics) {
  Templates templates;
  fs::path main = project.find("templates/site/page.mustache");
  std::string text;
  if (SourceStatus status = read_file(project, main, text); !status) {
    diagnostics.push_back(status.problem == SourceProblem::missing
                              ? template_error(project, main, 0, "gabarit de page introuvable")
                              : source_diagnostic(status, project.display(main), "site-template"));
    templates.page = std::make_shared<TemplatePool>("");
    return templates;
  }
  templates.files.push_back(main);
  std::string source = inline_partials(project, main, text, 0, templates, diagnostics);
  kainjow::mustache::mustache check(source);
  if (!check.is_valid())
    diagnostics.push_back(
        template_error(project, main, 0, "gabarit invalide : " + check.error_message()));
  auto split = check.is_valid() ? split_sidemenu(source) : std::nullopt;
  if (split && renders_alike(source, *split)) {
    templates.page = std::make_shared<TemplatePool>(std::move(split->page));
    templates.sidemenu_item = std::make_shared<TemplatePool>(std::move(split->item));
    return templates;
  }
  templates.page = std::make_shared<TemplatePool>(std::move(source));
  return templates;
}

}  // namespace tampon::site
