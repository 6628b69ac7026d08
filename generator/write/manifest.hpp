#pragma once
/// manifest.json (outputs.md): every file written, with its emitter, size, SHA-256, the
/// records it came from, and the fingerprint of its inputs (for rebuilding only what changed).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tampon {

struct ManifestEntry {
  std::string path;  ///< relative to --out
  std::string emitter;
  std::uintmax_t size = 0;
  std::string sha256;
  std::vector<std::string> records;  ///< "convention:cv-2021-0042"
  std::string fingerprint;           ///< hash of everything the file was made from
};

struct Manifest {
  std::string tool_version;
  std::string as_of;
  std::map<std::string, ManifestEntry> entries;  ///< by path: sorted output, no duplicates

  /// Reads `path`; a missing or unreadable manifest gives an empty one (full rebuild).
  static Manifest read(const std::filesystem::path& path);
  /// Deterministic JSON (sorted keys and entries, no timestamp).
  std::string to_json() const;
};

}  // namespace tampon
