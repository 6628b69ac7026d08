// The CSV reader of the imports (tableur, pilotage exports): any bytes, any encoding.
// Promise: a table whose every field is UTF-8 with a position inside the file, or a French
// error naming the file, line and column; never a crash.
#include "fuzz_support.hpp"
#include "tabular/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  std::string_view bytes = fuzz::text_of(data, size);
  std::string error;
  auto table = tabular::parse_csv(bytes, "export.csv", error);
  if (!table) {
    if (!error.starts_with("export.csv:")) fuzz::broken("erreur CSV sans position : " + error);
    return 0;
  }
  long lines = 1;
  for (char c : bytes) lines += c == '\n' || c == '\r';  // an upper bound, CR-only files too
  for (const auto& row : table->rows)
    for (const auto& cell : row) {
      if (!tabular::is_utf8(cell.text)) fuzz::broken("champ CSV qui n'est pas de l'UTF-8");
      if (cell.line < 1 || cell.line > lines) fuzz::broken("champ CSV hors du fichier");
    }
  return 0;
}
