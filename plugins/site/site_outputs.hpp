#pragma once
/// Generated files besides pages: the search index, sitemap.xml and robots.txt.
#include <string>
#include <vector>

#include "site_model.hpp"

namespace tampon::site {

/// JSON array, one entry per page: u (path from the site root), t (title), d (description),
/// s (section), f (folded text searched by assets/recherche.js: lower case, no accents).
std::string search_index_json(const SiteModel& site);
/// One page's entry of the index (empty for pages not searched: 404, search page).
std::string search_entry_json(const SiteModel& site, const Page& page);
/// Joins entries made by search_entry_json into the index.
std::string join_search_entries(const std::vector<std::string>& entries);
std::string sitemap_xml(const SiteModel& site);
std::string robots_txt(const SiteModel& site);

}  // namespace tampon::site
