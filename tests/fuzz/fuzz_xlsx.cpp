// The XLSX reader of the imports (tableur, the justification form sent back): any bytes as a
// workbook. Promise: every sheet read, or a French error naming the file; never a crash, and
// memory bounded by the reader's limits (zip bombs, entity expansion, huge sheets).
// Most mutations of a compressed archive break its deflate streams or checksums: the XML
// inside is searched by fuzz_xlsx_parts, which builds a valid archive from its input.
#include <fstream>

#include "read_workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  auto path = fuzz::scratch() / "classeur.xlsx";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << fuzz::text_of(data, size);
  fuzz::read_whole_workbook(path);
  return 0;
}
