#pragma once
#include <vector>

#include "host/build_pipeline.hpp"
#include "host/emitter_builds.hpp"
#include "host/planned_job.hpp"
#include "tampon/emitter.hpp"
#include "write/manifest.hpp"
#include "write/output_stamps.hpp"

namespace tampon {

/// Asks each emitter for its jobs, refuses unsafe or clashing paths (internal errors of the
/// emitter), marks jobs that read none of `options.selection` (--select) as unselected, jobs
/// reading invalid records as skipped (--keep-going), and jobs whose fingerprint matches the
/// previous manifest, and whose file still has the recorded SHA-256 (`stamps`), as
/// unchanged. Sorted by path. Fingerprints take, for the data: the rules'
/// digest for emitters that read no record kind; the rules' digest and the digest of each
/// listed record for emitters in `options.per_record` (when `options.record_digests` is set);
/// the digest of every data file otherwise. Computed on `options.jobs` threads.
std::vector<PlannedJob> plan_jobs(const Model& model, const EmitterBuilds& builds,
                                  const ProjectContext& project, const Manifest& previous,
                                  const OutputStamps& stamps, const BuildOptions& options,
                                  Diagnostics& diagnostics);

}  // namespace tampon
