#pragma once
/// The parse cache: decoded records and findings of each record file, keyed by the SHA-256 of
/// the file's bytes, in one pack file per project under the cache folder (the folder may be
/// shared, like `$XDG_CACHE_HOME/tampon`: two projects never evict each other's entries). Entries
/// carry a checksum and the pack a format version and a key (tool version, record layout): anything
/// stale, truncated or corrupt is ignored and the file is parsed again. The cache only saves time;
/// it never changes a result.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/file_result.hpp"
#include "load/source_files.hpp"

namespace tampon::load {

class RecordCache {
 public:
  static constexpr std::uint32_t k_format = 5;  ///< bump when decoding or messages change

  /// `<dir>/records-<16 hex digits of the project folder's digest>.cache`.
  static std::filesystem::path pack_path(const std::filesystem::path& dir,
                                         const std::filesystem::path& project_dir);
  /// Reads the project's pack; missing, stale or corrupt gives an empty cache.
  static RecordCache open(const std::filesystem::path& dir,
                          const std::filesystem::path& project_dir);

  /// Thread-safe (read-only). nullopt when absent or when the entry fails its checks.
  std::optional<FileResult> find(const Sha256& digest, std::uint32_t file_index) const;
  /// Entries for the next pack: a hit reuses the bytes read, a miss brings its encoding.
  void keep_existing(const Sha256& digest);
  void keep(const Sha256& digest, std::string payload);
  /// Writes the kept entries (atomically, by rename) if they differ from what was read.
  /// Returns false when writing failed; the caller may ignore it.
  bool save();

  std::size_t entries_read() const { return m_index.size(); }

 private:
  struct DigestHash {
    std::size_t operator()(const Sha256& d) const;
  };
  struct Entry {
    std::string_view payload;
    std::uint64_t checksum;
  };

  bool write_pack(const std::filesystem::path& path, std::size_t count);

  std::filesystem::path m_path;
  std::string m_pack;  ///< the file as read; `m_index` views into it
  std::unordered_map<Sha256, Entry, DigestHash> m_index;
  std::unordered_map<Sha256, std::string, DigestHash> m_fresh;
  std::vector<Sha256> m_kept;
  bool m_changed = false;
};

/// Cheap 64-bit corruption check of one entry (word-wise multiply-fold).
std::uint64_t checksum64(std::string_view bytes);

}  // namespace tampon::load
