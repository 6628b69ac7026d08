#pragma once
/// What each emitter's plan was made from at the last committed build, kept in
/// `out/.tampon-plans`: two keys (host/unchanged_emitters.hpp: the tool, the emitter, the
/// reference date, the rules, the files it read while preparing, and either every record's
/// digest or the digest of every data file, which needs no record digested), the files its
/// jobs depend on with their digests, and how many outputs it had. A build whose key and files
/// are the same, for an emitter whose outputs are all still on disk as recorded, need not ask it
/// for its plan again: its outputs are the previous ones.
///
/// Bound to the manifest.json it was written with, by that file's stamp (inode, size,
/// modification and change times): a manifest rewritten, restored or edited since makes the
/// memo worthless, and every emitter is planned again. Trusted no further than the manifest:
/// a memo that does not parse, is not a regular file or is over 64 MiB is ignored.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "write/output_stamps.hpp"

namespace tampon {

struct EmitterPlanMemo {
  std::string key;       ///< lower-case hex SHA-256, from every record's digest
  std::string data_key;  ///< the same key from the digest of every data file instead
  /// The same key without the records (host/changed_records.hpp: when only records changed,
  /// the outputs that read none of them keep their fingerprints).
  std::string base_key;
  std::size_t outputs = 0;  ///< its entries in the manifest
  /// Every file its jobs listed in `depends_on`, with its digest then ("absent" when missing),
  /// sorted by path.
  std::vector<std::pair<std::string, std::string>> files;
  friend bool operator==(const EmitterPlanMemo&, const EmitterPlanMemo&) = default;
};

struct PlanMemo {
  inline static const std::string k_file_name = ".tampon-plans";

  FileStamp manifest{};  ///< manifest.json's stamp when the memo was written
  /// Every data file the build read (project-relative path, lower-case hex SHA-256), sorted
  /// by path: the records of a file whose digest is still this one are the same.
  std::vector<std::pair<std::string, std::string>> data_files;
  std::map<std::string, EmitterPlanMemo> emitters;  ///< by emitter name

  /// Reads `out/.tampon-plans`; missing, damaged or suspicious: an empty memo.
  static PlanMemo read(const std::filesystem::path& out_dir);
  /// The file's text. An emitter whose name or file paths hold a line break is left out.
  std::string text() const;
  friend bool operator==(const PlanMemo&, const PlanMemo&) = default;
};

}  // namespace tampon
