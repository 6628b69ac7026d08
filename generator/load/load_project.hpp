#pragma once
/// Stage 1, load: reads every file of a project once, parses YAML, decodes typed records.
/// Never throws for bad input: findings go to `diagnostics` (records.md codes: unknown-field,
/// wrong-type, missing-field, invalid-id, invalid-date, invalid-amount, invalid-departement,
/// siret-checksum, unknown-value, yaml-syntax). Cross-record checks (duplicate-id,
/// dangling-reference) belong to validation (generator/rules/).
#include <filesystem>
#include <string>
#include <vector>

#include "tampon/baremes.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/emitter.hpp"
#include "tampon/records.hpp"

namespace tampon {

struct LoadOptions {
  unsigned jobs = 0;                ///< parser threads; 0 = number of cores
  std::filesystem::path cache_dir;  ///< parse cache keyed by file content; empty = none
  /// Hands the memory freed while loading back to the system (malloc_trim) at the end. Off
  /// for a build, whose plans and fingerprints reuse that memory at once: trimming splits the
  /// heap's 2 MiB pages and each is faulted in and zeroed again (load/README.md: fewer
  /// faults and less system CPU without it, for the same peak).
  bool release_freed_memory = true;
};

/// Gives the memory the process freed back to the system (glibc's malloc_trim; nothing
/// elsewhere), so that what comes next does not add to the peak of what came before.
void release_freed_memory();

struct LoadedFile {
  std::string path;    ///< relative to the project folder ('/'-separated)
  std::string sha256;  ///< hex digest of the bytes read (rebuild fingerprints)
};

struct LoadResult {
  RecordSet records;  ///< vectors sorted as RecordSet documents
  Baremes baremes;    ///< project's data/baremes.yaml, else the shipped one
  SmicTable smic;     ///< project's data/smic.yaml, else the shipped one
  Diagnostics diagnostics;
  /// True when a file could not be read or is not valid YAML (exit code 3, outputs.md).
  bool input_failure = false;
  std::vector<LoadedFile> files;  ///< every file read, sorted by path
};

LoadResult load_project(const ProjectContext& project, const LoadOptions& options);

}  // namespace tampon
