#pragma once
/// Helpers for the loader tests: a throw-away project folder, loading it, finding findings.
#include <filesystem>
#include <string>
#include <string_view>

#include "load/load_project.hpp"

namespace tampon::testing {

/// A temporary project folder, removed at the end of the test. `shipped_dir` is the source
/// tree, so data/baremes.yaml and data/smic.yaml come from the shipped defaults.
class TempProject {
 public:
  TempProject();
  ~TempProject();
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;

  const std::filesystem::path& dir() const { return m_dir; }
  /// Writes `text` at `relative` (folders created).
  void write(std::string_view relative, std::string_view text) const;
  ProjectContext context() const;
  LoadResult load(unsigned jobs = 1, const std::filesystem::path& cache = {}) const;

 private:
  std::filesystem::path m_dir;
};

/// The findings with this code, for assertions.
std::vector<const Diagnostic*> with_code(const LoadResult& r, std::string_view code);
/// "file:line:column: code: message" lines, for failure messages.
std::string dump(const Diagnostics& diagnostics);
/// Every record field (through the cache codec), record positions, findings and files:
/// equal fingerprints mean equal loads.
std::string fingerprint(const LoadResult& r);

}  // namespace tampon::testing
