#pragma once
/// The preview server's side of the site: a site kept in memory that re-renders only what a
/// change touches (one page and the search index for a body edit; everything when templates,
/// configuration, navigation or data change).
#include <memory>

#include "serve/preview.hpp"

namespace tampon::site {

std::unique_ptr<serve::SiteSession> make_site_session(const ProjectContext& project,
                                                      bool live_reload);

}  // namespace tampon::site
