#pragma once
/// The watch-and-rebuild step of `tampon serve`, on its own so that the site benchmark times
/// exactly what the server does after an edit: notice the changed files, then rebuild.
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <vector>

#include "io/file_digests.hpp"
#include "serve/change_feed.hpp"
#include "serve/preview.hpp"
#include "serve/serve.hpp"

namespace tampon::serve {

/// Files under a set of roots, each with its identity (one stat per file).
using Snapshot = std::map<std::string, FileIdentity, std::less<>>;
Snapshot snapshot(const std::vector<std::filesystem::path>& roots);
/// Paths added, removed or changed between two snapshots.
std::vector<std::filesystem::path> differences(const Snapshot& before, const Snapshot& after);

/// Prints findings to stderr as `tampon` does (sorted, French).
void print_findings(const Diagnostics& diagnostics);
/// Loads and validates the records and the baremes (the site reads the baremes). On an input
/// failure, prints the findings, copies them to `failure` when given, and returns false.
bool load_model(const ServeOptions& options, Model& model, Diagnostics* failure = nullptr);

struct PollResult {
  bool rebuilt = false;
  std::size_t changed = 0;  ///< files seen changed (data/ counts as one)
  UpdateStats stats;
  Diagnostics findings;
  double scan_ms = 0;     ///< looking for changes (every poll)
  double rebuild_ms = 0;  ///< re-rendering and writing (what `serve` prints)
};

class Watcher {
 public:
  Watcher(const ServeOptions& options, SiteSession& session, Model& model,
          std::filesystem::path site_dir, std::atomic<long>& version);
  /// Checks the sources once; rebuilds what changed (bumping the version the pages poll).
  PollResult poll();
  /// Called after every rebuild attempt with its findings (errors included, an unreadable
  /// data file or a write failure as one error): `serve` shows them over the page.
  std::function<void(const Diagnostics&)> on_attempt;

 private:
  void rebuild(const std::vector<std::filesystem::path>& changed, bool data_changed,
               PollResult& result);
  /// Compares the snapshots with the files now, for the paths the kernel named only.
  void refresh(const std::set<std::string>& paths, std::vector<std::filesystem::path>& changed,
               bool& data_changed);
  /// Compares everything (no notifications, lost events, and every few quiet seconds).
  void rescan(std::vector<std::filesystem::path>& changed, bool& data_changed);

  const ServeOptions& m_options;
  SiteSession& m_session;
  Model& m_model;
  std::filesystem::path m_site_dir;
  std::atomic<long>& m_version;
  std::vector<std::filesystem::path> m_sources, m_data;
  Snapshot m_source_snapshot, m_data_snapshot;
  ChangeFeed m_feed;
  int m_quiet_polls = 0;  ///< polls without events since the last full scan
};

}  // namespace tampon::serve
