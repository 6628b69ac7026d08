#include "serve/out_watch.hpp"

#include <set>

namespace tampon::serve {

namespace fs = std::filesystem;

OutWatch::OutWatch(const fs::path& out_dir) {
  m_out = out_dir.lexically_normal().string();
  while (m_out.size() > 1 && m_out.back() == '/') m_out.pop_back();
  m_site = m_out + "/site";
}

OutWatch::~OutWatch() = default;

bool OutWatch::as_left() {
  if (m_feed) {
    bool lost = false;
    std::set<std::string> events = m_feed->take(lost);
    if (!lost && events.empty() && m_feed->watching()) return m_clean;
  }
  // Watched from before this build, which checks everything: what it sees, and what happens
  // while it runs, is then known.
  m_feed.reset();
  m_clean = false;
  std::error_code ec;
  if (fs::is_directory(m_site, ec))
    m_feed = std::make_unique<ChangeFeed>(std::vector{fs::path(m_site)});
  return false;
}

void OutWatch::settle(const std::vector<std::string>& touched) {
  if (!m_feed) return;
  bool lost = false;
  std::set<std::string> events = m_feed->take(lost);
  // This build's own changes: each output placed or removed, and the folders made or pruned on
  // its way (below out/site: an event on out/site itself is never this build's).
  std::set<std::string> own;
  for (const std::string& path : touched) {
    std::string full = m_out + "/" + path;
    while (full.size() > m_site.size() && full.starts_with(m_site + "/")) {
      if (!own.insert(full).second) break;  // its parents are in already
      full.resize(full.rfind('/'));
    }
  }
  m_clean = !lost && m_feed->watching();
  for (const std::string& event : events)
    if (!own.contains(event)) m_clean = false;
  if (!m_clean) m_feed.reset();  // the next build checks everything and watches again
}

}  // namespace tampon::serve
