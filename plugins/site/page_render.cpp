#include "page_render.hpp"

#include <algorithm>
#include <filesystem>

#include "data_blocks.hpp"
#include "render/html_escape.hpp"
#include "site_links.hpp"

namespace tampon::site {
namespace {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::list;

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
  item.set("title", title);
  item.set("href", href);
  item.set("current", current);
  return item;
}

data navigation(const SiteModel& site, const Page& page) {
  list items;
  for (const Page* item : main_menu(site)) {
    bool current = item == &page ||
                   (!page.section.empty() && item->section == page.section && item->section_index);
    data entry = link_item(item->menu_title(), href(site, page, *item), current);
    if (current) entry.set("aria", std::string(item == &page ? "page" : "true"));
    items.push_back(entry);
  }
  return items;
}

data breadcrumb(const SiteModel& site, const Page& page) {
  list items;
  if (const Page* home = site.page_by_source("_index.md"))
    items.push_back(link_item(home->menu_title(), href(site, page, *home), false));
  if (!page.section.empty() && !page.section_index)
    if (const Page* index = section_index(site, page.section))
      items.push_back(link_item(index->menu_title(), href(site, page, *index), false));
  data crumb;
  crumb.set("items", items);
  crumb.set("current", page.meta.title);
  return crumb;
}

data side_menu(const SiteModel& site, const Page& page) {
  const Page* index = section_index(site, page.section);
  list items;
  if (index) items.push_back(link_item("Vue d'ensemble", href(site, page, *index), index == &page));
  for (const Page* item : section_pages(site, page.section))
    items.push_back(link_item(item->menu_title(), href(site, page, *item), item == &page));
  data menu;
  menu.set("title", index ? index->menu_title() : page.section);
  menu.set("items", items);
  return menu;
}

data table_of_contents(const Page& page) {
  list items;
  for (const Heading& h : page.body.headings)
    if (h.level == 2) items.push_back(link_item(h.text, "#" + h.id, false));
  return items;
}

data home_tiles(const SiteModel& site, const Page& page) {
  list tiles;
  for (const Page* item : main_menu(site)) {
    if (item == &page) continue;
    data tile = link_item(item->meta.title, href(site, page, *item), false);
    tile.set("description", item->meta.description);
    tiles.push_back(tile);
  }
  return tiles;
}

data site_map(const SiteModel& site, const Page& page) {
  std::vector<const Page*> top;
  for (const Page& p : site.pages)
    if ((p.section.empty() || p.section_index) && p.meta.layout != "404") top.push_back(&p);
  std::sort(top.begin(), top.end(), by_order);
  list sections;
  for (const Page* p : top) {
    data section = link_item(p->meta.title, href(site, page, *p), false);
    list children;
    if (p->section_index)
      for (const Page* child : section_pages(site, p->section))
        children.push_back(link_item(child->meta.title, href(site, page, *child), false));
    section.set("has_pages", !children.empty());
    section.set("pages", children);
    sections.push_back(section);
  }
  return sections;
}

data footer(const SiteModel& site, const Page& page) {
  const SiteConfig& c = site.config;
  data f;
  f.set("description", c.description);
  list institutional;
  for (const FooterLink& l : c.institutional_links)
    institutional.push_back(link_item(l.title, l.url, false));
  f.set("institutional", institutional);
  list legal;
  auto add_page_link = [&](const FooterLink& l) {
    if (const Page* target = site.page_by_source(l.page))
      legal.push_back(link_item(l.title, href(site, page, *target), target == &page));
  };
  for (std::size_t i = 0; i < c.legal_links.size(); ++i) {
    add_page_link(c.legal_links[i]);
    if (i == 0) add_page_link(c.accessibility_page);  // DSFR order: after the site map
  }
  f.set("legal", legal);
  f.set("licence_text", c.licence_text);
  f.set("licence_url", c.licence_url);
  f.set("mention", c.state_mention);
  f.set("programme_link", c.programme_link);
  auto scheme = c.programme_link.find("://");
  std::string label =
      scheme == std::string::npos ? c.programme_link : c.programme_link.substr(scheme + 3);
  if (label.ends_with('/')) label.pop_back();
  f.set("programme_label", label);
  return f;
}

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

std::string render_page(const SiteModel& site, const Page& page, const Model& model) {
  const SiteConfig& c = site.config;
  std::string root = root_prefix(site, page.output);
  data d;
  d.set("title", page.meta.title);
  d.set("head_title",
        page.source == "_index.md" ? c.service_name : page.meta.title + " — " + c.service_name);
  d.set("description", page.meta.description);
  d.set("canonical", c.base_url + page.url);
  d.set("root", root);
  d.set("service_name", c.service_name);
  d.set("baseline", c.baseline);
  list brand;
  for (std::size_t i = 0; i < c.brand_lines.size(); ++i) {
    data line;
    line.set("line", c.brand_lines[i]);
    line.set("first", i == 0);
    brand.push_back(line);
  }
  d.set("brand", brand);
  d.set("home_href", root.empty() ? "./" : root);
  d.set("nav", navigation(site, page));
  d.set("layout_" + page.meta.layout, true);
  if (page.meta.layout != "home" && page.meta.layout != "404")
    d.set("breadcrumb", breadcrumb(site, page));
  if (!page.section.empty() && !section_pages(site, page.section).empty())
    d.set("sidemenu", side_menu(site, page));
  std::size_t h2 = std::count_if(page.body.headings.begin(), page.body.headings.end(),
                                 [](const Heading& h) { return h.level == 2; });
  if (h2 >= 3 && (page.meta.layout == "page" || page.meta.layout == "faq")) {
    d.set("has_toc", true);
    d.set("toc", table_of_contents(page));
  }
  if (page.meta.layout == "home") d.set("tiles", home_tiles(site, page));
  if (page.meta.layout == "sitemap") d.set("sitemap", site_map(site, page));
  d.set("content", body_html(site, page, model));
  d.set("footer", footer(site, page));
  d.set("search_action", root + "recherche/");
  d.set("search_index", root + std::string(k_search_index));
  if (const Page* map = site.page_by_source("plan-du-site.md"))
    d.set("sitemap_href", href(site, page, *map));
  d.set("live_reload", site.live_reload);
  return site.templates.page->render(d);
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
