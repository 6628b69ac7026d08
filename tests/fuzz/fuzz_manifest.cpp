// The previous build's manifest.json, which anyone with write access to out/ can edit.
// Promise: an empty or partial manifest and French problems, never a crash, and no entry whose
// path leaves --out or names the tool's own files. A manifest as the writer writes it is read
// through a window: read again through a tiny one (every line cut somewhere), it must give
// the same entries, and what it gives must write back as a file that reads the same.
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
  const std::size_t window = 1 + (size == 0 ? 0 : data[0] % 61);
  Manifest narrow = Manifest::read(path, nullptr, window);
  const std::string text = m.to_json();
  if (narrow.to_json() != text || narrow.as_written != m.as_written)
    fuzz::broken("lu par une fenêtre de " + std::to_string(window) + " octets, autre manifeste");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  Manifest again = Manifest::read(path, nullptr, window);
  if (again.to_json() != text || (!m.entries.empty() && !again.as_written && m.as_written))
    fuzz::broken("le manifeste réécrit ne se relit pas à l'identique");
  return 0;
}
