#include "site_session.hpp"

#include <fstream>
#include <map>

#include "site_build.hpp"
#include "site_links.hpp"
#include "site_outputs.hpp"

namespace tampon::site {
namespace {

namespace fs = std::filesystem;

/// Writes `bytes` to `path` through a temporary file and a rename: a reader (the browser)
/// never sees half a page.
void write_atomically(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path temp = path;
  temp += ".tmp-tampon";
  {
    std::ofstream out(temp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Fatal("écriture impossible de " + temp.string());
  }
  fs::rename(temp, path, ec);
  if (ec) throw Fatal("écriture impossible de " + path.string() + " : " + ec.message());
}

/// What other pages show of a page: a change here re-renders every page.
bool same_navigation(const Page& a, const Page& b) {
  if (a.meta.title != b.meta.title || a.meta.menu_title != b.meta.menu_title ||
      a.meta.order != b.meta.order || a.meta.main_menu != b.meta.main_menu ||
      a.meta.layout != b.meta.layout || a.meta.draft != b.meta.draft ||
      a.meta.aliases != b.meta.aliases || a.meta.description != b.meta.description)
    return false;
  return true;
}

class Session final : public serve::SiteSession {
 public:
  Session(const ProjectContext& project, bool live_reload)
      : m_project(project), m_live_reload(live_reload) {}

  Diagnostics build_all(const Model& model, const fs::path& site_dir,
                        serve::UpdateStats& stats) override {
    auto site = read_site(m_project, m_live_reload);
    Diagnostics findings = check_site(*site, model);
    if (count_errors(findings) > 0) return findings;
    m_site = site;
    m_search.clear();
    for (const Page& page : m_site->pages) m_search.push_back(search_entry_json(*m_site, page));
    std::error_code ec;
    fs::create_directories(site_dir, ec);
    for (const SiteFile& file : site_files(*m_site)) {
      if (file.key == "search") continue;  // joined from the entries kept for updates
      write(model, file, site_dir, stats);
    }
    write_atomically(site_dir / std::string(k_search_index), join_search_entries(m_search));
    ++stats.pages_rendered;
    stats.full = true;
    return findings;
  }

  Diagnostics update(const Model& model, const std::vector<fs::path>& changed,
                     const fs::path& site_dir, serve::UpdateStats& stats) override {
    if (!m_site || needs_full_rebuild(changed)) return build_all(model, site_dir, stats);
    // The site is changed in place (no copy of every page): it always mirrors the files, and
    // outputs are written only when the checks pass.
    SiteModel& site = *m_site;
    Diagnostics reading;
    std::vector<std::size_t> touched;
    for (const fs::path& file : changed) {
      Page page = read_page(m_project, site.content_dir, file, reading);
      std::size_t index = site.by_source.at(page.source);
      if (!same_navigation(site.pages[index], page)) return build_all(model, site_dir, stats);
      site.pages[index] = std::move(page);  // same slot: the navigation pointers stay valid
      touched.push_back(index);
    }
    // Replace the reading findings of the re-read pages, keep the others'.
    std::erase_if(site.diagnostics, [&](const Diagnostic& d) {
      for (std::size_t index : touched)
        if (d.where.file == site.pages[index].display) return true;
      return false;
    });
    site.diagnostics.insert(site.diagnostics.end(), reading.begin(), reading.end());
    Diagnostics findings = check_site(site, model);
    if (count_errors(findings) > 0) return findings;
    for (std::size_t index : touched) {
      const Page& page = m_site->pages[index];
      m_search[index] = search_entry_json(*m_site, page);
      write(model, {page.output, "page:" + page.source, {}}, site_dir, stats);
    }
    write_atomically(site_dir / std::string(k_search_index), join_search_entries(m_search));
    return findings;
  }

  std::vector<fs::path> watched() const override {
    std::vector<fs::path> paths = {content_dir_of(m_project), m_project.find("templates/site")};
    return paths;
  }

 private:
  /// Anything but an edit of an existing page's Markdown rebuilds everything.
  bool needs_full_rebuild(const std::vector<fs::path>& changed) const {
    std::error_code ec;
    for (const fs::path& file : changed) {
      if (file.extension() != ".md" || !fs::exists(file, ec)) return true;
      auto rel = fs::relative(file, m_site->content_dir, ec);
      if (ec || rel.empty() || *rel.begin() == "..") return true;
      if (!m_site->page_by_source(rel.generic_string())) return true;
    }
    return false;
  }

  void write(const Model& model, const SiteFile& file, const fs::path& site_dir,
             serve::UpdateStats& stats) {
    std::string bytes;
    fs::path copy_from;
    fs::path target = site_dir / file.output;
    if (!produce(*m_site, model, file.key, file.output, bytes, copy_from)) {
      std::error_code ec;
      fs::create_directories(target.parent_path(), ec);
      if (fs::exists(target, ec) && fs::file_size(target, ec) == fs::file_size(copy_from, ec) &&
          fs::last_write_time(target, ec) >= fs::last_write_time(copy_from, ec))
        return;  // assets rarely change: skip the copy
      fs::copy_file(copy_from, target, fs::copy_options::overwrite_existing, ec);
      if (ec) throw Fatal("copie impossible de " + copy_from.string() + " : " + ec.message());
    } else {
      write_atomically(target, bytes);
    }
    ++stats.pages_rendered;
  }

  ProjectContext m_project;
  bool m_live_reload;
  std::shared_ptr<SiteModel> m_site;
  std::vector<std::string> m_search;  ///< one entry per page, in page order
};

}  // namespace

std::unique_ptr<serve::SiteSession> make_site_session(const ProjectContext& project,
                                                      bool live_reload) {
  return std::make_unique<Session>(project, live_reload);
}

}  // namespace tampon::site
