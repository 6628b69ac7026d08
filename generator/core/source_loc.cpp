#include "tampon/source_loc.hpp"

namespace tampon {

SourceLoc FieldLocs::at(std::string_view path) const {
  // Exact field first, then the nearest known parent (`contrat.debut` → `contrat`).
  while (true) {
    for (const auto& [key, loc] : m_entries)
      if (key == path) return loc;
    auto cut = path.find_last_of(".[");
    if (cut == std::string_view::npos) return record;
    path = path.substr(0, cut);
  }
}

}  // namespace tampon
