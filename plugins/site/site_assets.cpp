#include "site_assets.hpp"

#include <algorithm>
#include <set>

#include "io/source_file.hpp"

namespace tampon::site {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_dsfr_files[] = {"dsfr.min.css",
                                        "dsfr.module.min.js",
                                        "dsfr.nomodule.min.js",
                                        "favicon/favicon.svg",
                                        "favicon/favicon.ico",
                                        "favicon/apple-touch-icon.png",
                                        "favicon/manifest.webmanifest",
                                        "favicon/android-chrome-192x192.png",
                                        "favicon/android-chrome-512x512.png"};

/// Relative files a stylesheet points to with url(…), data: URIs excepted.
std::set<std::string> css_references(const fs::path& css, const SourceRoot& root,
                                     PrepareContext& ctx) {
  std::string text;
  std::set<std::string> refs;
  // The stylesheet is also copied: digested as read, planning does not read its 1 MB again.
  if (!ctx.read_source(css, root, text)) return refs;
  for (std::size_t pos = text.find("url("); pos != std::string::npos;
       pos = text.find("url(", pos + 4)) {
    std::size_t end = text.find(')', pos);
    if (end == std::string::npos) break;
    std::string ref = text.substr(pos + 4, end - pos - 4);
    if (!ref.empty() && (ref.front() == '"' || ref.front() == '\''))
      ref = ref.substr(1, ref.size() - 2);
    if (ref.rfind("data:", 0) == 0 || ref.find("..") != std::string::npos || ref.empty() ||
        ref.find(':') != std::string::npos)
      continue;
    refs.insert(ref.substr(0, ref.find_first_of("?#")));
  }
  return refs;
}

}  // namespace

fs::path find_dsfr(const ProjectContext& project) {
  std::error_code ec;
  for (const fs::path& base : {project.project_dir, project.shipped_dir}) {
    fs::path dist = base / "node_modules" / "@gouvfr" / "dsfr" / "dist";
    if (fs::is_regular_file(dist / "dsfr.min.css", ec)) return dist;
  }
  return {};
}

std::vector<CopiedFile> find_assets(PrepareContext& ctx, Diagnostics& diagnostics) {
  const ProjectContext& project = ctx.project();
  std::vector<CopiedFile> assets;
  fs::path dist = find_dsfr(project);
  std::error_code ec;
  if (dist.empty()) {
    Diagnostic d;
    d.code = "site-dsfr-missing";
    d.message =
        "système de design de l'État introuvable (node_modules/@gouvfr/dsfr) : lancez "
        "« npm ci » à la racine du projet ou de l'outil";
    diagnostics.push_back(std::move(d));
  } else {
    // The design system is installed software (npm), not the project's writing: its files must
    // stay inside its own dist/ folder, wherever node_modules really is.
    SourceRoot root(dist, "");
    std::set<std::string> files(std::begin(k_dsfr_files), std::end(k_dsfr_files));
    files.merge(css_references(dist / "dsfr.min.css", root, ctx));
    for (const std::string& rel : files)
      if (fs::is_regular_file(dist / rel, ec)) assets.push_back({dist / rel, "dsfr/" + rel, root});
  }
  fs::path own = project.find("templates/site/assets");
  if (fs::is_directory(own, ec)) {
    SourceRoot root = SourceRoot::of(project, own, "templates");
    std::vector<CopiedFile> mine;
    for (const auto& entry : fs::directory_iterator(own, ec)) {
      SourceStatus status = classify_entry(entry.path(), root);
      if (!status) {
        // As in content/: a link out of templates/ is an error, debris a warning; editors'
        // hidden lock links (".#style.css") and links to folders are not the site's.
        bool hidden = entry.path().filename().string().front() == '.';
        if (!hidden && status.problem != SourceProblem::directory)
          diagnostics.push_back(
              walk_diagnostic(status, project.display(entry.path()), "site-template"));
        continue;
      }
      mine.push_back({entry.path(), "assets/" + entry.path().filename().string(), root});
    }
    std::sort(mine.begin(), mine.end(),
              [](const CopiedFile& a, const CopiedFile& b) { return a.output < b.output; });
    assets.insert(assets.end(), mine.begin(), mine.end());
  }
  return assets;
}

}  // namespace tampon::site
