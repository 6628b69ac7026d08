#include "serve/site_server.hpp"

#include <algorithm>

namespace tampon::serve {
namespace {

namespace fs = std::filesystem;

/// Rejects anything that could climb out: "..", backslashes, NUL, drive letters.
bool safe_segments(std::string_view path) {
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos)
    return false;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    std::string_view part = path.substr(pos, next - pos);
    if (part == ".." || part == "." || part.find(':') != std::string_view::npos) return false;
    pos = next + 1;
  }
  return true;
}

bool inside(const fs::path& root, const fs::path& file) {
  auto r = root.begin(), f = file.begin();
  for (; r != root.end(); ++r, ++f)
    if (f == file.end() || *r != *f) return false;
  return true;
}

}  // namespace

std::optional<fs::path> resolve_request(const fs::path& site_dir, std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  std::string_view rel = url_path.substr(1);
  if (!safe_segments(rel)) return std::nullopt;
  std::error_code ec;
  fs::path root = fs::canonical(site_dir, ec);
  if (ec) return std::nullopt;
  fs::path candidate = root / fs::path(std::string(rel));
  if (rel.empty() || rel.back() == '/') candidate /= "index.html";
  fs::path real = fs::canonical(candidate, ec);  // resolves symbolic links too
  if (ec || !inside(root, real) || !fs::is_regular_file(real, ec)) return std::nullopt;
  return real;
}

std::string_view media_type(const fs::path& file) {
  static const std::pair<std::string_view, std::string_view> k_types[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".pdf", "application/pdf"}};
  std::string ext = file.extension().string();
  for (const auto& [e, type] : k_types)
    if (e == ext) return type;
  return "application/octet-stream";
}

}  // namespace tampon::serve
