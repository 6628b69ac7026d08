#pragma once
/// The design system's files (npm package @gouvfr/dsfr, installed by `npm ci` at the root of
/// the project or of the tool) and the site's own scripts and styles (templates/site/assets/).
#include <vector>

#include "site_model.hpp"

namespace tampon::site {

/// Where the DSFR's dist/ folder is: the project's node_modules, else the tool's. Empty when
/// neither exists.
std::filesystem::path find_dsfr(const ProjectContext& project);

/// Every file to copy: dsfr.min.css and each file it references (fonts, icons), the scripts,
/// the favicons, then templates/site/assets/*. Missing DSFR is an error diagnostic.
/// The stylesheet is read through `ctx` (its digest recorded: planning does not read it again).
std::vector<CopiedFile> find_assets(PrepareContext& ctx, Diagnostics& diagnostics);

}  // namespace tampon::site
