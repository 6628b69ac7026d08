#pragma once
/// One page's HTML: the Markdown body with links and data blocks filled in, inside the page
/// template with header, navigation, breadcrumb, side menu, table of contents and footer.
#include <string>

#include "site_model.hpp"
#include "tampon/model.hpp"

namespace tampon::site {

std::string render_page(const SiteModel& site, const Page& page, const Model& model);

/// A redirect page for an old address (front matter `aliases`).
std::string render_alias(const SiteModel& site, const Page& page, const std::string& alias_output);

/// The output file of an alias: "/eligibilite/" → "eligibilite/index.html". Empty if invalid.
std::string alias_output(const std::string& alias);

/// "CSV – 1,2 ko": format and size of a file offered for download.
std::string download_detail(std::string_view path, std::uintmax_t size);

}  // namespace tampon::site
