// The XML inside a workbook: the input is the archive's parts as text, each after a line
// "=== <name in the archive>" ([Content_Types].xml, xl/workbook.xml, its relations, the sheets,
// xl/sharedStrings.xml, xl/styles.xml…); the target stores them in a valid archive (no
// compression, right checksums) and reads it as fuzz_xlsx does. Mutating a real .xlsx mostly
// breaks its deflate streams and checksums, so the sheet, shared-string and style readers, and
// what the reader builds from them (cell types, dates, references, merged cells), were
// searched only as far as a damaged archive let them. Same promise: every sheet read or a
// French error, in bounded time and memory.
#include "archive_parts.hpp"
#include "read_workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  auto parts = fuzz::parts_of(fuzz::text_of(data, size));
  if (parts.empty() || parts.size() > 64) return 0;
  auto path = fuzz::scratch() / "parties.xlsx";
  if (!fuzz::write_archive(path, parts)) return 0;
  fuzz::read_whole_workbook(path);
  return 0;
}
