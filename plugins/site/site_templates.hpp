#pragma once
/// Page templates (templates/site/*.mustache, kainjow mustache). `{{> name}}` partials are
/// inlined when the template is read, so rendering never re-parses them. Every `{{value}}` is
/// HTML-escaped by mustache; only the page body, written by our own Markdown writer, and the
/// side menu's items, rendered by the template's own item part, are inserted with `{{{…}}}`.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "render/scratch_pool.hpp"
#include "tampon/emitter.hpp"

namespace tampon::site {

/// A compiled template shared by render threads: each render borrows its own copy.
class TemplatePool {
 public:
  explicit TemplatePool(std::string source) : m_source(std::move(source)) {}
  std::string render(const kainjow::mustache::data& data) const;
  /// Renders with names looked up through `context` (layered data).
  std::string render(kainjow::mustache::basic_context<std::string>& context) const;

 private:
  std::string m_source;
  render::ScratchPool<kainjow::mustache::mustache> m_copies;
};

/// Where page.mustache's side-menu items, rendered once per section and folder depth, go.
inline constexpr const char* k_sidemenu_items_html = "sidemenu_items_html";

struct Templates {
  std::shared_ptr<TemplatePool> page;        ///< templates/site/page.mustache
  std::vector<std::filesystem::path> files;  ///< every template file read
  /// The body of `{{#items}}…{{/items}}` inside `{{#sidemenu}}`, when it shows only the
  /// item's title, href and current flag: `page` then has `{{{sidemenu_items_html}}}` in its
  /// place, so that a section's menu is rendered once and not for each of its pages. Null
  /// when the template's side menu does not lend itself to that (it is then rendered as is).
  std::shared_ptr<TemplatePool> sidemenu_item;
};

/// Reads templates/site/page.mustache (project first, then shipped) and its partials.
/// Findings name the template file and line.
Templates load_templates(const ProjectContext& project, Diagnostics& diagnostics);

}  // namespace tampon::site
