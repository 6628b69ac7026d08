#include "serve/watcher.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>

#include "cli/report.hpp"

namespace tampon::serve {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

}  // namespace

Snapshot snapshot(const std::vector<fs::path>& roots) {
  Snapshot s;
  std::error_code ec;
  for (const fs::path& root : roots) {
    if (auto id = file_identity(root)) {
      s.emplace(root.string(), *id);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec))  // the type comes with the listing: one stat per file
        if (auto id = file_identity(it->path())) s.emplace(it->path().string(), *id);
  }
  return s;
}

std::vector<fs::path> differences(const Snapshot& before, const Snapshot& after) {
  std::vector<fs::path> changed;
  for (const auto& [path, id] : after) {
    auto it = before.find(path);
    if (it == before.end() || !(it->second == id)) changed.emplace_back(path);
  }
  for (const auto& [path, id] : before)
    if (!after.contains(path)) changed.emplace_back(path);
  return changed;
}

Watcher::Watcher(BuildLoop& loop, std::atomic<long>& version)
    : m_loop(loop), m_version(version), m_sources(loop.sources()), m_data(loop.data()), m_feed([&] {
        auto roots = m_sources;
        roots.insert(roots.end(), m_data.begin(), m_data.end());
        return roots;
      }()) {
  m_source_snapshot = snapshot(m_sources);
  m_data_snapshot = snapshot(m_data);
}

PollResult Watcher::poll() {
  // With notifications, a full scan every 20 quiet polls (3 s at the default interval) still
  // catches what the kernel does not report (a data/ folder created later, network file
  // systems). Only quiet polls scan, so that an edit never waits for it.
  constexpr int k_scan_every = 20;
  PollResult result;
  auto start = Clock::now();
  std::vector<fs::path> changed;
  bool data_changed = false, lost = true;
  std::set<std::string> named;
  if (m_feed.active()) named = m_feed.take(lost);
  if (!lost && named.empty() && ++m_quiet_polls < k_scan_every) return result;
  if (lost || named.empty()) {
    m_quiet_polls = 0;
    rescan(changed, data_changed);
  } else {
    refresh(named, changed, data_changed);
  }
  result.changed = changed.size() + (data_changed ? 1 : 0);
  result.scan_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (changed.empty() && !data_changed) return result;
  rebuild(changed, data_changed, result);
  return result;
}

void Watcher::rescan(std::vector<fs::path>& changed, bool& data_changed) {
  Snapshot sources = snapshot(m_sources), data = snapshot(m_data);
  changed = differences(m_source_snapshot, sources);
  data_changed = data != m_data_snapshot;
  m_source_snapshot = std::move(sources);
  m_data_snapshot = std::move(data);
}

namespace {

bool under(const std::string& path, const std::vector<fs::path>& roots) {
  for (const fs::path& root : roots) {
    std::string r = root.string();
    if (path == r || (path.size() > r.size() && path.starts_with(r) && path[r.size()] == '/'))
      return true;
  }
  return false;
}

/// Replaces, in `snap`, the entries at `path` or under it by what is on disk now; returns the
/// paths whose entry appeared, disappeared or changed.
std::vector<fs::path> refresh_path(Snapshot& snap, const std::string& path) {
  Snapshot now = snapshot({path});  // a file, a folder's tree, or nothing
  Snapshot before;
  for (auto it = snap.lower_bound(path); it != snap.end();) {
    bool inside =
        it->first == path || (it->first.size() > path.size() && it->first.starts_with(path) &&
                              it->first[path.size()] == '/');
    if (!inside) {
      if (it->first.compare(0, path.size(), path) != 0) break;  // past every "path…" key
      ++it;
      continue;
    }
    before.insert(snap.extract(it++));
  }
  auto changed = differences(before, now);
  snap.merge(now);
  return changed;
}

}  // namespace

void Watcher::refresh(const std::set<std::string>& paths, std::vector<fs::path>& changed,
                      bool& data_changed) {
  for (const std::string& path : paths) {
    bool data = under(path, m_data);
    auto found = refresh_path(data ? m_data_snapshot : m_source_snapshot, path);
    if (data)
      data_changed = data_changed || !found.empty();
    else
      changed.insert(changed.end(), found.begin(), found.end());
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
}

void Watcher::rebuild(const std::vector<fs::path>& changed, bool data_changed, PollResult& result) {
  auto start = Clock::now();
  result.attempted = true;
  result.attempt = m_loop.rebuild(changed, data_changed);
  result.rebuild_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (on_attempt) on_attempt(result.attempt);
  const Attempt& attempt = result.attempt;
  const cli::Options& command = m_loop.command();
  // An edit that changes no output (an editor's hidden file) prints nothing; errors do.
  if (attempt.has_errors() || attempt.changed_outputs())
    cli::print_diagnostics(attempt.findings, command);
  if (attempt.has_errors() || !attempt.changed_outputs()) return;
  result.rebuilt = true;
  ++m_version;
  if (!command.quiet && command.format == cli::Format::Text)
    std::cerr << "site reconstruit : " << attempt.report.written << " fichier(s) écrit(s), "
              << attempt.report.removed << " supprimé(s) en " << result.rebuild_ms << " ms\n";
}

}  // namespace tampon::serve
