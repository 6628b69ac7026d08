#pragma once
/// The previous build's manifest.json, read on a thread of its own while the records load and
/// are validated (`tampon build`): on the national set it is 120 MB of text, about 0.2 s, and
/// loading and validating leave part of the cores idle. Nothing is created, locked or changed
/// in --out: the file is only read, and its identity (inode, size, modification and change
/// times, never through a link) taken before. The build takes the result once it holds the
/// lock, and only while manifest.json is still that file: a manifest replaced, edited or
/// completed by the recovery of an interrupted commit is read again, under the lock.
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "io/file_digests.hpp"
#include "write/manifest.hpp"

namespace tampon {

class ManifestPrefetch {
 public:
  /// Starts reading `out_dir`/manifest.json.
  explicit ManifestPrefetch(const std::filesystem::path& out_dir);
  ManifestPrefetch(const ManifestPrefetch&) = delete;
  ManifestPrefetch& operator=(const ManifestPrefetch&) = delete;
  ~ManifestPrefetch() = default;  // the thread is joined

  /// Waits for the reading to end.
  void wait();
  /// Waits for the reading; then the manifest read and the problems found, when
  /// `out_dir`/manifest.json is still the file read (call under the build's lock). Nothing
  /// otherwise, or when there was no manifest: read it then. Once only.
  std::optional<Manifest> take(const std::filesystem::path& out_dir,
                               std::vector<std::string>& problems);

 private:
  std::optional<FileIdentity> m_identity;  ///< of the file read, taken before reading it
  Manifest m_manifest;
  std::vector<std::string> m_problems;
  std::jthread m_reader;  ///< last: it starts once the members it fills exist
};

}  // namespace tampon
