// The previous build's manifest.json, which anyone with write access to out/ can edit.
// Promise: an empty or partial manifest and French problems, never a crash, and no entry whose
// path leaves --out or names the tool's own files.
#include <fstream>

#include "fuzz_support.hpp"
#include "write/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  auto path = fuzz::scratch() / "manifest.json";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << fuzz::text_of(data, size);
  std::vector<std::string> problems;
  Manifest m = Manifest::read(path, &problems);
  for (const auto& [entry_path, entry] : m.entries) {
    std::filesystem::path p(entry_path);
    if (entry_path.empty() || p.is_absolute() || entry_path.starts_with(".tampon"))
      fuzz::broken("entrée de manifeste acceptée : " + entry_path);
    for (const auto& part : p)
      if (part == "..") fuzz::broken("entrée de manifeste hors de --out : " + entry_path);
  }
  return 0;
}
