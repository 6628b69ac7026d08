// The XLSX reader of the imports (tableur, the justification form sent back): any bytes as a
// workbook. Promise: every sheet read, or a French error naming the file; never a crash, and
// memory bounded by the reader's limits (zip bombs, entity expansion, huge sheets).
#include <fstream>

#include "fuzz_support.hpp"
#include "tabular/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  auto path = fuzz::scratch() / "classeur.xlsx";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << fuzz::text_of(data, size);
  std::string error;
  auto book = tabular::XlsxWorkbook::open(path, error);
  if (!book) {
    if (error.empty()) fuzz::broken("classeur refusé sans message");
    return 0;
  }
  for (const std::string& name : book->sheet_names()) {
    auto sheet = book->sheet(name, error);
    if (!sheet) {
      if (error.empty()) fuzz::broken("feuille refusée sans message");
      continue;
    }
    for (int row = 1; row <= sheet->max_row(); ++row) (void)sheet->row(row);
  }
  return 0;
}
