#pragma once
/// manifest.json (outputs.md): every file written, with its emitter, size, SHA-256, the
/// records it came from, and the fingerprint of its inputs (for rebuilding only what changed).
///
/// Both directions stream: a national build lists tens of thousands of files, each with the
/// records it read (36 MB of JSON for the bulletins); a JSON tree of that costs hundreds of MB.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace tampon {

struct ManifestEntry {
  std::string path;  ///< relative to --out
  std::string emitter;
  std::uintmax_t size = 0;
  std::string sha256;
  /// The records it came from, as manifest.json lists them: JSON string literals
  /// ("\"convention:cv-2021-0042\""), one per line. One string per entry rather than one per
  /// record: a previous manifest of 46 000 bulletins lists over a million.
  std::string records_json;
  std::string fingerprint;  ///< hash of everything the file was made from
  /// Kept from an earlier build although its inputs changed: --keep-going skipped it (it reads
  /// a record in error). Written `"stale": true` after `fingerprint`; absent when false, so
  /// normal entries keep their bytes.
  bool stale = false;

  /// `records_json` of plain record names (tests, tools).
  static std::string records_of(const std::vector<std::string>& records);
};

struct Manifest {
  std::string tool_version;
  std::string as_of;
  std::map<std::string, ManifestEntry> entries;  ///< by path: sorted output, no duplicates
  /// Read from a file whose bytes are exactly what ManifestWriter writes for these entries
  /// (read the fast way, nothing dropped): a build that changes no entry need not rewrite it.
  bool as_written = false;

  /// Reads `path`, trusting nothing in it: a missing, unreadable or damaged manifest, one that
  /// is not a regular file (never followed through a link, never waited on as a FIFO) or is
  /// over 1 GiB gives an empty one (a full rebuild), and an entry whose path leaves --out or
  /// names the tool's own files is dropped. Each such finding is added to `problems`, in
  /// French.
  /// A manifest as the writer writes it is read through a window of `window` bytes (widened
  /// for a longer line), never whole: tests pass a tiny one to cut lines everywhere.
  static Manifest read(const std::filesystem::path& path,
                       std::vector<std::string>* problems = nullptr,
                       std::size_t window = std::size_t{256} << 10);
  /// Deterministic JSON (sorted keys and entries, no timestamp).
  std::string to_json() const;
};

/// Writes manifest.json entry by entry, byte for byte as nlohmann's `dump(2)` of the document
/// `{tool, version, as_of, files: [{path, emitter, size, sha256, records, fingerprint[, stale]}]}`.
/// Entries must come sorted by path. Usage: `begin_entry`, any `record`s, `end_entry`; then
/// `finish`.
class ManifestWriter {
 public:
  ManifestWriter(std::ostream& out, std::string_view tool_version, std::string_view as_of);
  /// Entries only, appended to `text`, for `write_manifest_in_blocks`: `first` when no entry
  /// comes before them in the file. `finish` is not called.
  ManifestWriter(std::string& text, bool first);
  ManifestWriter(const ManifestWriter&) = delete;
  ManifestWriter& operator=(const ManifestWriter&) = delete;

  void begin_entry(std::string_view path, std::string_view emitter, std::uintmax_t size,
                   std::string_view sha256);
  /// One record the file came from, written `kind:id`.
  void record(std::string_view kind, std::string_view id);
  /// Records already as `ManifestEntry::records_json` holds them.
  void records_json(std::string_view records_json);
  void end_entry(std::string_view fingerprint, bool stale = false);
  void entry(const ManifestEntry& entry);  ///< the four calls for a whole entry
  /// `entries` entries formatted by a writer on a block of text, written as they are.
  void entries_block(std::string_view text, std::size_t entries);
  void finish();

 private:
  void record_literal(std::string_view literal);
  void flush_if_full();

  std::ostream* m_out = nullptr;  ///< nothing for a writer on a block of text
  std::string m_own;
  std::string&
      m_buffer;  ///< m_own (written out in blocks: one ostream call per 64 KiB), or the block
  std::size_t m_entries = 0;
  std::size_t m_records = 0;
};

/// Writes a manifest of `count` entries sorted by path, entry `i` written by `entry(i, writer)`
/// (`begin_entry`, the records, `end_entry`): blocks of `block` entries are formatted on
/// `threads` threads while the calling thread writes the blocks before (core/ordered_blocks.hpp).
/// The same bytes as one ManifestWriter; a national manifest (120 MB) is written in about half
/// the time.
void write_manifest_in_blocks(std::ostream& out, std::string_view tool_version,
                              std::string_view as_of, std::size_t count, unsigned threads,
                              const std::function<void(std::size_t, ManifestWriter&)>& entry,
                              std::size_t block = 256);

/// Appends `text` as a JSON string literal, as nlohmann's dump writes it (UTF-8 kept, control
/// characters escaped; invalid UTF-8 replaced by U+FFFD rather than thrown).
void append_manifest_string(std::string& out, std::string_view text);

}  // namespace tampon
