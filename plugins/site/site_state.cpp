#include "site_state.hpp"

#include <algorithm>

#include "site_links.hpp"

namespace tampon::site {
namespace {

namespace fs = std::filesystem;

/// What other pages show of a page: a change re-renders the pages showing it (menus, site map).
bool same_navigation(const Page& a, const Page& b) {
  return a.meta.title == b.meta.title && a.meta.menu_title == b.meta.menu_title &&
         a.meta.order == b.meta.order && a.meta.main_menu == b.meta.main_menu &&
         a.meta.description == b.meta.description;
}

/// What decides which files a page produces, at which address: a change reads everything.
bool same_outputs(const Page& a, const Page& b) {
  return a.meta.layout == b.meta.layout && a.meta.draft == b.meta.draft &&
         a.meta.aliases == b.meta.aliases;
}

/// Anything but an edit of an existing page's Markdown reads the whole site again.
bool needs_full_read(const SiteModel& site, const std::vector<fs::path>& changed) {
  std::error_code ec;
  for (const fs::path& file : changed) {
    if (file.extension() != ".md" || !fs::is_regular_file(file, ec)) return true;
    auto rel = file.lexically_relative(site.content_dir);
    if (rel.empty() || *rel.begin() == "..") return true;
    if (!site.page_by_source(rel.generic_string())) return true;
  }
  return false;
}

/// Updates `build` for `paths` changed since it was prepared; false when the whole site must
/// be read again (`build` may then be half updated: it is dropped).
bool update_site(SiteBuild& build, const Model& model, PrepareContext& ctx,
                 const std::vector<fs::path>& paths) {
  std::vector<fs::path> changed;  // editors' hidden files (".page.md.swp") are not the site's
  for (const fs::path& file : paths)
    if (!file.filename().empty() && file.filename().string().front() != '.')
      changed.push_back(file);
  if (changed.empty()) return true;
  SiteModel& site = *build.site;
  if (needs_full_read(site, changed)) return false;
  // The site is changed in place (no copy of every page).
  const std::string content_display = ctx.project().display(site.content_dir);
  Diagnostics reading;
  std::vector<std::size_t> touched;  // re-read now
  bool menus = false;                // a title, order or menu entry changed
  for (const fs::path& file : changed) {
    Page page =
        read_page(site.content_dir, content_display, site.content_root, file, reading, &ctx);
    auto found = site.by_source.find(page.source);
    if (found == site.by_source.end()) return false;
    std::size_t index = found->second;
    if (!same_outputs(site.pages[index], page)) return false;
    menus = menus || !same_navigation(site.pages[index], page);
    site.pages[index] = std::move(page);  // same slot: the navigation pointers stay valid
    touched.push_back(index);
  }
  if (menus) {
    index_site(site);                                 // menus sorted again by order and title
    build.scratch = std::make_unique<ScratchPool>();  // its pages' menus are gone
  }
  // Replace the reading findings of the re-read pages, keep the others'.
  std::erase_if(site.diagnostics, [&](const Diagnostic& d) {
    for (std::size_t index : touched)
      if (d.where.file == site.pages[index].display) return true;
    return false;
  });
  site.diagnostics.insert(site.diagnostics.end(), reading.begin(), reading.end());
  if (menus)
    build.by_origin.check_all(site, model, &ctx);
  else
    build.by_origin.recheck(site, model, touched);
  build.findings = build.by_origin.all(site);
  if (menus) {
    build.views = view_digests(site);
    build.files = site_files(site, build.views);
  } else {
    refresh_pages(site, build.views, touched, build.files);
  }
  return true;
}

}  // namespace

void SiteFindings::check_all(const SiteModel& site, const Model& model, PrepareContext* ctx) {
  m_structure = check_structure(site);
  m_pages.assign(site.pages.size(), {});
  m_targets.assign(site.pages.size(), {});
  auto check = [&](std::size_t i) {
    m_pages[i] = check_page(site, model, site.pages[i]);
    add_targets(site, i);
  };
  if (ctx)
    ctx->for_each(site.pages.size(), check);
  else
    for (std::size_t i = 0; i < site.pages.size(); ++i) check(i);
}

void SiteFindings::recheck(const SiteModel& site, const Model& model,
                           const std::vector<std::size_t>& touched) {
  for (std::size_t i : touched) {
    m_targets[i].clear();  // its links may point elsewhere now
    add_targets(site, i);
  }
  std::set<std::size_t> again(touched.begin(), touched.end());
  for (std::size_t i = 0; i < m_targets.size(); ++i)
    for (std::size_t t : touched)
      if (m_targets[i].contains(t)) again.insert(i);
  for (std::size_t i : again) m_pages[i] = check_page(site, model, site.pages[i]);
}

Diagnostics SiteFindings::all(const SiteModel& site) const {
  Diagnostics out = site.diagnostics;
  for (const Diagnostics& page : m_pages) out.insert(out.end(), page.begin(), page.end());
  out.insert(out.end(), m_structure.begin(), m_structure.end());
  return out;
}

void SiteFindings::add_targets(const SiteModel& site, std::size_t i) {
  const Page& page = site.pages[i];
  for (const LinkRef& link : page.body.links)
    if (const Page* target = linked_page(site, page, link.target))
      m_targets[i].insert(static_cast<std::size_t>(target - site.pages.data()));
}

std::unique_ptr<SiteBuild> prepare_site(const Model& model, PrepareContext& ctx) {
  PrepareContext::Previous previous = ctx.take_previous();
  if (previous.state) {
    // The host hands back this emitter's own state (host/emitter_builds.cpp).
    std::unique_ptr<SiteBuild> build(static_cast<SiteBuild*>(previous.state.release()));
    if (update_site(*build, model, ctx, previous.changed)) return build;
  }
  auto build = std::make_unique<SiteBuild>();
  build->site = read_site(ctx);
  build->by_origin.check_all(*build->site, model, &ctx);
  build->findings = build->by_origin.all(*build->site);
  build->views = view_digests(*build->site);
  build->files = site_files(*build->site, build->views);
  return build;
}

}  // namespace tampon::site
