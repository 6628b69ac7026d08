#pragma once
/// What the emitter and the preview server share: the checks of a read site, the list of
/// files it produces, and writing one of them.
#include <string>
#include <vector>

#include "site_model.hpp"
#include "tampon/model.hpp"

namespace tampon::site {

/// Every finding about the site: reading, configuration, links, data blocks, aliases, clashes.
Diagnostics check_site(const SiteModel& site, const Model& model);
/// What depends on the site's shape only: footer links, page addresses and aliases, mandatory
/// pages. Unchanged by an edit that keeps every page's navigation.
Diagnostics check_structure(const SiteModel& site);
/// One page's links, anchors and data blocks.
Diagnostics check_page(const SiteModel& site, const Model& model, const Page& page);

/// One file of the site. `key` says what to produce; `output` is under site/.
struct SiteFile {
  std::string output;
  /// "page:<source>", "alias:<source>", "copy:<output>", "csv", …; after a '\n', a digest of
  /// what the file shows of other pages (part of the rebuild fingerprint, ignored by produce).
  std::string key;
  std::vector<std::string> depends_on;
};

std::vector<SiteFile> site_files(const SiteModel& site);

/// The bytes of a generated file, or false for a copied file (`copy` is then set).
bool produce(const SiteModel& site, const Model& model, const std::string& key,
             const std::string& output, std::string& bytes, const CopiedFile*& copy);

/// The bytes of a copied file, read only if it is still a regular file inside its root
/// (io/source_file.hpp: it may have been swapped for a link since the site was read). Throws
/// Fatal with a French message naming the file otherwise.
std::string read_copied(const CopiedFile& copy);

}  // namespace tampon::site
