#pragma once
/// The only code that writes under --out. Render jobs write into a staging folder inside
/// --out (same filesystem, so the final rename is atomic); nothing reaches its final name
/// until `commit`. `discard` returns --out to exactly the state it had before the build.
#include <filesystem>
#include <string>

namespace tampon {

class OutputTree {
 public:
  explicit OutputTree(std::filesystem::path out_dir);
  ~OutputTree();  ///< discards whatever was staged and not committed
  OutputTree(const OutputTree&) = delete;
  OutputTree& operator=(const OutputTree&) = delete;

  const std::filesystem::path& root() const { return m_root; }
  /// The staging path for an output (parent folders created). Thread-safe.
  std::filesystem::path stage(const std::string& relative);
  /// Renames the staged file into place. Throws Fatal on failure.
  void commit(const std::string& relative);
  /// Removes a previous output that the current build no longer produces.
  void remove_stale(const std::string& relative);
  /// Writes `bytes` to `relative` atomically (temp name in the same folder, then rename).
  void write_atomically(const std::string& relative, const std::string& bytes);
  /// Removes the staging folder, and --out itself when this build created it and it is empty.
  void discard();

 private:
  std::filesystem::path m_root;
  std::filesystem::path m_staging;
  bool m_root_existed = false;
};

}  // namespace tampon
