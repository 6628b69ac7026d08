#pragma once
/// The only code that writes under --out. Render jobs write into one flat staging folder
/// inside --out (same filesystem, so the final rename is atomic); nothing reaches its final
/// name until `commit`. `discard` returns --out to exactly the state it had before the build.
///
/// Staging is flat (`.tampon-tmp/<n>-<file name>`) so that a build creates each output folder
/// once, in its final place, and no staging folder has to be created or deleted per output:
/// on ext4, creating folders right after thousands were deleted costs 0.2–0.5 ms each.
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <unordered_set>
#include <vector>

namespace tampon {

class OutputTree {
 public:
  explicit OutputTree(std::filesystem::path out_dir);
  ~OutputTree();  ///< discards whatever was staged and not committed
  OutputTree(const OutputTree&) = delete;
  OutputTree& operator=(const OutputTree&) = delete;

  const std::filesystem::path& root() const { return m_root; }
  /// A fresh staging path for the output `relative` (its folder exists). It keeps the final
  /// file name, extension included, behind a unique number. Thread-safe.
  std::filesystem::path stage(const std::string& relative);
  /// Creates the folders of the output `relative` ahead of `commit`, so that render threads
  /// make them side by side rather than `commit` one by one. If the build does not commit,
  /// `discard` removes the folders it made. Throws Fatal on failure. Thread-safe.
  void prepare_folder(const std::string& relative);
  /// Renames `staged` (from `stage`) to `relative` under --out, creating the final folders
  /// (each at most once per build). Throws Fatal on failure. Thread-safe.
  void commit(const std::filesystem::path& staged, const std::string& relative);
  /// Removes a previous output that the current build no longer produces.
  void remove_stale(const std::string& relative);
  /// Writes `bytes` to `relative` atomically (temp name in the same folder, then rename).
  void write_atomically(const std::string& relative, const std::string& bytes);
  /// The same, with the bytes streamed by `write` (a large manifest is never held whole).
  void write_atomically(const std::string& relative,
                        const std::function<void(std::ostream&)>& write);
  /// Removes the staging folder and, when nothing was committed, the folders prepared for it;
  /// and --out itself when this build created it and it is empty.
  void discard();

  /// How many times this tree called mkdir (tests: once per folder and per build).
  std::size_t mkdir_calls() const;

 private:
  void ensure_staging();
  void ensure_folder(const std::filesystem::path& dir);
  bool make_folder(const std::filesystem::path& dir, std::size_t& calls);

  std::filesystem::path m_root;
  std::filesystem::path m_staging;
  bool m_root_existed = false;
  std::atomic<std::uint64_t> m_counter{0};
  std::once_flag m_staging_once;
  mutable std::mutex m_mutex;
  std::unordered_set<std::string> m_folders;  ///< known to exist (under m_mutex)
  std::unordered_set<std::string> m_making;   ///< being made by a thread (under m_mutex)
  std::condition_variable m_folder_made;
  std::vector<std::filesystem::path> m_created;  ///< by this build, in order (under m_mutex)
  std::atomic<bool> m_committing{false};
  std::size_t m_mkdir_calls = 0;
};

}  // namespace tampon
