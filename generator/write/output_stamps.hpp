#pragma once
/// What each output file looked like on disk when Tampon last wrote or checked it (inode,
/// size, modification and change times, with the SHA-256 it then had), kept in
/// `out/.tampon-stamps`. An output is "unchanged" only if its content is the one the manifest
/// records: a file whose stamp still matches is known to be; any other is hashed again. A
/// person cannot set a file's change time, so an edit, a copy or a crash between two renames
/// is always caught, and a no-change rebuild of tens of thousands of files reads none of them.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tampon {

struct FileStamp {
  std::uint64_t inode = 0, size = 0;
  std::int64_t mtime_ns = 0, ctime_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

/// One output of the next stamps file: its path and SHA-256 (manifest.json's), and its stamp as
/// this build already saw it, or nullptr.
struct StampedOutput {
  std::string_view path, sha256;
  /// Not placed by this commit, and seen by this build with this SHA-256 (`holds`), or recorded
  /// with it in the previous stamps file: that stamp is written as it is, without a `lstat`. A
  /// stamp is only a claim checked on use (`holds` trusts it only while inode, size and both
  /// times still match), so carrying one over can cost a hash, never a wrong "inchangé".
  const FileStamp* seen = nullptr;
};

class OutputStamps {
 public:
  inline static const std::string k_file_name = ".tampon-stamps";

  /// Reads `out/.tampon-stamps`; a missing or damaged file gives no stamp (every file is then
  /// hashed once).
  static OutputStamps read(const std::filesystem::path& out_dir);
  /// Opens `out_dir` again for `holds` and `known`: stamps read before the build took its lock
  /// (write/previous_build_prefetch.hpp) look at --out as it is now. False if it cannot be
  /// opened (the stamps then look at nothing: every file is hashed).
  bool rebind(const std::filesystem::path& out_dir);
  /// Whether the regular file `relative` under `out_dir` has exactly `size` bytes whose
  /// SHA-256 is `sha256`: by its stamp when it matches, else by hashing it (never through a
  /// link). Thread-safe (read only).
  /// `seen`, when given, receives the stamp the file had when it was found to hold `sha256`.
  bool holds(const std::filesystem::path& out_dir, const std::string& relative, std::uint64_t size,
             std::string_view sha256, FileStamp* seen = nullptr) const;
  /// Whether the file `relative` under `out_dir` still has exactly the stamp recorded with
  /// `sha256` and `size`: `holds` without ever hashing (a file whose stamp moved answers false,
  /// even if its bytes are the same). Thread-safe.
  bool known(const std::filesystem::path& out_dir, const std::string& relative, std::uint64_t size,
             std::string_view sha256) const;
  /// The stamp recorded for `relative` with this `sha256`, or nullptr.
  const FileStamp* recorded(const std::string& relative, std::string_view sha256) const;

  /// Stamps of `files` as the file's text: the stamp already seen when there is one, else the
  /// file's as it is on disk now. A rebuild that rewrites 13 of 94 000 outputs stats 13 files.
  static std::string text_of(const std::filesystem::path& out_dir,
                             const std::vector<StampedOutput>& files);
  std::size_t size() const { return m_stamps.size(); }
  /// Whether every `holds` so far was answered by a matching stamp (no file hashed): the
  /// stamps file then needs no rewriting.
  bool all_known() const { return m_hashed.n.load() == 0; }

 private:
  struct Entry {
    FileStamp stamp;
    std::string sha256;
  };
  std::unordered_map<std::string, Entry> m_stamps;
  /// --out, open since `read`: `holds` looks at an output relative to it (fstatat), without
  /// building its absolute path nor walking --out's own parents for each of a thousand files.
  struct Folder {
    std::filesystem::path path;
    int fd = -1;
    ~Folder();
  };
  std::shared_ptr<const Folder> m_out;
  struct Count {  // copied with the stamps
    std::atomic<std::size_t> n{0};
    Count() = default;
    Count(const Count& other) : n(other.n.load()) {}
    Count& operator=(const Count& other) {
      n = other.n.load();
      return *this;
    }
  };
  mutable Count m_hashed;
};

/// The stamp of a regular file (lstat: a link is not one), or nothing.
bool stamp_of(const std::filesystem::path& path, FileStamp& stamp);

}  // namespace tampon
