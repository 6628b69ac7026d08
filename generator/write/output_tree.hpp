#pragma once
/// The only code that writes under --out. Render jobs write into a staging folder inside --out
/// (same file system, so the final renames are atomic); nothing reaches its final name until
/// `commit`. `discard` returns --out to exactly the state it had before the build.
///
/// Two ways to stage, chosen per file, so that a build creates each folder once and commits
/// with as few renames as it can:
/// - into a folder --out already has: flat, `.tampon-tmp/<n>-<file name>`, renamed file by
///   file at commit (no staging folder to make or delete per output: on ext4, creating folders
///   right after thousands were deleted costs 0.2–0.5 ms each);
/// - into a folder this build brings: in a copy of the tree, `.tampon-tmp/tree/<path>`, whose
///   topmost new folder is renamed into place whole at commit (a first site build is one
///   rename, not 1 125).
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace tampon {

class OutputTree {
 public:
  explicit OutputTree(std::filesystem::path out_dir);
  ~OutputTree();  ///< discards whatever was staged and not committed
  OutputTree(const OutputTree&) = delete;
  OutputTree& operator=(const OutputTree&) = delete;

  const std::filesystem::path& root() const { return m_root; }
  /// Makes the staging folder (also done by the first `stage`). Call it before rendering on
  /// threads: a --out that cannot hold it (a file, no permission) is then one Fatal error.
  void open_staging();
  /// A fresh staging path for the output `relative` (its folder exists). It keeps the final
  /// file name, extension included. Thread-safe: render threads make their staging folders
  /// side by side.
  std::filesystem::path stage(const std::string& relative);
  /// Puts `staged` (from `stage`) in place as `relative` under --out: renames the file, or the
  /// new folder it was staged in with everything staged there (once, for the first of its
  /// files). Every file staged in a new folder must be committed or removed first. Throws
  /// Fatal on failure. Thread-safe.
  void commit(const std::filesystem::path& staged, const std::string& relative);
  /// Removes a previous output that the current build no longer produces.
  void remove_stale(const std::string& relative);
  /// Writes `bytes` to `relative` atomically (temp name in the same folder, then rename).
  void write_atomically(const std::string& relative, const std::string& bytes);
  /// The same, with the bytes streamed by `write` (a large manifest is never held whole).
  void write_atomically(const std::string& relative,
                        const std::function<void(std::ostream&)>& write);
  /// Removes the staging folder, and --out itself when this build created it and it is empty.
  void discard();

  /// How many times this tree called mkdir (tests: once per folder and per build).
  std::size_t mkdir_calls() const;
  /// How many renames commit made (tests: one per new folder, not one per file in it).
  std::size_t commit_renames() const;

 private:
  void ensure_staging();
  void ensure_folder(const std::filesystem::path& dir);
  bool make_folder(const std::filesystem::path& dir, std::size_t& calls);
  bool out_has_folder(const std::filesystem::path& dir);
  void rename_into_place(const std::filesystem::path& from, const std::filesystem::path& to);

  std::filesystem::path m_root;
  std::filesystem::path m_staging;
  std::filesystem::path m_tree;  ///< m_staging/tree: the copy of new folders
  bool m_root_existed = false;
  std::atomic<std::uint64_t> m_counter{0};
  std::once_flag m_staging_once;
  mutable std::mutex m_mutex;
  std::mutex m_commit_mutex;                  ///< one folder move at a time
  std::unordered_set<std::string> m_folders;  ///< known to exist (under m_mutex)
  std::unordered_set<std::string> m_making;   ///< being made by a thread (under m_mutex)
  std::condition_variable m_folder_made;
  std::unordered_map<std::string, bool> m_in_out;  ///< whether --out has the folder (m_mutex)
  std::unordered_set<std::string> m_moved;         ///< new folders renamed into --out (m_mutex)
  std::size_t m_mkdir_calls = 0;
  std::size_t m_commit_renames = 0;
};

}  // namespace tampon
