#include "site_session.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "page_render.hpp"
#include "site_build.hpp"
#include "site_links.hpp"
#include "site_outputs.hpp"

namespace tampon::site {
namespace {

namespace fs = std::filesystem;

/// Makes the folders of `path` below `site_dir` (the preview's out/site) that are missing,
/// refusing to go through a symbolic link or a file planted in their place: the preview, like
/// a build, writes nothing outside --out.
void make_real_folders(const fs::path& site_dir, const fs::path& folder) {
  fs::path current = site_dir.parent_path();
  std::error_code ec;
  fs::create_directories(current, ec);  // --out itself, as the user named it
  for (const auto& part : folder.lexically_relative(site_dir.parent_path())) {
    current /= part;
    struct stat st {};
    if (::lstat(current.c_str(), &st) == 0) {
      if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode))
        throw Fatal(current.string() +
                    " n'est pas un dossier (lien symbolique ou fichier) : "
                    "l'aperçu n'écrit pas à travers ; supprimez-le");
      continue;
    }
    if (::mkdir(current.c_str(), 0777) != 0 && errno != EEXIST)
      throw Fatal("impossible de créer le dossier " + current.string() + " : " +
                  std::strerror(errno));
  }
}

/// Writes `bytes` to `path` through a temporary file (a new name, never a link followed) and a
/// rename: a reader (the browser) never sees half a page. `counter` (the session's) numbers the
/// temporary files.
void write_atomically(unsigned& counter, const fs::path& site_dir, const fs::path& path,
                      std::string_view bytes) {
  make_real_folders(site_dir, path.parent_path());
  fs::path temp = path;
  temp += ".tampon-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) throw Fatal("écriture impossible de " + temp.string() + " : " + std::strerror(errno));
  bool ok = true;
  while (ok && !bytes.empty()) {
    ssize_t put = ::write(fd, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    ok = put > 0;
    if (ok) bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  int error = ok ? 0 : errno;
  if (::close(fd) != 0 && ok) ok = false, error = errno;
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) ok = false, error = errno;
  if (!ok) {
    ::unlink(temp.c_str());
    throw Fatal("écriture impossible de " + path.string() + " : " + std::strerror(error));
  }
}

/// How the preview reads the site: sources read as any reader does (the preview keeps no
/// digests: it has no manifest), pages parsed on a few threads.
class Reading final : public PrepareContext {
 public:
  explicit Reading(const ProjectContext& project) : m_project(project) {}
  const ProjectContext& project() const override { return m_project; }
  void for_each(std::size_t count, const std::function<void(std::size_t)>& work) override {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < count;) work(i);
    };
    unsigned threads = std::clamp<unsigned>(std::thread::hardware_concurrency(), 1, 4);
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }
  SourceStatus read_source(const fs::path& path, const SourceRoot& root,
                           std::string& bytes) override {
    return tampon::read_source(path, root, bytes);
  }

 private:
  const ProjectContext& m_project;
};

/// What other pages show of a page: a change re-renders the pages showing it (menus, site map).
bool same_navigation(const Page& a, const Page& b) {
  return a.meta.title == b.meta.title && a.meta.menu_title == b.meta.menu_title &&
         a.meta.order == b.meta.order && a.meta.main_menu == b.meta.main_menu &&
         a.meta.description == b.meta.description;
}

/// What decides which files a page produces, at which address: a change rebuilds everything.
bool same_outputs(const Page& a, const Page& b) {
  return a.meta.layout == b.meta.layout && a.meta.draft == b.meta.draft &&
         a.meta.aliases == b.meta.aliases;
}

/// The findings of a site, kept by origin so that an edit re-checks only what it can affect:
/// the edited page's links and data blocks, and the links of the pages pointing to it (an
/// anchor may have gone).
class Findings {
 public:
  void check_all(const SiteModel& site, const Model& model) {
    m_structure = check_structure(site);
    m_pages.assign(site.pages.size(), {});
    m_targets.assign(site.pages.size(), {});
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
      m_pages[i] = check_page(site, model, site.pages[i]);
      add_targets(site, i);
    }
  }

  /// After `touched` pages were replaced in place (same navigation).
  void recheck(const SiteModel& site, const Model& model, const std::vector<std::size_t>& touched) {
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

  Diagnostics all(const SiteModel& site) const {
    Diagnostics out = site.diagnostics;
    for (const Diagnostics& page : m_pages) out.insert(out.end(), page.begin(), page.end());
    out.insert(out.end(), m_structure.begin(), m_structure.end());
    return out;
  }

 private:
  void add_targets(const SiteModel& site, std::size_t i) {
    const Page& page = site.pages[i];
    for (const LinkRef& link : page.body.links)
      if (const Page* target = linked_page(site, page, link.target))
        m_targets[i].insert(static_cast<std::size_t>(target - site.pages.data()));
  }

  Diagnostics m_structure;
  std::vector<Diagnostics> m_pages;
  std::vector<std::set<std::size_t>> m_targets;  ///< per page: the other pages it links to
};

class Session final : public serve::SiteSession {
 public:
  Session(const ProjectContext& project, bool live_reload)
      : m_project(project), m_live_reload(live_reload) {}

  Diagnostics build_all(const Model& model, const fs::path& site_dir,
                        serve::UpdateStats& stats) override {
    Reading reading(m_project);
    auto site = read_site(reading, m_live_reload);
    Findings findings;
    findings.check_all(*site, model);
    Diagnostics all = findings.all(*site);
    if (count_errors(all) > 0) return all;
    m_site = site;
    m_scratch.clear();  // it points into the previous site
    m_findings = std::move(findings);
    m_unwritten.clear();
    m_content_display = m_project.display(m_site->content_dir);
    std::vector<std::string> entries;
    for (const Page& page : m_site->pages) entries.push_back(search_entry_json(*m_site, page));
    m_search = SearchIndex(std::move(entries));
    make_real_folders(site_dir, site_dir);
    m_shown.clear();
    for (const SiteFile& file : site_files(*m_site)) {
      if (file.kind == FileKind::SearchPart) continue;  // from the entries kept above
      m_shown[file.output] = file.fingerprint;
      write(model, file, site_dir, stats);
    }
    m_menus_changed = false;
    for (std::size_t part = 0; part < m_search.parts(); ++part) {
      write_atomically(m_writes, site_dir, site_dir / search_part_path(part),
                       m_search.part_json(part));
      ++stats.pages_rendered;
    }
    stats.full = true;
    return all;
  }

  Diagnostics update(const Model& model, const std::vector<fs::path>& paths,
                     const fs::path& site_dir, serve::UpdateStats& stats) override {
    std::vector<fs::path> changed;  // editors' hidden files (".page.md.swp") are not the site's
    for (const fs::path& file : paths)
      if (file.filename().string().front() != '.') changed.push_back(file);
    if (m_site && changed.empty()) return m_findings.all(*m_site);  // nothing written
    if (!m_site || needs_full_rebuild(changed)) return build_all(model, site_dir, stats);
    // The site is changed in place (no copy of every page): it always mirrors the files, and
    // outputs are written only when the checks pass.
    SiteModel& site = *m_site;
    Diagnostics reading;
    std::vector<std::size_t> touched;  // re-read now
    bool menus = false;                // a title, order or menu entry changed
    for (const fs::path& file : changed) {
      Page page = read_page(site.content_dir, m_content_display, site.content_root, file, reading);
      std::size_t index = site.by_source.at(page.source);
      if (!same_outputs(site.pages[index], page)) return build_all(model, site_dir, stats);
      menus = menus || !same_navigation(site.pages[index], page);
      site.pages[index] = std::move(page);  // same slot: the navigation pointers stay valid
      touched.push_back(index);
    }
    if (menus) {
      index_site(site);  // menus sorted again by order and title
      m_scratch.clear();
    }
    // Replace the reading findings of the re-read pages, keep the others'.
    std::erase_if(site.diagnostics, [&](const Diagnostic& d) {
      for (std::size_t index : touched)
        if (d.where.file == site.pages[index].display) return true;
      return false;
    });
    site.diagnostics.insert(site.diagnostics.end(), reading.begin(), reading.end());
    if (menus)
      m_findings.check_all(site, model);
    else
      m_findings.recheck(site, model, touched);
    m_unwritten.insert(touched.begin(), touched.end());
    m_menus_changed = m_menus_changed || menus;
    Diagnostics findings = m_findings.all(site);
    if (count_errors(findings) > 0) return findings;  // written once every error is fixed
    write_pending(model, site_dir, stats);
    return findings;
  }

  std::vector<fs::path> watched() const override {
    std::vector<fs::path> paths = {content_dir_of(m_project), m_project.find("templates/site")};
    return paths;
  }

 private:
  /// Writes the re-read pages, their aliases and search parts; after a menu change, also every
  /// file whose view of the other pages changed (its fingerprint, as `tampon build` compares).
  void write_pending(const Model& model, const fs::path& site_dir, serve::UpdateStats& stats) {
    const SiteModel& site = *m_site;
    std::set<std::string> written;
    std::set<std::size_t> entries(m_unwritten.begin(), m_unwritten.end());
    if (m_menus_changed) {
      for (const SiteFile& file : site_files(site)) {
        if (file.kind == FileKind::SearchPart) continue;
        std::string& shown = m_shown[file.output];
        if (shown == file.fingerprint) continue;
        shown = file.fingerprint;
        write(model, file, site_dir, stats);
        written.insert(file.output);
      }
      for (std::size_t index : m_unwritten)  // a section's title shows in its pages' entries
        if (site.pages[index].section_index)
          for (std::size_t i = 0; i < site.pages.size(); ++i)
            if (site.pages[i].section == site.pages[index].section) entries.insert(i);
    }
    for (std::size_t index : m_unwritten) {
      const Page& page = site.pages[index];
      if (!written.contains(page.output))
        write(model, {page.output, FileKind::Page, index}, site_dir, stats);
      for (const std::string& alias : page.meta.aliases)  // they show its title
        if (std::string out = alias_output(alias); !out.empty())
          write(model, {out, FileKind::Alias, index}, site_dir, stats);
    }
    std::set<std::size_t> parts;
    for (std::size_t index : entries)
      parts.insert(m_search.replace(index, search_entry_json(site, site.pages[index])));
    for (std::size_t part : parts)  // not counted: the pages are what the user edited
      write_atomically(m_writes, site_dir, site_dir / search_part_path(part),
                       m_search.part_json(part));
    m_unwritten.clear();
    m_menus_changed = false;
  }

  /// Anything but an edit of an existing page's Markdown rebuilds everything.
  bool needs_full_rebuild(const std::vector<fs::path>& changed) const {
    std::error_code ec;
    for (const fs::path& file : changed) {
      if (file.extension() != ".md" || !fs::is_regular_file(file, ec)) return true;
      auto rel = file.lexically_relative(m_site->content_dir);
      if (rel.empty() || *rel.begin() == "..") return true;
      if (!m_site->page_by_source(rel.generic_string())) return true;
    }
    return false;
  }

  void write(const Model& model, const SiteFile& file, const fs::path& site_dir,
             serve::UpdateStats& stats) {
    std::string bytes;
    const CopiedFile* copy = nullptr;
    fs::path target = site_dir / file.output;
    if (!produce(*m_site, model, file, bytes, copy, m_scratch)) {
      const fs::path& from = copy->source;
      std::error_code ec;
      make_real_folders(site_dir, target.parent_path());
      if (fs::is_regular_file(fs::symlink_status(target, ec)) &&
          fs::file_size(target, ec) == fs::file_size(from, ec) &&
          fs::last_write_time(target, ec) >= fs::last_write_time(from, ec))
        return;  // assets rarely change: skip the copy
      // Neither end follows a link: the source (io/source_file.hpp) nor the target.
      write_atomically(m_writes, site_dir, target, read_copied(*copy));
    } else {
      write_atomically(m_writes, site_dir, target, bytes);
    }
    ++stats.pages_rendered;
  }

  ProjectContext m_project;
  bool m_live_reload;
  std::shared_ptr<SiteModel> m_site;
  std::string m_content_display;
  Findings m_findings;
  SearchIndex m_search;
  std::set<std::size_t> m_unwritten;           ///< pages re-read and not written yet
  bool m_menus_changed = false;                ///< since the last write
  std::map<std::string, std::string> m_shown;  ///< output → its fingerprint last written
  PageScratch m_scratch;                       ///< of m_site, cleared when its menus change
  unsigned m_writes = 0;                       ///< temporary files written
};

}  // namespace

std::unique_ptr<serve::SiteSession> make_site_session(const ProjectContext& project,
                                                      bool live_reload) {
  return std::make_unique<Session>(project, live_reload);
}

}  // namespace tampon::site
