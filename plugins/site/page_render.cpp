#include "page_render.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "data_blocks.hpp"
#include "render/html_escape.hpp"
#include "site_links.hpp"

namespace tampon::site {
namespace {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::list;

// kainjow's set() and push_back() copy their argument, deeply for lists: building a page's
// menus that way copied each of its items three or four times. These move instead.
void put(data& object, const std::string& key, data value) { object[key] = std::move(value); }

data make_list() { return data(data::type::list); }

/// kainjow offers no way to move into the list a data owns; that list is not a const object,
/// so appending through list_value() is well defined.
void append(data& list_data, data item) {
  const_cast<list&>(list_data.list_value()).push_back(std::move(item));
}

bool by_order(const Page* a, const Page* b) {
  if (a->meta.order != b->meta.order) return a->meta.order < b->meta.order;
  return a->meta.title < b->meta.title;
}

const std::vector<const Page*>& main_menu(const SiteModel& site) { return site.main_menu; }

const std::vector<const Page*>& section_pages(const SiteModel& site, const std::string& section) {
  static const std::vector<const Page*> k_none;
  auto it = site.section_pages.find(section);
  return it == site.section_pages.end() ? k_none : it->second;
}

const Page* section_index(const SiteModel& site, const std::string& section) {
  return site.page_by_source(section + "/_index.md");
}

std::string href(const SiteModel& site, const Page& from, const Page& to) {
  std::string h = root_prefix(site, from.output) + to.url;
  return h.empty() ? "./" : h;
}

data link_item(const std::string& title, const std::string& href, bool current) {
  data item;
  put(item, "title", title);
  put(item, "href", href);
  put(item, "current", current);
  return item;
}

/// Whether main-menu `item` is marked current on `page`, and how (aria-current's value).
const char* nav_current(const Page& item, const Page& page) {
  if (&item == &page) return "page";
  if (!page.section.empty() && item.section == page.section && item.section_index) return "true";
  return nullptr;
}

data navigation(const SiteModel& site, const Page& page) {
  data items = make_list();
  for (const Page* item : main_menu(site))
    append(items, link_item(item->menu_title(), href(site, page, *item), false));
  return items;
}

data breadcrumb(const SiteModel& site, const Page& page) {
  data items = make_list();
  if (const Page* home = site.page_by_source("_index.md"))
    append(items, link_item(home->menu_title(), href(site, page, *home), false));
  if (!page.section.empty() && !page.section_index)
    if (const Page* index = section_index(site, page.section))
      append(items, link_item(index->menu_title(), href(site, page, *index), false));
  data crumb;
  put(crumb, "items", std::move(items));
  put(crumb, "current", page.meta.title);
  return crumb;
}

data side_menu(const SiteModel& site, const Page& page) {
  const Page* index = section_index(site, page.section);
  data items = make_list();
  if (index) append(items, link_item("Vue d'ensemble", href(site, page, *index), index == &page));
  for (const Page* item : section_pages(site, page.section))
    append(items, link_item(item->menu_title(), href(site, page, *item), item == &page));
  data menu;
  put(menu, "title", index ? index->menu_title() : page.section);
  put(menu, "items", std::move(items));
  return menu;
}

/// The side menu of a section as seen from one folder depth, built once per scratch and shared
/// by every page of the section at that depth: only the current item differs between
/// them. Its items are rendered there too when the template allows (Templates::sidemenu_item):
/// a page then gets them as one string with its own item rendered as current, instead of
/// going through mustache for each (fifty items per page were most of its template time).
/// Otherwise the current item's flag is set for the page's rendering and cleared after.
class SideMenus {
 public:
  struct Menu {
    data holder;                       ///< "sidemenu", layered under the page's own data
    std::string items_html;            ///< every item rendered as not current
    std::vector<std::size_t> offsets;  ///< where each item starts in items_html, then its end
    std::vector<std::optional<std::string>> current_html;  ///< items rendered as current
  };

  static Menu& for_page(SideMenus& cache, const SiteModel& site, const Page& page) {
    std::string key = page.section + '\n' + root_prefix(site, page.output);
    auto it = cache.m_menus.find(key);
    if (it == cache.m_menus.end()) {
      Menu menu;
      put(menu.holder, "sidemenu", side_menu(site, page));
      set_current(menu.holder, current_item(site, page), false);  // built as seen from `page`
      if (site.templates.sidemenu_item) render_items(*site.templates.sidemenu_item, menu);
      it = cache.m_menus.emplace(key, std::move(menu)).first;
    }
    return it->second;
  }

  /// Puts the items, with `item` current, in the menu's "sidemenu_items_html".
  static void put_items_html(const TemplatePool& item_template, Menu& menu, std::size_t item) {
    std::string html;
    if (item == std::string::npos || item + 1 >= menu.offsets.size()) {
      html = menu.items_html;
    } else {
      std::optional<std::string>& current = menu.current_html[item];
      if (!current) {
        data entry = items(menu.holder)[item];
        entry["current"] = data(true);
        current = item_template.render(entry);
      }
      html.reserve(menu.items_html.size() + current->size());
      html.append(menu.items_html, 0, menu.offsets[item]);
      html += *current;
      html.append(menu.items_html, menu.offsets[item + 1]);
    }
    menu.holder["sidemenu"][k_sidemenu_items_html] = data(std::move(html));
  }

  /// The position of `page` in its section's menu, or npos.
  static std::size_t current_item(const SiteModel& site, const Page& page) {
    const Page* index = section_index(site, page.section);
    if (index == &page) return 0;
    const auto& pages = section_pages(site, page.section);
    auto it = std::find(pages.begin(), pages.end(), &page);
    if (it == pages.end()) return std::string::npos;
    return static_cast<std::size_t>(it - pages.begin()) + (index ? 1 : 0);
  }

  static void set_current(data& holder, std::size_t item, bool current) {
    if (item == std::string::npos) return;
    items(holder)[item]["current"] = data(current);
  }

 private:
  static list& items(data& holder) {
    return const_cast<list&>(holder["sidemenu"]["items"].list_value());
  }

  static void render_items(const TemplatePool& item_template, Menu& menu) {
    for (const data& entry : items(menu.holder)) {
      menu.offsets.push_back(menu.items_html.size());
      menu.items_html += item_template.render(entry);
    }
    menu.offsets.push_back(menu.items_html.size());
    menu.current_html.resize(menu.offsets.size() - 1);
  }

  std::map<std::string, Menu> m_menus;
};

data table_of_contents(const Page& page) {
  data items = make_list();
  for (const Heading& h : page.body.headings)
    if (h.level == 2) append(items, link_item(h.text, "#" + h.id, false));
  return items;
}

data home_tiles(const SiteModel& site, const Page& page) {
  data tiles = make_list();
  for (const Page* item : main_menu(site)) {
    if (item == &page) continue;
    data tile = link_item(item->meta.title, href(site, page, *item), false);
    put(tile, "description", item->meta.description);
    append(tiles, std::move(tile));
  }
  return tiles;
}

data site_map(const SiteModel& site, const Page& page) {
  std::vector<const Page*> top;
  for (const Page& p : site.pages)
    if ((p.section.empty() || p.section_index) && p.meta.layout != "404") top.push_back(&p);
  std::sort(top.begin(), top.end(), by_order);
  data sections = make_list();
  for (const Page* p : top) {
    data section = link_item(p->meta.title, href(site, page, *p), false);
    data children = make_list();
    if (p->section_index)
      for (const Page* child : section_pages(site, p->section))
        append(children, link_item(child->meta.title, href(site, page, *child), false));
    put(section, "has_pages", !children.list_value().empty());
    put(section, "pages", std::move(children));
    append(sections, std::move(section));
  }
  return sections;
}

data footer(const SiteModel& site, const Page& page, std::vector<const Page*>& targets) {
  const SiteConfig& c = site.config;
  data f;
  put(f, "description", c.description);
  data institutional = make_list();
  for (const FooterLink& l : c.institutional_links)
    append(institutional, link_item(l.title, l.url, false));
  put(f, "institutional", std::move(institutional));
  data legal = make_list();
  auto add_page_link = [&](const FooterLink& l) {
    if (const Page* target = site.page_by_source(l.page)) {
      append(legal, link_item(l.title, href(site, page, *target), false));
      targets.push_back(target);
    }
  };
  for (std::size_t i = 0; i < c.legal_links.size(); ++i) {
    add_page_link(c.legal_links[i]);
    if (i == 0) add_page_link(c.accessibility_page);  // DSFR order: after the site map
  }
  put(f, "legal", std::move(legal));
  put(f, "licence_text", c.licence_text);
  put(f, "licence_url", c.licence_url);
  put(f, "mention", c.state_mention);
  put(f, "programme_link", c.programme_link);
  auto scheme = c.programme_link.find("://");
  std::string label =
      scheme == std::string::npos ? c.programme_link : c.programme_link.substr(scheme + 3);
  if (label.ends_with('/')) label.pop_back();
  put(f, "programme_label", label);
  return f;
}

data brand_lines(const SiteConfig& c) {
  data brand = make_list();
  for (std::size_t i = 0; i < c.brand_lines.size(); ++i) {
    data line;
    put(line, "line", c.brand_lines[i]);
    put(line, "first", i == 0);
    append(brand, std::move(line));
  }
  return brand;
}

/// The brand lines, the header's navigation and the footer as seen from one output folder (one
/// root prefix): the same for every page there but for which items are current.
struct SharedParts {
  data holder;                     ///< "brand", "nav", "footer"
  std::vector<const Page*> nav;    ///< the page of each navigation item
  std::vector<const Page*> legal;  ///< the page of each footer legal link
};

/// Built once per scratch and root prefix (building them for every page was a sixth of its
/// rendering), and layered under the page's own data.
SharedParts& shared_parts(std::map<std::string, SharedParts>& cache, const SiteModel& site,
                          const Page& page) {
  std::string root = root_prefix(site, page.output);
  auto it = cache.find(root);
  if (it != cache.end()) return it->second;
  SharedParts parts;
  put(parts.holder, "brand", brand_lines(site.config));
  put(parts.holder, "nav", navigation(site, page));
  parts.nav = main_menu(site);
  put(parts.holder, "footer", footer(site, page, parts.legal));
  return cache.emplace(root, std::move(parts)).first->second;
}

/// Marks a page's items current in the shared parts for its rendering, and clears them after
/// (even if rendering throws: the parts serve the next page).
class CurrentMarks {
 public:
  CurrentMarks(SharedParts& parts, const Page& page) : m_parts(parts), m_page(page) { mark(true); }
  ~CurrentMarks() { mark(false); }
  CurrentMarks(const CurrentMarks&) = delete;
  CurrentMarks& operator=(const CurrentMarks&) = delete;

 private:
  void mark(bool on) {
    auto& nav = const_cast<list&>(m_parts.holder["nav"].list_value());
    for (std::size_t i = 0; i < m_parts.nav.size(); ++i)
      if (const char* aria = nav_current(*m_parts.nav[i], m_page)) {
        nav[i]["current"] = data(on);
        nav[i]["aria"] = on ? data(std::string(aria)) : data(false);
      }
    auto& legal = const_cast<list&>(m_parts.holder["footer"]["legal"].list_value());
    for (std::size_t i = 0; i < m_parts.legal.size(); ++i)
      if (m_parts.legal[i] == &m_page) legal[i]["current"] = data(on);
  }
  SharedParts& m_parts;
  const Page& m_page;
};

std::string body_html(const SiteModel& site, const Page& page, const Model& model) {
  RenderHooks hooks;
  hooks.resolve = [&](const LinkRef& link) {
    LinkTarget t = resolve_link(site, page, link.target);
    ResolvedLink r{href_for(site, page, t, link.target), {}};
    if (t.kind == LinkTarget::Kind::File && is_download(t.path)) {
      std::uintmax_t size = 0;
      if (t.path == k_grid_csv)
        size = grid_csv(model.baremes).size();
      else if (auto it = site.file_outputs.find(t.path); it != site.file_outputs.end()) {
        std::error_code ec;
        const auto& file = it->second < site.statics.size()
                               ? site.statics[it->second]
                               : site.assets[it->second - site.statics.size()];
        size = fs::file_size(file.source, ec);
      }
      r.download_detail = download_detail(t.path, size);
    }
    return r;
  };
  hooks.data_block = [&](const DataBlockRef& block) {
    return render_data_block(block.directive, model.baremes);
  };
  return render_markdown(page.body, hooks);
}

}  // namespace

struct PageScratch::Parts {
  std::map<std::string, SharedParts> shared;  ///< by root prefix
  SideMenus menus;
};

PageScratch::PageScratch() : parts(std::make_unique<Parts>()) {}
PageScratch::~PageScratch() = default;
void PageScratch::clear() { parts = std::make_unique<Parts>(); }

std::string download_detail(std::string_view path, std::uintmax_t size) {
  std::string ext(path.substr(path.rfind('.') + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), ::toupper);
  auto one_decimal = [](std::uintmax_t tenths) {
    return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10);
  };
  std::string amount = size < 1024          ? std::to_string(size) + " octets"
                       : size < 1024 * 1024 ? one_decimal(size * 10 / 1024) + " ko"
                                            : one_decimal(size * 10 / (1024 * 1024)) + " Mo";
  return ext + " – " + amount;
}

std::string render_page(const SiteModel& site, const Page& page, const Model& model,
                        PageScratch& scratch) {
  const SiteConfig& c = site.config;
  std::string root = root_prefix(site, page.output);
  data d;
  put(d, "title", page.meta.title);
  put(d, "head_title",
      page.source == "_index.md" ? c.service_name : page.meta.title + " — " + c.service_name);
  put(d, "description", page.meta.description);
  put(d, "canonical", c.base_url + page.url);
  put(d, "root", root);
  put(d, "service_name", c.service_name);
  put(d, "baseline", c.baseline);
  put(d, "home_href", root.empty() ? "./" : root);
  put(d, "layout_" + page.meta.layout, true);
  if (page.meta.layout != "home" && page.meta.layout != "404")
    put(d, "breadcrumb", breadcrumb(site, page));
  std::size_t h2 = std::count_if(page.body.headings.begin(), page.body.headings.end(),
                                 [](const Heading& h) { return h.level == 2; });
  if (h2 >= 3 && (page.meta.layout == "page" || page.meta.layout == "faq")) {
    put(d, "has_toc", true);
    put(d, "toc", table_of_contents(page));
  }
  if (page.meta.layout == "home") put(d, "tiles", home_tiles(site, page));
  if (page.meta.layout == "sitemap") put(d, "sitemap", site_map(site, page));
  put(d, "content", body_html(site, page, model));
  put(d, "search_action", root + "recherche/");
  put(d, "search_index", root + std::string(k_search_index));
  if (const Page* map = site.page_by_source("plan-du-site.md"))
    put(d, "sitemap_href", href(site, page, *map));
  SharedParts& shared = shared_parts(scratch.parts->shared, site, page);
  CurrentMarks marks(shared, page);
  kainjow::mustache::context<std::string> layers(&shared.holder);  // under the page's data
  if (page.section.empty() || section_pages(site, page.section).empty()) {
    layers.push(&d);
    return site.templates.page->render(layers);
  }
  SideMenus::Menu& menu = SideMenus::for_page(scratch.parts->menus, site, page);
  std::size_t current = SideMenus::current_item(site, page);
  if (site.templates.sidemenu_item)
    SideMenus::put_items_html(*site.templates.sidemenu_item, menu, current);
  SideMenus::set_current(menu.holder, current, true);
  struct Clear {  // even if rendering throws: the menu is reused by the next page
    data& menu;
    std::size_t item;
    ~Clear() { SideMenus::set_current(menu, item, false); }
  } clear{menu.holder, current};
  layers.push(&menu.holder);  // the side menu between the shared parts and the page's data
  layers.push(&d);
  return site.templates.page->render(layers);
}

std::string alias_output(const std::string& alias) {
  std::string path = alias;
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  if (path.empty() || path.find("..") != std::string::npos || path.find('\\') != std::string::npos)
    return {};
  for (char c : path)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '/' ||
          c == '.'))
      return {};
  if (path.ends_with(".html")) return path;
  if (!path.ends_with('/')) path += '/';
  return path + "index.html";
}

std::string render_alias(const SiteModel& site, const Page& page, const std::string& output) {
  std::string target = root_prefix(site, output) + page.url;
  if (target.empty()) target = "./";
  std::string t = render::html_escape(target);
  std::string title = render::html_escape(page.meta.title);
  return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title><link rel=\"canonical\" href=\"" +
         render::html_escape(site.config.base_url + page.url) +
         "\"><meta http-equiv=\"refresh\" content=\"0; url=" + t +
         "\"><meta name=\"robots\" content=\"noindex\"></head><body><p>Cette page a déménagé : <a "
         "href=\"" +
         t + "\">" + title + "</a>.</p></body></html>\n";
}

}  // namespace tampon::site
