#include "io/file_digests.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <optional>

#include "io/sha256.hpp"
#include "io/source_file.hpp"
#include "io/whole_file.hpp"
#include "tampon/diagnostic.hpp"

namespace tampon {

std::optional<FileIdentity> file_identity(const struct stat& st) {
  if (!S_ISREG(st.st_mode)) return std::nullopt;
  auto ns = [](const timespec& t) {
    return static_cast<long long>(t.tv_sec) * 1000000000 + t.tv_nsec;
  };
  return FileIdentity{static_cast<std::uintmax_t>(st.st_size), ns(st.st_mtim), ns(st.st_ctim),
                      static_cast<std::uintmax_t>(st.st_ino)};
}

std::optional<FileIdentity> file_identity(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return file_identity(st);
}

std::optional<FileIdentity> file_identity(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  return file_identity(st);
}

bool FileDigests::trusted(const std::string& path) const {
  for (const std::string& root : m_trusted_roots)
    if (path.size() > root.size() && path.starts_with(root) && path[root.size()] == '/')
      return true;
  return false;
}

void FileDigests::trust_under(std::vector<std::filesystem::path> roots) {
  std::lock_guard lock(m_mutex);
  m_trusted_roots.clear();
  for (const auto& root : roots) {
    std::string normal = root.lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    m_trusted_roots.push_back(std::move(normal));
  }
}

void FileDigests::forget(const std::vector<std::filesystem::path>& paths) {
  std::lock_guard lock(m_mutex);
  for (const auto& path : paths) {
    m_entries.erase(path.string());
    m_entries.erase(path.lexically_normal().string());
  }
}

std::optional<std::string> FileDigests::trusted_digest(const std::string& path) const {
  // Only a path written the normal way: "content/./a.md" would not be the name the watcher
  // reports when it changes.
  if (m_trusted_roots.empty() || !trusted(path) || path.find("/.") != std::string::npos ||
      path.find("//") != std::string::npos)
    return std::nullopt;
  std::lock_guard lock(m_mutex);
  if (auto it = m_entries.find(path); it != m_entries.end()) return it->second.sha256;
  return std::nullopt;
}

std::string FileDigests::digest(const std::filesystem::path& path) {
  std::string key = path.string();
  if (auto known = trusted_digest(key)) return *known;
  auto before = file_identity(path);
  if (!before) return "absent";
  {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it != m_entries.end() && it->second.identity == *before) return it->second.sha256;
  }
  // Opened like a source (never blocking, regular files only): a FIFO swapped in after the
  // stat above must not hang the planner.
  std::string bytes;
  if (!read_source(path, SourceRoot(), bytes)) return "absent";
  std::string sha = sha256_hex(bytes);
  std::lock_guard lock(m_mutex);
  ++m_hashed;
  // Remembered only if the file did not change while it was read.
  if (file_identity(path) == before) m_entries[key] = Entry{*before, sha};
  return sha;
}

void FileDigests::remember(const std::filesystem::path& path, const FileIdentity& identity,
                           std::string sha256) {
  std::lock_guard lock(m_mutex);
  m_entries[path.string()] = Entry{identity, std::move(sha256)};
}

std::size_t FileDigests::files_hashed() const {
  std::lock_guard lock(m_mutex);
  return m_hashed;
}

SourceStatus FileDigests::read(const std::filesystem::path& path, const SourceRoot& root,
                               std::string& out) {
  SourceStatus status;
  FileIdentity before;
  int fd = open_source(path, root, status, &before);
  if (fd < 0) return status;
  bool read = read_whole_fd(fd, out, before.size);
  if (!read) status = SourceStatus{SourceProblem::unreadable, errno, {}};
  // Remembered only if the file did not change while it was read.
  if (read && file_identity(fd) == before) remember(path, before, sha256_hex(out));
  ::close(fd);
  return status;
}

}  // namespace tampon
