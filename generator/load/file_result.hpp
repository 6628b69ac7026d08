#pragma once
/// What decoding one file yields: typed records with their field positions, and the file's
/// findings. This is also what the parse cache stores, so it holds no file path or file index
/// (the same bytes may sit at two paths): both are filled in when results are merged.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "tampon/diagnostic.hpp"
#include "tampon/records.hpp"

namespace tampon::load {

/// Field positions of one record, in the order they were read (`contrat.debut` …).
using LocList = std::vector<std::pair<std::string, SourceLoc>>;

template <class T>
struct Decoded {
  T record;  ///< `record.locs.record` is set; the field entries wait in `locs`
  LocList locs;
};

struct FileResult {
  std::vector<Decoded<Structure>> structures;
  std::vector<Decoded<Conseiller>> conseillers;
  std::vector<Decoded<Convention>> conventions;
  std::vector<Decoded<Avenant>> avenants;
  std::vector<Decoded<Versement>> versements;
  std::vector<Decoded<Rapport>> rapports;
  std::vector<Decoded<Depense>> depenses;
  Diagnostics diagnostics;     ///< `where.file` empty: the file's own path is filled at merge
  bool input_failure = false;  ///< unreadable, not UTF-8 text, or not valid YAML
};

}  // namespace tampon::load
