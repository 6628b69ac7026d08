#include "site_links.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "tampon/suggest.hpp"

namespace tampon::site {
namespace {

/// Joins `base` (a folder, '/'-separated, may be empty) and `rel`, resolving "." and "..".
/// Returns false when the path climbs above the root.
bool normalize(std::string_view base, std::string_view rel, std::string& out) {
  std::vector<std::string> parts;
  auto push_all = [&](std::string_view text) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t next = text.find('/', pos);
      if (next == std::string_view::npos) next = text.size();
      std::string_view part = text.substr(pos, next - pos);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      pos = next + 1;
    }
    return true;
  };
  if (!push_all(base) || !push_all(rel)) return false;
  out.clear();
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return true;
}

std::string folder_of(const std::string& source) {
  auto slash = source.rfind('/');
  return slash == std::string::npos ? std::string() : source.substr(0, slash);
}

bool has_scheme(std::string_view target, std::string& scheme) {
  auto colon = target.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = target[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  scheme.assign(target.substr(0, colon));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), ::tolower);
  return true;
}

bool is_generated(std::string_view path) {
  return path == k_grid_csv || path == k_search_index || path == "sitemap.xml" ||
         path == "robots.txt";
}

LinkTarget error(std::string message) {
  LinkTarget t;
  t.error = std::move(message);
  return t;
}

LinkTarget resolve_site_path(const SiteModel& site, const std::string& path) {
  LinkTarget t;
  t.path = path;
  for (const std::string& candidate :
       {path, path + "/",
        path.ends_with("index.html") ? path.substr(0, path.size() - 10) : std::string("\x01")}) {
    if (const Page* page = site.page_by_url(candidate)) {
      t.kind = LinkTarget::Kind::Page;
      t.page = page;
      t.path = page->url;
      return t;
    }
  }
  if (site.file_outputs.contains(path) || is_generated(path)) {
    t.kind = LinkTarget::Kind::File;
    return t;
  }
  return error("lien cassé : « " + path + " » n'existe pas dans le site");
}

bool anchor_exists(const Page& page, std::string_view anchor) {
  for (const Heading& h : page.body.headings)
    if (h.id == anchor) return true;
  return reserved_ids().contains(std::string(anchor));
}

// " ; vouliez-vous dire « x.md » ?" among the site's pages, written as the link would be: the
// file name for a page of the same folder, else its path from content/ with a leading "/".
std::string page_hint(const SiteModel& site, const Page& from, const std::string& source) {
  std::vector<std::string_view> sources;
  for (const Page& page : site.pages) sources.push_back(page.source);
  auto near = closest(source, sources);
  if (!near) return "";
  std::string folder = folder_of(from.source);
  std::string written = folder_of(*near) == folder
                            ? near->substr(folder.empty() ? 0 : folder.size() + 1)
                            : "/" + *near;
  return " ; vouliez-vous dire « " + written + " » ?";
}

// " ; vouliez-vous dire « #x » ?" among the page's heading anchors, or "".
std::string anchor_hint(const Page& page, std::string_view anchor) {
  std::vector<std::string_view> ids;
  for (const Heading& h : page.body.headings) ids.push_back(h.id);
  auto near = closest(anchor, ids);
  return near ? " ; vouliez-vous dire « #" + *near + " » ?" : "";
}

}  // namespace

bool is_download(std::string_view path) {
  for (std::string_view ext : {".csv", ".pdf", ".xlsx", ".ods", ".odt", ".docx", ".zip", ".json"})
    if (path.ends_with(ext)) return true;
  return false;
}

LinkTarget resolve_link(const SiteModel& site, const Page& from, std::string_view target) {
  std::string scheme;
  if (target.empty()) return error("lien vide");
  if (has_scheme(target, scheme)) {
    if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") {
      LinkTarget t;
      t.kind = LinkTarget::Kind::External;
      return t;
    }
    return error("adresse « " + scheme + ": » non autorisée (http, https, mailto ou tel)");
  }
  if (target.rfind("//", 0) == 0) return error("adresse sans protocole : écrivez https://…");
  auto hash = target.find('#');
  std::string path(target.substr(0, hash));
  std::string anchor =
      hash == std::string_view::npos ? std::string() : std::string(target.substr(hash + 1));
  LinkTarget result;
  if (path.empty()) {
    result.kind = LinkTarget::Kind::Page;
    result.page = &from;
    result.path = from.url;
  } else if (path.ends_with(".md")) {
    std::string source;
    bool absolute = path.front() == '/';
    if (!normalize(absolute ? "" : folder_of(from.source), path, source))
      return error("lien cassé : « " + path + " » sort du dossier content/");
    const Page* page = site.page_by_source(source);
    if (!page) {
      bool draft = std::find(site.drafts.begin(), site.drafts.end(), source) != site.drafts.end();
      return error(draft ? "lien vers « " + path + " », une page en brouillon (draft: true)"
                         : "lien cassé : la page « " + path + " » n'existe pas" +
                               page_hint(site, from, source));
    }
    result.kind = LinkTarget::Kind::Page;
    result.page = page;
    result.path = page->url;
  } else {
    std::string site_path;
    bool absolute = path.front() == '/';
    if (!normalize(absolute ? "" : folder_of(from.source), path, site_path))
      return error("lien cassé : « " + path + " » sort du site");
    result = resolve_site_path(site, site_path);
    if (result.kind == LinkTarget::Kind::Error) return result;
  }
  result.anchor = anchor;
  if (!anchor.empty()) {
    if (result.kind != LinkTarget::Kind::Page)
      return error("ancre « #" + anchor + " » sur un fichier qui n'est pas une page");
    if (!anchor_exists(*result.page, anchor))
      return error("ancre cassée : « #" + anchor + " » n'existe pas dans la page « " +
                   result.page->source + " »" + anchor_hint(*result.page, anchor));
  }
  return result;
}

std::string href_for(const SiteModel& site, const Page& from, const LinkTarget& target,
                     std::string_view original) {
  if (target.kind == LinkTarget::Kind::External || target.kind == LinkTarget::Kind::Error)
    return std::string(original);
  std::string anchor = target.anchor.empty() ? std::string() : "#" + target.anchor;
  if (target.page == &from && !anchor.empty()) return anchor;
  std::string href = root_prefix(site, from.output) + target.path + anchor;
  return href.empty() ? "./" : href;
}

namespace {

Diagnostic broken_link(const std::string& file, int line, int column, std::string message) {
  Diagnostic d;
  d.where = {file, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
  d.code = "site-broken-link";
  d.message = std::move(message);
  return d;
}

}  // namespace

Diagnostics check_page_links(const SiteModel& site, const Page& page) {
  Diagnostics out;
  for (const LinkRef& link : page.body.links) {
    LinkTarget t = resolve_link(site, page, link.target);
    if (t.kind == LinkTarget::Kind::Error)
      out.push_back(broken_link(page.display, link.line, link.column, t.error));
  }
  return out;
}

Diagnostics check_footer_links(const SiteModel& site) {
  Diagnostics out;
  std::vector<const FooterLink*> footer;
  for (const auto& l : site.config.legal_links) footer.push_back(&l);
  if (!site.config.accessibility_page.page.empty())
    footer.push_back(&site.config.accessibility_page);
  for (const FooterLink* link : footer)
    if (!link->page.empty() && !site.page_by_source(link->page))
      out.push_back(
          broken_link(site.config.file, static_cast<int>(link->line), 1,
                      "lien cassé : la page « " + link->page + " » n'existe pas dans content/"));
  return out;
}

Diagnostics check_links(const SiteModel& site) {
  Diagnostics out;
  for (const Page& page : site.pages) {
    Diagnostics found = check_page_links(site, page);
    out.insert(out.end(), found.begin(), found.end());
  }
  Diagnostics footer = check_footer_links(site);
  out.insert(out.end(), footer.begin(), footer.end());
  return out;
}

const Page* linked_page(const SiteModel& site, const Page& from, std::string_view target) {
  auto hash = target.find('#');
  if (hash == 0) return nullptr;  // an anchor of the page itself
  LinkTarget t = resolve_link(site, from, target.substr(0, hash));
  return t.kind == LinkTarget::Kind::Page && t.page != &from ? t.page : nullptr;
}

}  // namespace tampon::site
