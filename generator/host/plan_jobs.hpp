#pragma once
#include <vector>

#include "host/planned_job.hpp"
#include "tampon/emitter.hpp"
#include "write/manifest.hpp"
#include "write/output_stamps.hpp"

namespace tampon {

/// Asks each emitter for its jobs, refuses unsafe or clashing paths (internal errors of the
/// emitter), marks jobs reading invalid records as skipped (--keep-going), and jobs whose
/// fingerprint matches the previous manifest, and whose file still has the recorded SHA-256,
/// as unchanged. Sorted by path. Jobs of emitters
/// that read no record kind take `rules_digest` (when not empty) for the data in their
/// fingerprint, the others `data_digest`. Digests and fingerprints are computed on `threads`
/// threads.
std::vector<PlannedJob> plan_jobs(const Model& model, const std::vector<const Emitter*>& emitters,
                                  const ProjectContext& project, const Manifest& previous,
                                  const std::filesystem::path& out_dir, const OutputStamps& stamps,
                                  const std::string& data_digest, const std::string& rules_digest,
                                  unsigned threads, Diagnostics& diagnostics);

}  // namespace tampon
