#include "write/out_folder.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <vector>

#include "tampon/diagnostic.hpp"
#include "write/io_error.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

constexpr int k_folder_flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

std::vector<std::string_view> parts_of(std::string_view relative) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start < relative.size()) {
    std::size_t end = relative.find('/', start);
    if (end == std::string_view::npos) end = relative.size();
    if (end > start) parts.push_back(relative.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Why what lstat says of a path is not a folder Tampon may go through.
std::optional<std::string> not_a_folder(const struct stat& st) {
  if (S_ISLNK(st.st_mode))
    return "est un lien symbolique : Tampon n'écrit ni ne supprime à travers un lien ; "
           "remplacez-le par un dossier ou choisissez un autre --out";
  if (!S_ISDIR(st.st_mode)) return "n'est pas un dossier : déplacez ou supprimez ce fichier";
  return std::nullopt;
}

// The same for `name` in `dir`.
std::optional<std::string> not_a_folder(int dir, const std::string& name) {
  struct stat st {};
  if (::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
  return not_a_folder(st);
}

}  // namespace

Fd::~Fd() {
  if (m_fd >= 0) ::close(m_fd);
}

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = other.release();
  }
  return *this;
}

std::pair<std::string_view, std::string_view> split_parent(std::string_view relative) {
  auto slash = relative.rfind('/');
  if (slash == std::string_view::npos) return {std::string_view(), relative};
  return {relative.substr(0, slash), relative.substr(slash + 1)};
}

OutFolder::OutFolder(fs::path root) : m_root(std::move(root)) {
  std::error_code ec;
  if (!fs::exists(m_root, ec)) {
    fs::create_directories(m_root, ec);
    if (ec) throw_io("impossible de créer le dossier de sortie", m_root, ec.value());
    m_created = true;
  }
  m_fd = Fd(::open(m_root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!m_fd) throw_io("impossible d'ouvrir le dossier de sortie", m_root, errno);
}

Fd OutFolder::folder(std::string_view relative, bool create, const FaultInjector* faults) const {
  Fd current(::dup(m_fd.get()));
  if (!current) throw_io("impossible d'ouvrir", m_root, errno);
  std::string so_far;
  for (std::string_view part : parts_of(relative)) {
    std::string name(part);
    if (!so_far.empty()) so_far += '/';
    so_far += name;
    Fd next(::openat(current.get(), name.c_str(), k_folder_flags));
    if (!next && errno == ENOENT) {
      if (!create) return Fd();
      if (int error = injected(faults, FsOp::Write, so_far))
        throw_io("impossible de créer le dossier", display(so_far), error);
      if (::mkdirat(current.get(), name.c_str(), 0777) != 0 && errno != EEXIST)
        throw_io("impossible de créer le dossier", display(so_far), errno);
      next = Fd(::openat(current.get(), name.c_str(), k_folder_flags));
    }
    if (!next) {
      int error = errno;
      if (auto why = not_a_folder(current.get(), name))
        throw Fatal(display(so_far).string() + " " + *why);
      throw_io("impossible d'ouvrir le dossier", display(so_far), error);
    }
    current = std::move(next);
  }
  return current;
}

std::optional<std::string> OutFolder::blocked(std::string_view relative,
                                              std::string* missing) const {
  return FolderWalk(*this).blocked(relative, missing);
}

std::optional<std::string> FolderWalk::blocked(std::string_view relative, std::string* missing) {
  std::vector<std::string_view> parts = parts_of(relative);
  // Keep the open folders that lead to `relative`; close the others.
  std::string so_far;
  std::size_t depth = 0;
  for (; depth < parts.size() && depth < m_open.size(); ++depth) {
    std::string next =
        depth == 0 ? std::string(parts[0]) : so_far + "/" + std::string(parts[depth]);
    if (m_open[depth].first != next) break;
    so_far = std::move(next);
  }
  m_open.erase(m_open.begin() + static_cast<std::ptrdiff_t>(depth), m_open.end());
  for (; depth < parts.size(); ++depth) {
    std::string name(parts[depth]);
    if (!so_far.empty()) so_far += '/';
    so_far += name;
    int parent = m_open.empty() ? m_out.fd() : m_open.back().second.get();
    if (depth + 1 == parts.size()) {  // the last part: only what it is
      struct stat st {};
      if (::fstatat(parent, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (missing) *missing = so_far;  // made at commit
        return std::nullopt;
      }
      if (auto why = not_a_folder(st)) return m_out.display(so_far).string() + " " + *why;
      return std::nullopt;
    }
    Fd next(::openat(parent, name.c_str(), k_folder_flags));
    if (!next) {
      if (auto why = not_a_folder(parent, name)) return m_out.display(so_far).string() + " " + *why;
      if (missing) *missing = so_far;  // made at commit
      return std::nullopt;
    }
    m_open.emplace_back(so_far, std::move(next));
  }
  return std::nullopt;
}

void OutFolder::rename(int from_dir, const std::string& from, int to_dir, const std::string& to,
                       std::string_view display_path, const FaultInjector* faults) const {
  int error = injected(faults, FsOp::Rename, display_path);
  if (error == 0 && ::renameat(from_dir, from.c_str(), to_dir, to.c_str()) != 0) error = errno;
  if (error) throw_io("impossible de mettre en place", display(display_path), error);
}

bool OutFolder::remove_file(int dir, const std::string& name, std::string_view display_path,
                            const FaultInjector* faults) const {
  int error = injected(faults, FsOp::Remove, display_path);
  if (error == 0 && ::unlinkat(dir, name.c_str(), 0) != 0) error = errno;
  if (error == 0 || error == ENOENT) return true;
  if (error == EISDIR) return false;
  throw_io("impossible de supprimer", display(display_path), error);
}

void remove_contents(int dir) {
  Fd listing(::dup(dir));
  DIR* d = listing ? ::fdopendir(listing.get()) : nullptr;
  if (!d) return;
  listing.release();  // owned by d now
  std::vector<std::string> names;
  while (dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  ::closedir(d);
  for (const auto& name : names) {
    if (::unlinkat(dir, name.c_str(), 0) == 0) continue;
    Fd child(::openat(dir, name.c_str(), k_folder_flags));
    if (!child) continue;
    remove_contents(child.get());
    ::unlinkat(dir, name.c_str(), AT_REMOVEDIR);
  }
}

void OutFolder::remove_tree(std::string_view relative) const {
  auto [parent, name] = split_parent(relative);
  Fd dir = folder(parent, false);
  if (!dir) return;
  std::string leaf(name);
  if (::unlinkat(dir.get(), leaf.c_str(), 0) == 0) return;  // a file or a link
  Fd child(::openat(dir.get(), leaf.c_str(), k_folder_flags));
  if (!child) return;
  remove_contents(child.get());
  ::unlinkat(dir.get(), leaf.c_str(), AT_REMOVEDIR);
}

void OutFolder::prune_empty(std::string_view relative_dir) const {
  std::string_view dir = relative_dir;
  while (!dir.empty()) {
    auto [parent, name] = split_parent(dir);
    Fd parent_fd = folder(parent, false);
    if (!parent_fd) return;
    // Fails, as wanted, on a folder that is not empty.
    if (::unlinkat(parent_fd.get(), std::string(name).c_str(), AT_REMOVEDIR) != 0) return;
    dir = parent;
  }
}

namespace {

void fsync_or_throw(int fd, const fs::path& display, const FaultInjector* faults,
                    std::string_view relative) {
  // "" is the whole file system's syncfs for the injector (OutFolder::sync); --out is ".".
  int error = injected(faults, FsOp::Sync, relative.empty() ? std::string_view(".") : relative);
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (error) throw_io("impossible d'enregistrer sur le disque", display, error);
}

// Every file and folder under the folder open as `dir` (`relative` under --out), deepest
// first, then `dir` itself; links and other special files are left alone (never staged).
void sync_contents(const OutFolder& out, int dir, const std::string& relative,
                   const FaultInjector* faults) {
  int listing = ::dup(dir);
  DIR* stream = listing < 0 ? nullptr : ::fdopendir(listing);
  if (!stream) {
    if (listing >= 0) ::close(listing);
    throw_io("impossible de lire le dossier", out.display(relative), errno);
  }
  std::vector<std::pair<std::string, bool>> entries;  // name, is a folder
  while (dirent* e = ::readdir(stream)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    struct stat st {};
    if (::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)) entries.emplace_back(name, S_ISDIR(st.st_mode));
  }
  ::closedir(stream);
  for (const auto& [name, is_folder] : entries) {
    std::string inside = relative + "/" + name;
    Fd fd(::openat(dir, name.c_str(),
                   (is_folder ? k_folder_flags : O_RDONLY | O_NOFOLLOW | O_CLOEXEC) | O_NONBLOCK));
    if (!fd) throw_io("impossible d'ouvrir", out.display(inside), errno);
    if (is_folder)
      sync_contents(out, fd.get(), inside, faults);
    else
      fsync_or_throw(fd.get(), out.display(inside), faults, inside);
  }
  fsync_or_throw(dir, out.display(relative), faults, relative);
}

}  // namespace

void OutFolder::sync_file(std::string_view relative, const FaultInjector* faults) const {
  auto [parent, name] = split_parent(relative);
  Fd dir = folder(parent, false);
  if (!dir) return;
  Fd fd(::openat(dir.get(), std::string(name).c_str(),
                 O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  if (!fd) {
    if (errno == ENOENT) return;
    throw_io("impossible d'ouvrir", display(relative), errno);
  }
  fsync_or_throw(fd.get(), display(relative), faults, relative);
}

void OutFolder::sync_folder(std::string_view relative, const FaultInjector* faults) const {
  // Not OutFolder::folder, which refuses a file or a link on the way: after a commit, a
  // removal's folder may be gone or replaced by a file of its name, and is then skipped (a link
  // is never followed: nothing of ours is behind one).
  Fd current(::dup(m_fd.get()));
  if (!current) throw_io("impossible d'ouvrir", m_root, errno);
  for (std::string_view part : parts_of(relative)) {
    Fd next(::openat(current.get(), std::string(part).c_str(), k_folder_flags));
    if (!next) {
      if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP) return;
      throw_io("impossible d'ouvrir le dossier", display(relative), errno);
    }
    current = std::move(next);
  }
  fsync_or_throw(current.get(), display(relative), faults, relative);
}

void OutFolder::sync_tree(std::string_view relative, const FaultInjector* faults) const {
  Fd dir = folder(relative, false);
  if (dir) sync_contents(*this, dir.get(), std::string(relative), faults);
}

void OutFolder::sync(const FaultInjector* faults) const {
  int error = injected(faults, FsOp::Sync, "");
  if (error == 0 && ::syncfs(m_fd.get()) != 0) error = errno;
  if (error) throw_io("impossible d'enregistrer sur le disque le contenu de", m_root, error);
}

}  // namespace tampon
