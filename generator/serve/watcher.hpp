#pragma once
/// The watch-and-rebuild step of `tampon serve`, on its own so that the site benchmark times
/// exactly what the server does after an edit: notice the changed files, then build again
/// (serve/build_loop.hpp).
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <vector>

#include "io/file_digests.hpp"
#include "serve/build_loop.hpp"
#include "serve/change_feed.hpp"

namespace tampon::serve {

/// Files under a set of roots, each with its identity (one stat per file).
using Snapshot = std::map<std::string, FileIdentity, std::less<>>;
Snapshot snapshot(const std::vector<std::filesystem::path>& roots);
/// Paths added, removed or changed between two snapshots.
std::vector<std::filesystem::path> differences(const Snapshot& before, const Snapshot& after);

struct PollResult {
  bool rebuilt = false;     ///< outputs changed: the open pages reload
  std::size_t changed = 0;  ///< files seen changed (data/ counts as one)
  bool attempted = false;   ///< a build ran
  Attempt attempt;          ///< its findings and report
  double scan_ms = 0;       ///< looking for changes (every poll)
  double rebuild_ms = 0;    ///< the build (what `serve` prints)
};

class Watcher {
 public:
  Watcher(BuildLoop& loop, std::atomic<long>& version);
  /// Checks the sources once; builds again when something changed (bumping the version the
  /// pages poll when outputs changed).
  PollResult poll();
  /// Called after every build attempt with its findings (errors included, an unreadable
  /// data file or a write failure as one error): `serve` shows them over the page.
  std::function<void(const Attempt&)> on_attempt;

 private:
  void rebuild(const std::vector<std::filesystem::path>& changed, bool data_changed,
               PollResult& result);
  /// Compares the snapshots with the files now, for the paths the kernel named only.
  void refresh(const std::set<std::string>& paths, std::vector<std::filesystem::path>& changed,
               bool& data_changed);
  /// Compares everything (no notifications, lost events, and every few quiet seconds).
  void rescan(std::vector<std::filesystem::path>& changed, bool& data_changed);

  BuildLoop& m_loop;
  std::atomic<long>& m_version;
  std::vector<std::filesystem::path> m_sources, m_data;
  Snapshot m_source_snapshot, m_data_snapshot;
  ChangeFeed m_feed;
  int m_quiet_polls = 0;  ///< polls without events since the last full scan
};

}  // namespace tampon::serve
