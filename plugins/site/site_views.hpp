#pragma once
/// What each page shows of the other pages (menus, breadcrumb, side menu, site map, link
/// targets), as short digests put in its job key. A page is rendered again when a title, an
/// order or an address it shows changes, not when another page's body does: editing one
/// page's text re-renders that page and the search index, nothing else.
#include <map>
#include <string>
#include <vector>

#include "site_model.hpp"

namespace tampon::site {

struct ViewDigests {
  std::string shared;  ///< main menu and home tiles, home, footer pages, site map link
  std::map<std::string, std::string, std::less<>> sections;  ///< side menu, breadcrumb
  std::string all;  ///< every page's title and address: the site map page, sitemap.xml
};

/// Computed once per site.
ViewDigests view_digests(const SiteModel& site);

/// The digest of everything `page` shows of other pages, its links' targets included.
std::string page_view(const SiteModel& site, const Page& page, const ViewDigests& views);

/// The files a page reads besides the templates and the configuration: its own Markdown and
/// the content files it offers for download (their size is printed next to the link).
std::vector<std::string> page_files(const SiteModel& site, const Page& page);

}  // namespace tampon::site
