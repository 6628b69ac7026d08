#pragma once
/// A cheap snapshot of the site's sources (paths, sizes, modification times) telling whether a
/// site read earlier is still current.
#include <filesystem>
#include <string>
#include <vector>

#include "tampon/emitter.hpp"

namespace tampon::site {

struct StampEntry {
  std::string path;
  std::uintmax_t size = 0;
  long long mtime_ns = 0;
  friend bool operator==(const StampEntry&, const StampEntry&) = default;
};

struct Stamp {
  std::string project, shipped;
  std::vector<StampEntry> files;
  friend bool operator==(const Stamp&, const Stamp&) = default;
};

/// content/ (project or shipped), templates/site/ of both, sorted by path.
Stamp stamp_of(const ProjectContext& project);

/// Paths present in only one stamp, or with another size or time.
std::vector<std::filesystem::path> changed_between(const Stamp& before, const Stamp& after);

}  // namespace tampon::site
