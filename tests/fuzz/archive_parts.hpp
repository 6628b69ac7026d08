#pragma once
/// A workbook made from fuzz input: the parts (fuzz_parts.hpp) stored in a valid zip archive,
/// without compression and with right checksums, so that mutations reach the XML inside
/// instead of breaking the deflate streams of a real .xlsx.
#include <zip.h>

#include <filesystem>
#include <vector>

#include "fuzz_parts.hpp"

namespace tampon::fuzz {

/// Writes `parts` as the archive `path`; a part whose name libzip refuses is left out. False
/// when no archive could be written (libzip writes none for no part at all).
inline bool write_archive(const std::filesystem::path& path, const std::vector<Part>& parts) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == nullptr) return false;
  for (const Part& part : parts) {
    if (part.name.empty()) continue;
    zip_source_t* source = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
    if (source == nullptr) continue;
    zip_int64_t index =
        zip_file_add(archive, part.name.c_str(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      continue;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    return false;
  }
  return std::filesystem::exists(path);
}

}  // namespace tampon::fuzz
