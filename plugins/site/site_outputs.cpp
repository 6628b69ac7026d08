#include "site_outputs.hpp"

#include <nlohmann/json.hpp>

#include "render/html_escape.hpp"
#include "text_fold.hpp"

namespace tampon::site {
namespace {

bool searchable(const Page& page) {
  return page.meta.layout != "404" && page.meta.layout != "search";
}

}  // namespace

std::string search_entry_json(const SiteModel& site, const Page& page) {
  if (!searchable(page)) return {};
  std::string section;
  if (const Page* index = site.page_by_source(page.section + "/_index.md"))
    section = index->meta.title;
  std::string headings;
  for (const Heading& h : page.body.headings) headings += h.text + " ";
  nlohmann::ordered_json entry;
  entry["u"] = page.url;
  entry["t"] = page.meta.title;
  entry["d"] = page.meta.description;
  entry["s"] = section;
  entry["f"] = fold(page.meta.title + " \n " + page.meta.description + " \n " + headings + "\n" +
                    page.body.plain_text);
  return entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string join_search_entries(const std::vector<std::string>& entries) {
  std::string out = "[";
  bool first = true;
  for (const std::string& e : entries) {
    if (e.empty()) continue;
    if (!first) out += ",\n";
    out += e;
    first = false;
  }
  return out + "]\n";
}

std::string search_index_json(const SiteModel& site) {
  std::vector<std::string> entries;
  for (const Page& page : site.pages) entries.push_back(search_entry_json(site, page));
  return join_search_entries(entries);
}

std::string sitemap_xml(const SiteModel& site) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const Page& page : site.pages) {
    if (page.meta.layout == "404") continue;
    out += "  <url><loc>" + render::html_escape(site.config.base_url + page.url) + "</loc></url>\n";
  }
  return out + "</urlset>\n";
}

std::string robots_txt(const SiteModel& site) {
  return "User-agent: *\nAllow: /\nSitemap: " + site.config.base_url + "sitemap.xml\n";
}

}  // namespace tampon::site
