#pragma once
/// One page's HTML: the Markdown body with links and data blocks filled in, inside the page
/// template with header, navigation, breadcrumb, side menu, table of contents and footer.
#include <memory>
#include <string>

#include "render/scratch_pool.hpp"
#include "site_model.hpp"
#include "tampon/model.hpp"

namespace tampon::site {

/// What rendering one page keeps for the next pages of the same site: the header, navigation
/// and footer as seen from each folder depth, and each section's side menu (building them for
/// every page was a sixth of its rendering, and its side menu most of its template time).
/// Used by one rendering at a time; `clear` it when the site's navigation changes.
class PageScratch {
 public:
  PageScratch();
  ~PageScratch();
  PageScratch(const PageScratch&) = delete;
  PageScratch& operator=(const PageScratch&) = delete;
  void clear();
  struct Parts;
  std::unique_ptr<Parts> parts;
};

/// Scratch for pages rendered side by side: part of one build's state (site_emitter.cpp).
using ScratchPool = render::ScratchPool<PageScratch>;

std::string render_page(const SiteModel& site, const Page& page, const Model& model,
                        PageScratch& scratch);

/// A redirect page for an old address (front matter `aliases`).
std::string render_alias(const SiteModel& site, const Page& page, const std::string& alias_output);

/// The output file of an alias: "/eligibilite/" → "eligibilite/index.html". Empty if invalid.
std::string alias_output(const std::string& alias);

/// "CSV – 1,2 ko": format and size of a file offered for download.
std::string download_detail(std::string_view path, std::uintmax_t size);

}  // namespace tampon::site
