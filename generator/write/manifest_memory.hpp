#pragma once
/// The manifest a process's previous build committed (`tampon serve` builds again and again),
/// kept in memory with the identity manifest.json had then. The next build of the same --out
/// takes it instead of reading and parsing the file, but only while the file is still exactly
/// that one (inode, size, modification and change times, never through a link): a manifest
/// edited, replaced or removed by anyone else is read from disk as usual.
#include <filesystem>
#include <optional>

#include "io/file_digests.hpp"
#include "write/manifest.hpp"

namespace tampon {

struct ManifestMemory {
  Manifest manifest;
  std::optional<FileIdentity> identity;  ///< of --out/manifest.json when kept; none: nothing kept

  /// The identity of --out/manifest.json now (lstat: a link is not one), or nothing.
  static std::optional<FileIdentity> identity_of(const std::filesystem::path& out_dir);
  /// The kept manifest, moved out, when manifest.json is still the file it was kept with.
  std::optional<Manifest> take(const std::filesystem::path& out_dir);
  /// Keeps `manifest` as what manifest.json in `out_dir` now holds.
  void keep(Manifest manifest, const std::filesystem::path& out_dir);
};

}  // namespace tampon
