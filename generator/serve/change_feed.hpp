#pragma once
/// Which watched files may have changed since the last call, from the kernel (Linux inotify)
/// rather than by listing and stat-ing every file of the site on each poll: with 1 000 pages
/// that scan alone took 5 to 10 ms, more than the rebuild of the edited page.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tampon::serve {

class ChangeFeed {
 public:
  /// Watches every folder under `roots` (roots that do not exist are ignored).
  explicit ChangeFeed(const std::vector<std::filesystem::path>& roots);
  ~ChangeFeed();
  ChangeFeed(const ChangeFeed&) = delete;
  ChangeFeed& operator=(const ChangeFeed&) = delete;

  /// False when the kernel cannot notify (not Linux, no inotify, limit reached): poll by scanning.
  bool active() const { return m_fd >= 0; }
  /// Active, with at least one folder watched (a root that did not exist watches nothing).
  bool watching() const { return m_fd >= 0 && !m_folders.empty(); }
  /// The paths named by the events received since the last call (files or folders, created,
  /// written, moved or deleted); folders created since are watched from now on. Sets `lost`
  /// when the kernel dropped events (queue overflow): the caller must scan everything.
  std::set<std::string> take(bool& lost);

 private:
  void watch_tree(const std::filesystem::path& root);
  int m_fd = -1;
  std::map<int, std::string> m_folders;  ///< watch descriptor → folder
};

}  // namespace tampon::serve
