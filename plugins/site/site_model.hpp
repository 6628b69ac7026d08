#pragma once
/// The website as read from content/ and templates/: configuration, pages (front matter and
/// parsed body), static files, templates and design-system assets. Built once per build (or
/// updated in place by the next build of `tampon serve`), then only read: render jobs share it
/// across threads.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "front_matter.hpp"
#include "io/source_file.hpp"
#include "markdown.hpp"
#include "site_config.hpp"
#include "site_templates.hpp"
#include "tampon/emitter.hpp"

namespace tampon::site {

struct Page {
  std::string source;          ///< relative to content/, '/'-separated: "guide/etapes.md"
  std::filesystem::path file;  ///< absolute path of the Markdown file
  std::string display;         ///< as diagnostics print it
  std::string url;             ///< site path: "" (home), "guide/etapes/", "404.html"
  std::string output;          ///< file under site/: "guide/etapes/index.html"
  std::string section;         ///< first folder ("guide"); empty for top-level pages
  bool section_index = false;  ///< a folder's _index.md
  FrontMatter meta;
  ParsedMarkdown body;
  const std::string& menu_title() const {
    return meta.menu_title.empty() ? meta.title : meta.menu_title;
  }
};

/// A file copied as it is: a non-Markdown file of content/, or a design-system asset.
struct CopiedFile {
  std::filesystem::path source;
  std::string output;  ///< under site/
  SourceRoot root;     ///< the folder it must really be in when copied (io/source_file.hpp)
};

struct SiteModel {
  std::filesystem::path content_dir;
  SourceRoot content_root;  ///< every page and static file must really be in it
  std::filesystem::path config_file;
  SiteConfig config;
  std::vector<Page> pages;          ///< every non-draft page, sorted by source
  std::vector<std::string> drafts;  ///< sources of draft pages (not built)
  std::map<std::string, std::size_t, std::less<>> by_source, by_url;
  std::vector<CopiedFile> statics;  ///< from content/
  std::vector<CopiedFile> assets;   ///< DSFR and the site's own scripts and styles
  std::map<std::string, std::size_t, std::less<>> file_outputs;  ///< statics+assets by output
  /// Navigation, computed once by index_site (pages sorted by order, then title).
  std::vector<const Page*> main_menu;
  std::map<std::string, std::vector<const Page*>, std::less<>> section_pages;  ///< without _index
  Templates templates;
  Diagnostics diagnostics;  ///< findings made while reading (front matter, Markdown, config)

  const Page* page_by_source(std::string_view source) const;
  const Page* page_by_url(std::string_view url) const;
};

/// Where the content comes from: the project's content/ if it exists, else the shipped one.
std::filesystem::path content_dir_of(const ProjectContext& project);

/// Reads everything, through `ctx` (pages parsed on the build's threads, their digests
/// recorded for planning). Never throws for bad input (findings in `diagnostics`).
std::shared_ptr<SiteModel> read_site(PrepareContext& ctx);

/// The root content pages must really be in: the content/ folder `content_dir_of` chose.
SourceRoot content_root_of(const std::filesystem::path& content_dir);

/// Reads one page (used by read_site and by the incremental update of site_state.cpp). `file`
/// is under `content_dir`, which diagnostics print as `content_display` ("content"); it is read
/// only if it is really inside `root` (io/source_file.hpp), through `ctx` when given.
Page read_page(const std::filesystem::path& content_dir, const std::string& content_display,
               const SourceRoot& root, const std::filesystem::path& file, Diagnostics& diagnostics,
               PrepareContext* ctx = nullptr);

/// Ids the page template uses: headings never take them.
const std::set<std::string>& reserved_ids();

/// Sorts pages and fills by_source, by_url, file_outputs and the navigation lists. Call again
/// after changing `pages` (the navigation lists point into it).
void index_site(SiteModel& site);

/// "../../" for a page written at "a/b/index.html"; the base path for 404.html (served at any
/// depth).
std::string root_prefix(const SiteModel& site, const std::string& output);

}  // namespace tampon::site
