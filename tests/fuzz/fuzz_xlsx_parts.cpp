// The XML inside a workbook: the input is the archive's parts as text, each after a line
// "=== <name in the archive>" ([Content_Types].xml, xl/workbook.xml, its relations, the sheets,
// xl/sharedStrings.xml, xl/styles.xml…); the target stores them in a valid archive (no
// compression, right checksums) and reads it as fuzz_xlsx does. Mutating a real .xlsx mostly
// breaks its deflate streams and checksums, so the sheet, shared-string and style readers, and
// what the reader builds from them (cell types, dates, references, merged cells), were
// searched only as far as a damaged archive let them. Same promise: every sheet read or a
// French error, in bounded time and memory.
#include <zip.h>

#include <string>
#include <vector>

#include "fuzz_parts.hpp"
#include "read_workbook.hpp"

namespace {

using tampon::fuzz::Part;

bool write_archive(const std::string& path, const std::vector<Part>& parts) {
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
      zip_source_free(source);  // a name libzip refuses: that part is left out
      continue;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  auto parts = fuzz::parts_of(fuzz::text_of(data, size));
  if (parts.empty() || parts.size() > 64) return 0;
  auto path = fuzz::scratch() / "parties.xlsx";
  if (!write_archive(path.string(), parts)) return 0;
  fuzz::read_whole_workbook(path);
  return 0;
}
