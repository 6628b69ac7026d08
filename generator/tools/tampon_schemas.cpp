// tampon-schemas: the JSON Schemas of the record kinds, from the loader's field tables
// (cli/record_schema.hpp). A developers' tool, kept out of the `tampon` command line:
//
//   tampon-schemas KIND         print one schema (structure, conseiller, …)
//   tampon-schemas --write DIR  write DIR/<kind>.schema.json for every kind
//   (scripts/update-schemas) tampon-schemas --check DIR  exit 1 when a file of DIR differs from
//   what would be written
//                               (the ctest RecordSchemas.CommittedFilesAreGenerated)
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/record_schema.hpp"
#include "tampon/enums.hpp"

namespace {

namespace fs = std::filesystem;
using tampon::RecordKind;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool write(const fs::path& file, const std::string& bytes) {
  // Temporary file then rename: a failed run never leaves half a schema.
  fs::path temp = file;
  temp += ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  fs::rename(temp, file, ec);
  return !ec;
}

int usage() {
  std::cerr << "usage : tampon-schemas KIND | --write DIR | --check DIR\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2) {
    auto kind = tampon::parse_enum<RecordKind>(argv[1]);
    if (!kind) return usage();
    std::cout << tampon::cli::record_schema_json(*kind);
    return 0;
  }
  if (argc != 3) return usage();
  const std::string mode = argv[1];
  const fs::path dir = argv[2];
  if (mode != "--write" && mode != "--check") return usage();
  int stale = 0;
  if (mode == "--write") fs::create_directories(dir);
  for (std::size_t i = 0; i < tampon::names<RecordKind>().size(); ++i) {
    auto kind = static_cast<RecordKind>(i);
    const fs::path file = dir / tampon::cli::record_schema_file_name(kind);
    const std::string bytes = tampon::cli::record_schema_json(kind);
    if (mode == "--write") {
      if (!write(file, bytes)) {
        std::cerr << "tampon-schemas : impossible d'écrire " << file.string() << "\n";
        return 1;
      }
    } else if (!fs::is_regular_file(file) || read(file) != bytes) {
      std::cerr << file.string()
                << " : diffère de ce que les tables du chargeur donnent "
                   "(generator/load/record_fields.cpp) ; lancez scripts/update-schemas\n";
      ++stale;
    }
  }
  return stale == 0 ? 0 : 1;
}
