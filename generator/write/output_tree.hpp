#pragma once
/// The only code that writes under --out, as a transaction (ARCHITECTURE.md, "The commit
/// protocol"):
/// - `open` takes the build lock (`out/.tampon-lock`, flock: one build at a time per --out; a
///   second waits) and finishes a commit that a crash interrupted, before anything else;
/// - render jobs write into a staging folder inside --out (same file system, so the final
///   renames are atomic); nothing reaches its final name until `commit`;
/// - `commit` flushes the staged files to disk, writes the journal of every rename and removal
///   and renames it into place (the commit point), then carries it out. A crash before that
///   rename leaves the previous build; after it, the next build replays the journal;
/// - no call ever follows a symbolic link below --out (write/out_folder.hpp).
///
/// Two ways to stage, chosen per file, so that a build creates each folder once and commits
/// with as few renames as it can:
/// - into a folder --out already has: flat, `.tampon-tmp/<n>-<file name>`, renamed file by
///   file at commit;
/// - into a folder this build brings: in a copy of the tree, `.tampon-tmp/tree/<path>`, whose
///   topmost new folder is renamed into place whole at commit (a first site build is one
///   rename, not 1 125).
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "write/commit_journal.hpp"
#include "write/fault_injection.hpp"
#include "write/out_folder.hpp"
#include "write/output_stamps.hpp"

namespace tampon {

struct OutputTreeOptions {
  const FaultInjector* faults = nullptr;  ///< tests only
  std::function<void()> on_wait;          ///< called once if another build holds the lock
  /// A commit staging at most this many files flushes them one by one (fsync), a larger one
  /// the whole file system (syncfs): see OutputTree::commit.
  std::size_t max_files_synced_one_by_one = 256;
};

class OutputTree {
 public:
  using Options = OutputTreeOptions;
  explicit OutputTree(std::filesystem::path out_dir, Options options = {});
  ~OutputTree();  ///< discards whatever was staged and not committed, releases the lock
  OutputTree(const OutputTree&) = delete;
  OutputTree& operator=(const OutputTree&) = delete;

  /// Opens --out (creating it), takes the build lock, waiting for another build to finish,
  /// and finishes or rolls back an interrupted commit. Throws Fatal.
  void open();
  /// What `open` found and did about an interrupted commit (French, for a warning), or "".
  const std::string& recovery_note() const { return m_recovery_note; }

  const std::filesystem::path& root() const { return m_root; }
  /// --out, opened by `open`.
  const OutFolder& folder() const { return *m_out; }

  /// Makes the staging folder (also done by the first `stage`). Call it before rendering on
  /// threads: a --out that cannot hold it is then one Fatal error.
  void open_staging();
  /// A fresh staging path for the output `relative` (its folder exists). It keeps the final
  /// file name, extension included. Thread-safe.
  std::filesystem::path stage(const std::string& relative);

  /// Queues `staged` (from `stage`) to become `relative` at commit. One thread.
  void place(const std::filesystem::path& staged, const std::string& relative);
  /// Queues the removal of a previous output that this build no longer produces.
  void remove(const std::string& relative);
  /// Writes one of the tool's own files (manifest.json) into staging, to be placed last at
  /// commit. Throws Fatal (disk full…).
  void stage_tool_file(const std::string& name, const std::function<void(std::ostream&)>& write);
  /// Journals, flushes and carries out everything queued; then records the stamps of
  /// `outputs` (path, SHA-256, the stamp already seen if any) for the next build
  /// (write/output_stamps.hpp). Throws Fatal; a
  /// failure before the commit point leaves --out as it was.
  void commit(const std::vector<StampedOutput>& outputs = {});
  /// Throws Fatal when a file of `targets` could not be put in place: a link or a file stands
  /// where a folder of its path must be, or a folder where the file must be. A part that is
  /// in `removed` (a previous output giving way) does not count. Each of `folders` (those of
  /// the outputs kept as they are) must be a real folder too: a link there is refused as well.
  void check_free(const std::vector<std::string>& targets, const std::vector<std::string>& removed,
                  const std::vector<std::string>& folders = {}) const;
  /// Replaces the tool's file `name` in --out by `text`, outside the transaction: for a cache
  /// whose loss costs only time (`.tampon-plans`), written to a new file then renamed over the
  /// old one, never through a link. Throws Fatal.
  void replace_cache_file(const std::string& name, std::string_view text);
  /// Removes the staging folder, and --out itself when this build created it.
  void discard();

  /// How many times this tree called mkdir while staging (tests: once per folder).
  std::size_t mkdir_calls() const;
  /// How many renames the last commit made (tests: one per new folder, not per file in it).
  std::size_t commit_renames() const { return m_commit_renames; }

 private:
  void recover();
  bool holds_current_lock() const;  ///< the lock held is the one --out names now
  void ensure_staging();
  void ensure_folder(const std::filesystem::path& dir);
  bool make_folder(const std::filesystem::path& dir, std::size_t& calls);
  bool out_has_folder(const std::string& relative_dir);
  std::string staged_relative(const std::filesystem::path& staged) const;
  void write_staged(const std::string& name, std::string_view bytes);
  bool syncs_one_by_one(const std::vector<JournalOp>& ops) const;
  void sync_staged(const std::vector<JournalOp>& ops) const;
  void sync_placed(const std::vector<JournalOp>& ops) const;

  std::filesystem::path m_root;
  Options m_options;
  std::unique_ptr<OutFolder> m_out;
  Fd m_lock;
  std::string m_recovery_note;
  std::filesystem::path m_staging;
  std::filesystem::path m_tree;  ///< m_staging/tree: the copy of new folders
  std::atomic<std::uint64_t> m_counter{0};
  std::atomic<std::size_t> m_staged_in_tree{0};  ///< files staged in m_tree
  std::once_flag m_staging_once;
  bool m_committed = false;
  mutable std::mutex m_mutex;
  std::unordered_set<std::string> m_folders;  ///< known to exist (under m_mutex)
  std::unordered_set<std::string> m_making;   ///< being made by a thread (under m_mutex)
  std::condition_variable m_folder_made;
  std::unordered_map<std::string, bool> m_in_out;  ///< whether --out has the folder (m_mutex)
  std::size_t m_mkdir_calls = 0;
  // The journal being built (one thread, after rendering).
  std::vector<JournalOp> m_removals, m_placements, m_tool_files;
  std::unordered_set<std::string> m_moved;  ///< new folders that will be moved in whole
  std::size_t m_commit_renames = 0;
};

}  // namespace tampon
