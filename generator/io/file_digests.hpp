#pragma once
/// SHA-256 of the files render jobs read (templates, content), for rebuild fingerprints.
/// A site's pages share most of their dependencies (templates, menus): hashing each file once
/// per dependent job made planning a 1 000-page site open 60 000 files. Digests are kept by
/// path and checked against the file's identity (size, modification and change times, inode),
/// so a file is hashed once per build however many jobs read it, and not again by later builds
/// of the same process while it is unchanged. An emitter that reads a source anyway (the site
/// reads every page to check its links) reads it through `PrepareContext::read_source`, which
/// hashes the bytes in hand (`FileDigests::read`): planning then does not open the file a
/// second time. One per build (host/emitter_builds.hpp), never process-wide.
#include <sys/stat.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tampon {

class SourceRoot;
struct SourceStatus;

/// What identifies a file's content without reading it. The change time (ctime) cannot be set
/// by programs, so an edit that restores the modification time is still seen.
struct FileIdentity {
  std::uintmax_t size = 0;
  long long mtime_ns = 0, ctime_ns = 0;
  std::uintmax_t inode = 0;
  friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

/// The identity of a regular file, or nothing (missing, unreadable, not a regular file).
std::optional<FileIdentity> file_identity(const std::filesystem::path& path);
/// The same for a file already open.
std::optional<FileIdentity> file_identity(int fd);
/// The same from what stat, lstat or fstat returned.
std::optional<FileIdentity> file_identity(const struct stat& st);

class FileDigests {
 public:
  /// Lower-case hex SHA-256 of the file, or "absent" when it cannot be read (a dependency that
  /// appears later still changes the fingerprint). Thread-safe.
  std::string digest(const std::filesystem::path& path);
  /// Records the digest of `path` while it had `identity`, computed by a reader from the bytes
  /// it read. Thread-safe.
  void remember(const std::filesystem::path& path, const FileIdentity& identity,
                std::string sha256);
  /// Reads the whole file into `out` as `read_source` does (io/source_file.hpp: a regular file
  /// really inside `root`, never blocking) and, when it did not change while read, remembers
  /// its digest. Thread-safe.
  SourceStatus read(const std::filesystem::path& path, const SourceRoot& root, std::string& out);
  /// How many times a file was actually read and hashed (tests, benchmarks).
  std::size_t files_hashed() const;

  /// For a process that watches folders for changes (`tampon serve`, serve/watcher.hpp): the
  /// known digest of a file under one of `roots` is given without a `stat` (one per page and
  /// template was a third of a one-page rebuild), until `forget` names the file. Whoever calls
  /// this must call `forget` with every file it sees change under `roots` before the next
  /// build; a file outside them is still checked by its identity.
  void trust_under(std::vector<std::filesystem::path> roots);
  /// The digest of `path` when it is trusted (under a root of `trust_under`, known, not
  /// forgotten): given without looking at the file. Otherwise nothing: ask `digest`.
  std::optional<std::string> trusted_digest(const std::string& path) const;
  /// Drops what is known of `paths` (changed, added or deleted files): the next `digest` reads
  /// them again.
  void forget(const std::vector<std::filesystem::path>& paths);

 private:
  struct Entry {
    FileIdentity identity;
    std::string sha256;
  };
  bool trusted(const std::string& path) const;

  mutable std::mutex m_mutex;
  std::unordered_map<std::string, Entry> m_entries;
  std::vector<std::string> m_trusted_roots;  ///< normalised, without a trailing '/'

  std::size_t m_hashed = 0;
};

}  // namespace tampon
