#pragma once
/// What the XLSX targets ask of the reader once they have a file: every sheet read, each row
/// of each, or a French error; never a crash, never a refusal without a message.
#include <filesystem>
#include <string>

#include "fuzz_support.hpp"
#include "tabular/xlsx_reader.hpp"

namespace tampon::fuzz {

inline void read_whole_workbook(const std::filesystem::path& path) {
  std::string error;
  auto book = tabular::XlsxWorkbook::open(path, error);
  if (!book) {
    if (error.empty()) broken("classeur refusé sans message");
    return;
  }
  for (const std::string& name : book->sheet_names()) {
    auto sheet = book->sheet(name, error);
    if (!sheet) {
      if (error.empty()) broken("feuille refusée sans message");
      continue;
    }
    for (int row = 1; row <= sheet->max_row(); ++row) (void)sheet->row(row);
  }
}

}  // namespace tampon::fuzz
