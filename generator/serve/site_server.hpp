#pragma once
/// The HTTP side of `tampon serve`: files under the site folder only, and the version counter
/// the pages poll to reload themselves.
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tampon::serve {

/// The file a URL path names under `site_dir` ("/guide/" → guide/index.html), or nothing when
/// the path tries to leave the folder or names nothing. Never follows a path outside it.
std::optional<std::filesystem::path> resolve_request(const std::filesystem::path& site_dir,
                                                     std::string_view url_path);

/// Content-Type for a file name.
std::string_view media_type(const std::filesystem::path& file);

}  // namespace tampon::serve
