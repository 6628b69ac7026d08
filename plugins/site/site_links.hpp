#pragma once
/// Internal links: Markdown files (`../guide/etapes.md#etape-4`), site paths (`/donnees/…`),
/// files next to a page. Resolved the same way when checking (build errors with file:line)
/// and when rendering (relative hrefs, so the site works under any base path).
#include <string>
#include <string_view>

#include "site_model.hpp"

namespace tampon::site {

/// Files the emitter generates besides pages and copies.
inline constexpr std::string_view k_grid_csv = "donnees/grille-des-montants.csv";
inline constexpr std::string_view k_search_index = "recherche/index.json";

struct LinkTarget {
  enum class Kind { External, Page, File, Error } kind = Kind::Error;
  const Page* page = nullptr;
  std::string path;    ///< site path of the page or file
  std::string anchor;  ///< without '#'
  std::string error;   ///< French, when Kind::Error
};

LinkTarget resolve_link(const SiteModel& site, const Page& from, std::string_view target);

/// Checks every link and anchor of every page and of the footer configuration.
Diagnostics check_links(const SiteModel& site);
/// The links and anchors of one page.
Diagnostics check_page_links(const SiteModel& site, const Page& page);
/// The footer's links to pages (site configuration).
Diagnostics check_footer_links(const SiteModel& site);

/// The other page a link points to, its anchor aside (whether or not the anchor exists), or
/// nullptr: what the preview server re-checks when that page changes.
const Page* linked_page(const SiteModel& site, const Page& from, std::string_view target);

/// The href written in `from`'s page for a resolved target.
std::string href_for(const SiteModel& site, const Page& from, const LinkTarget& target,
                     std::string_view original);

/// Whether a file is offered for download (format and size shown next to the link).
bool is_download(std::string_view path);

}  // namespace tampon::site
