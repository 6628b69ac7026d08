// The rules data as a project folder holds them, each input read both as data/baremes.yaml and
// as data/smic.yaml. Promise: findings (or the input failure exit), never a crash.
#include <fstream>

#include "fuzz_support.hpp"
#include "load/load_project.hpp"
#include "load/load_rules_data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  std::string_view text = fuzz::text_of(data, size);
  const auto& dir = fuzz::scratch();
  std::filesystem::create_directories(dir / "data");
  for (const char* name : {"baremes.yaml", "smic.yaml"}) {
    std::filesystem::remove(dir / "data" / "baremes.yaml");
    std::filesystem::remove(dir / "data" / "smic.yaml");
    std::ofstream(dir / "data" / name, std::ios::binary | std::ios::trunc) << text;
    ProjectContext project{dir, dir};
    LoadResult out;
    try {
      if (std::string_view(name) == "smic.yaml")
        load::load_smic(project, out);
      else
        load::load_baremes(project, out);
    } catch (const Fatal&) {
      continue;  // unreadable file: exit 3, by contract
    }
    fuzz::check_findings(out.diagnostics, text);
  }
  return 0;
}
