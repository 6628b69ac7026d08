#pragma once
/// Operations below --out that never follow a symbolic link. Every folder on the way is opened
/// from the root's descriptor with O_NOFOLLOW | O_DIRECTORY, and files are created, renamed and
/// removed relative to their folder's descriptor (openat, renameat, unlinkat): a link planted
/// in out/ (`out/site -> ../ailleurs`) makes the call fail instead of writing elsewhere.
/// --out itself may be a link: that one the user chose.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "write/fault_injection.hpp"

namespace tampon {

/// An open descriptor, closed on destruction.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd();
  Fd(Fd&& other) noexcept : m_fd(other.release()) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }
  explicit operator bool() const { return m_fd >= 0; }
  int release() {
    int fd = m_fd;
    m_fd = -1;
    return fd;
  }

 private:
  int m_fd = -1;
};

class OutFolder {
 public:
  /// Opens --out, creating it (and its parents) when missing; `created` tells which.
  /// Throws Fatal when it cannot.
  explicit OutFolder(std::filesystem::path root);
  const std::filesystem::path& root() const { return m_root; }
  int fd() const { return m_fd.get(); }
  bool created() const { return m_created; }

  /// The folder `relative` ('/'-separated, "" for --out), every part opened without following
  /// links. A missing part: an empty Fd, or the part is made when `create`. Throws Fatal when a
  /// part is a link, a file, or cannot be made.
  Fd folder(std::string_view relative, bool create, const FaultInjector* faults = nullptr) const;
  /// Why the folder `relative` cannot receive outputs (a part of it is a link or a file), or
  /// nullopt. Missing parts are fine: they will be made; `missing`, when given, receives the
  /// first missing part ("a/b" of "a/b/c"), or stays empty when every part is there. Many
  /// folders: FolderWalk.
  std::optional<std::string> blocked(std::string_view relative,
                                     std::string* missing = nullptr) const;

  /// Renames `from` (relative to `from_dir`) to `to` (relative to `to_dir`). Throws Fatal.
  void rename(int from_dir, const std::string& from, int to_dir, const std::string& to,
              std::string_view display, const FaultInjector* faults) const;
  /// Removes the file `name` of `dir`, never following a link; missing is not an error.
  /// Returns false when `name` is a folder (left in place). Throws Fatal on failure.
  bool remove_file(int dir, const std::string& name, std::string_view display,
                   const FaultInjector* faults) const;
  /// Removes the folder `relative` and everything in it, never following a link. Missing is
  /// not an error.
  void remove_tree(std::string_view relative) const;
  /// Removes the empty folders of `relative_dir`, deepest first, up to --out (excluded).
  void prune_empty(std::string_view relative_dir) const;
  /// Flushes the whole file system of --out to disk (syncfs): the barrier of a large commit.
  void sync(const FaultInjector* faults) const;
  /// Flushes one file, or one folder's names, of --out to disk (fsync), opened without
  /// following a link: the barrier of a small commit, which syncfs would make wait for every
  /// other program's unwritten data on the same file system. A missing one is skipped (a
  /// removal may have pruned its folder, or a file taken the place of that folder). Throws
  /// Fatal.
  void sync_file(std::string_view relative, const FaultInjector* faults) const;
  void sync_folder(std::string_view relative, const FaultInjector* faults) const;
  /// The same for every file and folder under the folder `relative`, and the folder itself.
  void sync_tree(std::string_view relative, const FaultInjector* faults) const;

  /// `relative` under --out, as messages print it.
  std::filesystem::path display(std::string_view relative) const { return m_root / relative; }

 private:
  std::filesystem::path m_root;
  Fd m_fd;
  bool m_created = false;
};

/// `OutFolder::blocked` for many folders, each part opened once: the folders of a build come
/// sorted, so siblings share their parent's descriptor and a last part is only looked at
/// (fstatat), not opened. A 1 000-page site's folders cost about 1 000 system calls instead of
/// 11 000, which were most of a `serve` rebuild. At most one descriptor per level is open.
class FolderWalk {
 public:
  explicit FolderWalk(const OutFolder& out) : m_out(out) {}
  std::optional<std::string> blocked(std::string_view relative, std::string* missing = nullptr);

 private:
  const OutFolder& m_out;
  /// The folders open from --out down, each the parent of the next ("site", "site/aide").
  std::vector<std::pair<std::string, Fd>> m_open;
};

/// Removes everything in the folder open as `dir` (not the folder itself), never following a
/// link: what the unlinking of a staging tree needs.
void remove_contents(int dir);

/// The parent folder ("a/b" of "a/b/c.pdf", "" for "c.pdf") and the last part of a path.
std::pair<std::string_view, std::string_view> split_parent(std::string_view relative);

}  // namespace tampon
