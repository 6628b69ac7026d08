#include "site_views.hpp"

#include "io/sha256.hpp"
#include "site_links.hpp"

namespace tampon::site {
namespace {

/// What another page may show of `page`: address, titles, place in the menus.
std::string view_line(const Page& page) {
  return page.source + '\x1f' + page.url + '\x1f' + page.meta.title + '\x1f' +
         page.meta.menu_title + '\x1f' + std::to_string(page.meta.order) + '\x1f' +
         (page.meta.main_menu ? "m" : "") + '\x1f' + page.meta.layout + '\x1f' +
         page.meta.description + '\n';
}

bool shown_everywhere(const SiteModel& site, const Page& page) {
  if (page.meta.main_menu || page.source == "_index.md" || page.source == "plan-du-site.md")
    return true;
  if (site.config.accessibility_page.page == page.source) return true;
  for (const FooterLink& link : site.config.legal_links)
    if (link.page == page.source) return true;
  return false;
}

}  // namespace

ViewDigests view_digests(const SiteModel& site) {
  std::string shared, all;
  std::map<std::string, std::string, std::less<>> sections;
  for (const Page& page : site.pages) {
    std::string line = view_line(page);
    if (shown_everywhere(site, page)) shared += line;
    if (!page.section.empty()) sections[page.section] += line;
    all += line;
  }
  ViewDigests views;
  views.shared = sha256_hex(shared);
  views.all = sha256_hex(all);
  for (auto& [name, text] : sections) views.sections.emplace(name, sha256_hex(text));
  return views;
}

std::string page_view(const SiteModel& site, const Page& page, const ViewDigests& views) {
  std::string text = views.shared;
  if (auto it = views.sections.find(page.section); it != views.sections.end()) text += it->second;
  if (page.meta.layout == "sitemap") text += views.all;
  for (const LinkRef& link : page.body.links)
    text += '\n' + href_for(site, page, resolve_link(site, page, link.target), link.target);
  return sha256_hex(text);
}

std::vector<std::string> page_files(const SiteModel& site, const Page& page) {
  std::vector<std::string> files = {page.file.string()};
  for (const LinkRef& link : page.body.links) {
    LinkTarget target = resolve_link(site, page, link.target);
    if (target.kind != LinkTarget::Kind::File || !is_download(target.path)) continue;
    auto it = site.file_outputs.find(target.path);
    if (it == site.file_outputs.end()) continue;  // generated (the grid): part of the data
    const CopiedFile& file = it->second < site.statics.size()
                                 ? site.statics[it->second]
                                 : site.assets[it->second - site.statics.size()];
    files.push_back(file.source.string());
  }
  return files;
}

}  // namespace tampon::site
