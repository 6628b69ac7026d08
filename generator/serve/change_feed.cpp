#include "serve/change_feed.hpp"

#ifdef __linux__
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace tampon::serve {

namespace fs = std::filesystem;

#ifdef __linux__

namespace {
constexpr std::uint32_t k_events = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                                   IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
}

ChangeFeed::ChangeFeed(const std::vector<fs::path>& roots) {
  m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (m_fd < 0) return;
  for (const fs::path& root : roots) watch_tree(root);
}

ChangeFeed::~ChangeFeed() {
  if (m_fd >= 0) ::close(m_fd);
}

void ChangeFeed::watch_tree(const fs::path& root) {
  std::error_code ec;
  if (m_fd < 0 || !fs::is_directory(root, ec)) return;
  auto add = [&](const fs::path& folder) {
    int wd = inotify_add_watch(m_fd, folder.c_str(), k_events);
    if (wd < 0) {  // out of watches: give up on notifications, the caller scans
      ::close(m_fd);
      m_fd = -1;
      return false;
    }
    std::string name = folder.string();
    while (name.size() > 1 && name.back() == '/') name.pop_back();  // "a/" + "/x" would not match
    m_folders[wd] = name;
    return true;
  };
  if (!add(root)) return;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_directory(ec) && !add(it->path())) return;
}

std::set<std::string> ChangeFeed::take(bool& lost) {
  std::set<std::string> paths;
  lost = false;
  alignas(inotify_event) char buffer[16384];
  while (m_fd >= 0) {
    ssize_t n = ::read(m_fd, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more for now
    for (ssize_t pos = 0; pos < n;) {
      auto* event = reinterpret_cast<const inotify_event*>(buffer + pos);
      pos += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) lost = true;
      auto folder = m_folders.find(event->wd);
      if (folder == m_folders.end()) continue;
      if (event->mask & IN_IGNORED) {  // the folder is gone
        paths.insert(folder->second);
        m_folders.erase(folder);
        continue;
      }
      std::string path = folder->second;
      if (event->len) {
        path += '/';
        path.append(event->name);  // NUL-terminated inside its padded length
      }
      paths.insert(path);
      if ((event->mask & (IN_CREATE | IN_MOVED_TO)) && (event->mask & IN_ISDIR)) watch_tree(path);
    }
  }
  if (m_fd < 0) lost = true;
  return paths;
}

#else

ChangeFeed::ChangeFeed(const std::vector<fs::path>&) {}
ChangeFeed::~ChangeFeed() = default;
void ChangeFeed::watch_tree(const fs::path&) {}
std::set<std::string> ChangeFeed::take(bool& lost) {
  lost = true;
  return {};
}

#endif

}  // namespace tampon::serve
