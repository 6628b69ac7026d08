#pragma once
/// The checks of a read site, the list of files it produces, and producing one of them.
#include <string>
#include <vector>

#include "page_render.hpp"
#include "site_model.hpp"
#include "site_views.hpp"
#include "tampon/model.hpp"

namespace tampon::site {

/// What depends on the site's shape only: footer links, page addresses and aliases, mandatory
/// pages. Unchanged by an edit that keeps every page's navigation.
Diagnostics check_structure(const SiteModel& site);
/// One page's links, anchors and data blocks.
Diagnostics check_page(const SiteModel& site, const Model& model, const Page& page);

/// What a file of the site is.
enum class FileKind : std::uint32_t {
  Page,        ///< a page's HTML (index: the page)
  Alias,       ///< a redirect to a page from an old address (index: the page)
  Copy,        ///< a copied file (index: in statics, then in assets)
  Csv,         ///< the amount grid as CSV
  Search,      ///< the search index's manifest
  SearchPart,  ///< one part of the search index (index: the part)
  Sitemap,
  Robots,
};

/// One file of the site; `output` is under site/.
struct SiteFile {
  std::string output;
  FileKind kind = FileKind::Page;
  std::size_t index = 0;
  /// A digest of what the file shows of other pages (menus, titles): part of the rebuild
  /// fingerprint (OutputJob::fingerprint).
  std::string fingerprint{};
  std::vector<std::string> depends_on{};
};

/// Every file of the site, each page with what it shows of the others (`views`, computed once
/// per site: view_digests).
std::vector<SiteFile> site_files(const SiteModel& site, const ViewDigests& views);
/// The entries of the pages `touched` made again in `files` (their Markdown was edited: their
/// links and downloads may differ), when no title, order or menu changed, so that `views`
/// still holds: a one-page edit in `serve` then costs one page, not the site.
void refresh_pages(const SiteModel& site, const ViewDigests& views,
                   const std::vector<std::size_t>& touched, std::vector<SiteFile>& files);

/// The bytes of a generated file, or false for a copied file (`copy` is then set). Pages are
/// rendered with `scratch` (page_render.hpp).
bool produce(const SiteModel& site, const Model& model, const SiteFile& file, std::string& bytes,
             const CopiedFile*& copy, PageScratch& scratch);

/// The bytes of a copied file, read only if it is still a regular file inside its root
/// (io/source_file.hpp: it may have been swapped for a link since the site was read). Throws
/// Fatal with a French message naming the file otherwise.
std::string read_copied(const CopiedFile& copy);

}  // namespace tampon::site
