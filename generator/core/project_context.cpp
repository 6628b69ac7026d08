#include "tampon/emitter.hpp"

namespace tampon {

std::filesystem::path ProjectContext::find(std::string_view relative) const {
  std::filesystem::path own = project_dir / relative;
  std::error_code ec;
  // symlink_status: a link in the project (even broken, or leading out of it) is the project's
  // file, which its reader refuses with a message; it must not silently give way to the
  // shipped file.
  if (std::filesystem::exists(std::filesystem::symlink_status(own, ec))) return own;
  return shipped_dir / relative;
}

std::string ProjectContext::display(const std::filesystem::path& path) const {
  // Lexically first: a link in the project is shown by its own name, not by where it leads
  // (fs::relative resolves links).
  auto lexical = path.lexically_relative(project_dir);
  if (path.is_absolute() && !lexical.empty() && *lexical.begin() != "..")
    return lexical.generic_string();
  std::error_code ec;
  auto rel = std::filesystem::relative(path, project_dir, ec);
  if (!ec && !rel.empty() && *rel.begin() != "..") return rel.generic_string();
  auto shipped = std::filesystem::relative(path, shipped_dir, ec);
  if (!ec && !shipped.empty() && *shipped.begin() != "..")
    return "<tampon>/" + shipped.generic_string();
  return path.generic_string();
}

}  // namespace tampon
