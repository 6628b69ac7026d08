#include "site_outputs.hpp"

#include <algorithm>

#include "render/json_text.hpp"

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
  std::string folded;
  folded.reserve(page.body.plain_text.size() + 256);
  fold_append(folded, page.meta.title);
  folded += " \n ";
  fold_append(folded, page.meta.description);
  folded += " \n ";
  for (const Heading& h : page.body.headings) {
    fold_append(folded, h.text);
    folded += ' ';
  }
  folded += '\n';
  fold_append(folded, page.body.plain_text);
  std::string out;
  out.reserve(folded.size() + page.meta.title.size() + page.meta.description.size() + 128);
  const std::pair<const char*, const std::string*> fields[] = {{"{\"u\":", &page.url},
                                                               {",\"t\":", &page.meta.title},
                                                               {",\"d\":", &page.meta.description},
                                                               {",\"s\":", &section},
                                                               {",\"f\":", &folded}};
  for (const auto& [name, value] : fields) {
    out += name;
    append_json_string(out, *value);
  }
  out += '}';
  return out;
}

std::string join_search_entries(const std::vector<std::string>& entries) {
  std::size_t size = 3;
  for (const std::string& e : entries) size += e.size() + 2;
  std::string out;
  out.reserve(size);
  out += "[";
  bool first = true;
  for (const std::string& e : entries) {
    if (e.empty()) continue;
    if (!first) out += ",\n";
    out += e;
    first = false;
  }
  return out + "]\n";
}

std::size_t search_parts(std::size_t pages) {
  return std::max<std::size_t>(1, (pages + k_search_part_pages - 1) / k_search_part_pages);
}

std::string search_part_path(std::size_t part) {
  return "recherche/index-" + std::to_string(part + 1) + ".json";
}

std::string search_manifest_json(std::size_t parts) {
  std::string out = "[";
  for (std::size_t i = 0; i < parts; ++i) {
    std::string path = search_part_path(i);
    out += (i ? ",\n\"" : "\"") + path.substr(path.rfind('/') + 1) + "\"";
  }
  return out + "]\n";
}

SearchIndex::SearchIndex(std::vector<std::string> entries) : m_entries(std::move(entries)) {}

std::size_t SearchIndex::replace(std::size_t page, std::string entry) {
  m_entries.at(page) = std::move(entry);
  return page / k_search_part_pages;
}

std::string SearchIndex::part_json(std::size_t part) const {
  std::size_t first = std::min(part * k_search_part_pages, m_entries.size());
  std::size_t last = std::min(first + k_search_part_pages, m_entries.size());
  return join_search_entries({m_entries.begin() + static_cast<std::ptrdiff_t>(first),
                              m_entries.begin() + static_cast<std::ptrdiff_t>(last)});
}

std::string search_part_json(const SiteModel& site, std::size_t part) {
  std::vector<std::string> entries;
  std::size_t first = part * k_search_part_pages;
  for (std::size_t i = first; i < site.pages.size() && i < first + k_search_part_pages; ++i)
    entries.push_back(search_entry_json(site, site.pages[i]));
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
