#pragma once
/// Generated files besides pages: the search index, sitemap.xml and robots.txt.
#include <string>
#include <vector>

#include "site_model.hpp"

namespace tampon::site {

/// The search index is cut in parts of k_search_part_pages pages (in page order), so that an
/// edit rewrites one part of a few hundred kilobytes, not the whole index (4 MB for 1 000
/// pages). recherche/index.json lists the parts; assets/recherche.js loads them all.
inline constexpr std::size_t k_search_part_pages = 50;
std::size_t search_parts(std::size_t pages);
/// "recherche/index-3.json" for part 2 (counted from 0).
std::string search_part_path(std::size_t part);
/// recherche/index.json: the parts' file names, relative to it.
std::string search_manifest_json(std::size_t parts);

/// One page's entry: u (path from the site root), t (title), d (description), s (section),
/// f (folded text searched by assets/recherche.js: lower case, no accents). Empty for pages
/// not searched (404, search page).
std::string search_entry_json(const SiteModel& site, const Page& page);
/// Joins entries into a JSON array (empty entries skipped).
std::string join_search_entries(const std::vector<std::string>& entries);
/// One part of the index, from the site.
std::string search_part_json(const SiteModel& site, std::size_t part);

/// The entries kept between rebuilds of the preview server.
class SearchIndex {
 public:
  SearchIndex() = default;
  /// One entry per page, in page order.
  explicit SearchIndex(std::vector<std::string> entries);
  /// Replaces a page's entry; returns the part to write again.
  std::size_t replace(std::size_t page, std::string entry);
  std::string part_json(std::size_t part) const;
  std::size_t parts() const { return search_parts(m_entries.size()); }

 private:
  std::vector<std::string> m_entries;
};

std::string sitemap_xml(const SiteModel& site);
std::string robots_txt(const SiteModel& site);

}  // namespace tampon::site
