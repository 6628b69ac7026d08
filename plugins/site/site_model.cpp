#include "site_model.hpp"

#include <algorithm>
#include <future>

#include "io/source_file.hpp"
#include "load/text_check.hpp"
#include "site_assets.hpp"

namespace tampon::site {
namespace {

namespace fs = std::filesystem;

std::string read_text(PrepareContext* ctx, const fs::path& path, const SourceRoot& root,
                      const std::string& display, Diagnostics& diagnostics) {
  std::string text;
  // Digested as read (PrepareContext::read_source): planning will not read it again.
  if (SourceStatus status =
          ctx ? ctx->read_source(path, root, text) : read_source(path, root, text);
      !status) {
    diagnostics.push_back(source_diagnostic(status, display, "site-read"));
    return {};
  }
  // A page saved as Latin-1 or UTF-16 by a word processor would reach the site as mojibake:
  // refuse it where the editor can find the first bad byte.
  if (auto problem = load::check_text(text)) {
    Diagnostic d;
    d.where = {display, problem->line, problem->column};
    d.code = "site-read";
    d.message = problem->message;
    diagnostics.push_back(std::move(d));
    return {};
  }
  return text;
}

/// "guide/etapes.md" → "guide/etapes/"; "guide/_index.md" → "guide/"; "_index.md" → "".
std::string url_of(const std::string& source, const std::string& layout) {
  std::string stem = source.substr(0, source.size() - 3);  // without ".md"
  if (layout == "404") return "404.html";
  if (stem == "_index") return "";
  if (stem.size() > 7 && stem.ends_with("/_index")) return stem.substr(0, stem.size() - 6);
  return stem + "/";
}

std::string output_of(const std::string& url) {
  if (url.ends_with(".html")) return url;
  return url + "index.html";
}

bool is_markdown(const fs::path& p) { return p.extension() == ".md"; }

/// What the walk of content/ keeps. A link out of content/ (or a broken one) is an error: the
/// page someone linked would silently be missing, and publishing its target is what the rule
/// prevents. A FIFO, socket or device is tooling debris, never a page: skipped with a warning so
/// the site still builds.
bool keep_entry(const fs::path& file, const SiteModel& site, Diagnostics& diagnostics,
                const std::string& display) {
  SourceStatus status = classify_entry(file, site.content_root);
  if (status) return true;
  if (status.problem == SourceProblem::directory) return false;  // a link to a folder: not walked
  diagnostics.push_back(walk_diagnostic(status, display, "site-read"));
  return false;
}

/// Reads and parses pages on the build's threads (a 1 000-page site spends most of its
/// preparation there); findings[i] gets file i's findings, so the result does not depend on
/// the threads.
std::vector<Page> read_pages(PrepareContext& ctx, const fs::path& content_dir,
                             const std::string& content_display, const SourceRoot& root,
                             const std::vector<fs::path>& files,
                             std::vector<Diagnostics>& findings) {
  init_markdown();  // registers cmark-gfm's extensions before the threads start
  std::vector<Page> pages(files.size());
  ctx.for_each(files.size(), [&](std::size_t i) {
    pages[i] = read_page(content_dir, content_display, root, files[i], findings[i], &ctx);
  });
  return pages;
}

}  // namespace

const Page* SiteModel::page_by_source(std::string_view source) const {
  auto it = by_source.find(source);
  return it == by_source.end() ? nullptr : &pages[it->second];
}

const Page* SiteModel::page_by_url(std::string_view url) const {
  auto it = by_url.find(url);
  return it == by_url.end() ? nullptr : &pages[it->second];
}

fs::path content_dir_of(const ProjectContext& project) {
  std::error_code ec;
  fs::path own = project.project_dir / "content";
  if (fs::is_directory(own, ec)) return own;
  return project.shipped_dir / "content";
}

const std::set<std::string>& reserved_ids() {
  static const std::set<std::string> k_ids = {"contenu",
                                              "en-tete",
                                              "pied-de-page",
                                              "menu-principal",
                                              "navigation",
                                              "recherche-entete",
                                              "champ-recherche",
                                              "fil-d-ariane",
                                              "sommaire",
                                              "menu-lateral",
                                              "modal-menu",
                                              "bouton-menu",
                                              "resultats-recherche",
                                              "mention-etat",
                                              "haut-de-page",
                                              "sommaire-titre",
                                              "menu-lateral-titre",
                                              "modal-recherche",
                                              "bouton-recherche",
                                              "q"};
  return k_ids;
}

SourceRoot content_root_of(const fs::path& content_dir) {
  return SourceRoot(content_dir.parent_path(), content_dir.filename().string());
}

Page read_page(const fs::path& content_dir, const std::string& content_display,
               const SourceRoot& root, const fs::path& file, Diagnostics& diagnostics,
               PrepareContext* ctx) {
  Page page;
  page.file = file;
  // Lexical: `file` was found under `content_dir` (resolving links for each of 1 000 pages
  // cost more system calls than reading them).
  page.source = file.lexically_relative(content_dir).generic_string();
  page.display = content_display + "/" + page.source;
  std::string text = read_text(ctx, file, root, page.display, diagnostics);
  SplitPage split = split_front_matter(text, page.display, diagnostics);
  page.meta = std::move(split.meta);
  page.url = url_of(page.source, page.meta.layout);
  page.output = output_of(page.url);
  auto slash = page.source.find('/');
  page.section = slash == std::string::npos ? std::string() : page.source.substr(0, slash);
  page.section_index = page.source.ends_with("_index.md") && !page.section.empty();
  page.body = parse_markdown(split.body, split.body_first_line, page.display,
                             page.meta.layout == "faq", reserved_ids(), diagnostics);
  return page;
}

void index_site(SiteModel& site) {
  std::sort(site.pages.begin(), site.pages.end(),
            [](const Page& a, const Page& b) { return a.source < b.source; });
  site.by_source.clear();
  site.by_url.clear();
  site.file_outputs.clear();
  for (std::size_t i = 0; i < site.pages.size(); ++i) {
    site.by_source.emplace(site.pages[i].source, i);
    site.by_url.emplace(site.pages[i].url, i);
  }
  for (std::size_t i = 0; i < site.statics.size(); ++i)
    site.file_outputs.emplace(site.statics[i].output, i);
  site.main_menu.clear();
  site.section_pages.clear();
  for (const Page& page : site.pages) {
    if (page.meta.main_menu) site.main_menu.push_back(&page);
    if (!page.section.empty() && !page.section_index)
      site.section_pages[page.section].push_back(&page);
  }
  auto by_order = [](const Page* a, const Page* b) {
    if (a->meta.order != b->meta.order) return a->meta.order < b->meta.order;
    return a->meta.title < b->meta.title;
  };
  std::sort(site.main_menu.begin(), site.main_menu.end(), by_order);
  for (auto& [name, list] : site.section_pages) std::sort(list.begin(), list.end(), by_order);
  for (std::size_t i = 0; i < site.assets.size(); ++i)
    site.file_outputs.emplace(site.assets[i].output, site.statics.size() + i);
}

std::string root_prefix(const SiteModel& site, const std::string& output) {
  if (output == "404.html") return site.config.base_path.empty() ? "/" : site.config.base_path;
  std::string prefix;
  for (char c : output)
    if (c == '/') prefix += "../";
  return prefix;
}

std::shared_ptr<SiteModel> read_site(PrepareContext& ctx) {
  const ProjectContext& project = ctx.project();
  auto site = std::make_shared<SiteModel>();
  site->content_dir = content_dir_of(project);
  site->content_root = content_root_of(site->content_dir);
  site->config_file = site->content_dir / "site.yaml";
  site->config = load_site_config(site->config_file, site->content_root,
                                  project.display(site->config_file), site->diagnostics);
  std::error_code ec;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(site->content_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().front() == '.') continue;
    // By the entry itself, not what it points to (io/source_file.hpp).
    fs::file_type type = it->symlink_status(ec).type();
    if (type == fs::file_type::regular ||
        (type != fs::file_type::directory &&
         keep_entry(it->path(), *site, site->diagnostics, project.display(it->path()))))
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::vector<fs::path> markdown;
  for (const fs::path& file : files) {
    if (file == site->config_file) continue;
    if (is_markdown(file))
      markdown.push_back(file);
    else
      site->statics.push_back(
          {file, file.lexically_relative(site->content_dir).generic_string(), site->content_root});
  }
  // The design system's files and the templates are found while the pages are read.
  Diagnostics asset_findings, template_findings;
  auto assets_and_templates = std::async(std::launch::async, [&] {
    site->assets = find_assets(ctx, asset_findings);
    site->templates = load_templates(project, template_findings);
  });
  std::vector<Diagnostics> findings(markdown.size());
  std::vector<Page> pages = read_pages(ctx, site->content_dir, project.display(site->content_dir),
                                       site->content_root, markdown, findings);
  assets_and_templates.get();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    site->diagnostics.insert(site->diagnostics.end(), findings[i].begin(), findings[i].end());
    if (pages[i].meta.draft)
      site->drafts.push_back(pages[i].source);
    else
      site->pages.push_back(std::move(pages[i]));
  }
  for (Diagnostics* found : {&asset_findings, &template_findings})
    site->diagnostics.insert(site->diagnostics.end(), found->begin(), found->end());
  index_site(*site);
  return site;
}

}  // namespace tampon::site
