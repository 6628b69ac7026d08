#include "site_build.hpp"

#include <set>

#include "data_blocks.hpp"
#include "page_render.hpp"
#include "site_links.hpp"
#include "site_outputs.hpp"
#include "site_views.hpp"

namespace tampon::site {
namespace {

Diagnostic page_error(const Page& page, int line, std::string code, std::string message) {
  Diagnostic d;
  d.where = {page.display, static_cast<std::uint32_t>(line), line ? 1u : 0u};
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

}  // namespace

Diagnostics check_structure(const SiteModel& site) {
  Diagnostics out = check_footer_links(site);
  std::map<std::string, const Page*> outputs;
  for (const Page& page : site.pages) {
    auto [it, inserted] = outputs.emplace(page.output, &page);
    if (!inserted)
      out.push_back(
          page_error(page, 1, "site-duplicate-page",
                     "même adresse « " + page.url + " » que « " + it->second->source + " »"));
    for (const std::string& alias : page.meta.aliases) {
      std::string target = alias_output(alias);
      if (target.empty() || site.page_by_url(target.substr(0, target.size() - 10)) ||
          !outputs.emplace(target, &page).second)
        out.push_back(page_error(page, 1, "site-alias",
                                 "alias « " + alias + " » invalide ou déjà utilisé par une page"));
    }
  }
  for (const char* required : {"_index.md", "404.md"})
    if (!site.page_by_source(required)) {
      Diagnostic d;
      d.where = {site.config.file, 0, 0};
      d.code = "site-missing-page";
      d.message = std::string("page obligatoire absente : content/") + required;
      out.push_back(std::move(d));
    }
  return out;
}

Diagnostics check_page(const SiteModel& site, const Model& model, const Page& page) {
  Diagnostics out = check_page_links(site, page);
  for (const DataBlockRef& block : page.body.blocks) {
    std::string problem = check_data_block(block.directive, model.baremes);
    if (!problem.empty()) out.push_back(page_error(page, block.line, "site-data-block", problem));
  }
  return out;
}

namespace {

std::vector<std::string> template_deps(const SiteModel& site) {
  std::vector<std::string> deps;
  for (const auto& f : site.templates.files) deps.push_back(f.string());
  deps.push_back(site.config_file.string());
  return deps;
}

}  // namespace

namespace {

SiteFile page_file(const SiteModel& site, std::size_t i, const ViewDigests& views,
                   const std::vector<std::string>& base) {
  const Page& page = site.pages[i];
  std::vector<std::string> deps = page_files(site, page);
  deps.insert(deps.end(), base.begin(), base.end());
  return {page.output, FileKind::Page, i, page_view(site, page, views), std::move(deps)};
}

}  // namespace

void refresh_pages(const SiteModel& site, const ViewDigests& views,
                   const std::vector<std::size_t>& touched, std::vector<SiteFile>& files) {
  std::set<std::size_t> pages(touched.begin(), touched.end());
  auto base = template_deps(site);
  for (SiteFile& file : files)
    if (file.kind == FileKind::Page && pages.contains(file.index))
      file = page_file(site, file.index, views, base);
}

std::vector<SiteFile> site_files(const SiteModel& site, const ViewDigests& views) {
  std::vector<SiteFile> files;
  auto base = template_deps(site);
  for (std::size_t i = 0; i < site.pages.size(); ++i) {
    const Page& page = site.pages[i];
    files.push_back(page_file(site, i, views, base));
    for (const std::string& alias : page.meta.aliases)
      if (std::string out = alias_output(alias); !out.empty())
        files.push_back({out, FileKind::Alias, i, {}, {page.file.string()}});
  }
  std::size_t copied = 0;
  for (const auto* copies : {&site.statics, &site.assets})
    for (const auto& copy : *copies)
      files.push_back({copy.output, FileKind::Copy, copied++, {}, {copy.source.string()}});
  files.push_back({std::string(k_grid_csv), FileKind::Csv});
  std::size_t parts = search_parts(site.pages.size());
  files.push_back({std::string(k_search_index), FileKind::Search, 0, std::to_string(parts)});
  for (std::size_t part = 0; part < parts; ++part) {
    std::vector<std::string> pages;  // what the part is made from
    for (std::size_t i = part * k_search_part_pages;
         i < site.pages.size() && i < (part + 1) * k_search_part_pages; ++i)
      pages.push_back(site.pages[i].file.string());
    files.push_back({search_part_path(part), FileKind::SearchPart, part, {}, pages});
  }
  files.push_back({"sitemap.xml", FileKind::Sitemap, 0, views.all, {site.config_file.string()}});
  files.push_back({"robots.txt", FileKind::Robots, 0, {}, {site.config_file.string()}});
  return files;
}

bool produce(const SiteModel& site, const Model& model, const SiteFile& file, std::string& bytes,
             const CopiedFile*& copy, PageScratch& scratch) {
  switch (file.kind) {
    case FileKind::Page:
      bytes = render_page(site, site.pages.at(file.index), model, scratch);
      return true;
    case FileKind::Alias:
      bytes = render_alias(site, site.pages.at(file.index), file.output);
      return true;
    case FileKind::Copy:
      copy = file.index < site.statics.size() ? &site.statics[file.index]
                                              : &site.assets.at(file.index - site.statics.size());
      return false;
    case FileKind::Csv:
      bytes = grid_csv(model.baremes);
      return true;
    case FileKind::Search:
      bytes = search_manifest_json(search_parts(site.pages.size()));
      return true;
    case FileKind::SearchPart:
      bytes = search_part_json(site, file.index);
      return true;
    case FileKind::Sitemap:
      bytes = sitemap_xml(site);
      return true;
    case FileKind::Robots:
      bytes = robots_txt(site);
      return true;
  }
  throw Fatal("site : fichier inconnu « " + file.output + " »");
}

std::string read_copied(const CopiedFile& copy) {
  std::string bytes;
  if (SourceStatus status = read_source(copy.source, copy.root, bytes); !status)
    throw Fatal("copie impossible de " + copy.source.string() + " : " +
                source_problem_message(status));
  return bytes;
}

}  // namespace tampon::site
