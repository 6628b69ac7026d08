#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "host/build_pipeline.hpp"
#include "host/emitter_builds.hpp"
#include "host/planned_job.hpp"
#include "tampon/emitter.hpp"
#include "write/manifest.hpp"
#include "write/output_stamps.hpp"

namespace tampon {

class ChangedRecords;
class RecordDigests;

/// --select: an output planned but left out (it reads none of the selected records), kept
/// as its path and who planned it: checked with the others, never rendered.
struct UnselectedJob {
  std::string path;
  std::size_t emitter = 0;  ///< index in EmitterBuilds::emitters()
  std::size_t order = 0;    ///< its place in that emitter's plan
};

/// Emitters planned again only because records changed (host/unchanged_emitters.hpp): the
/// fingerprint of a job of theirs that reads none of `changed` and lists exactly the records
/// of its previous manifest entry is that entry's (host/changed_records.hpp).
struct Narrowing {
  std::vector<const Emitter*> emitters;
  const ChangedRecords* changed = nullptr;
};

struct Plan {
  std::vector<PlannedJob> jobs;           ///< sorted by path
  std::vector<UnselectedJob> unselected;  ///< sorted by path
  std::size_t fingerprints_kept = 0;      ///< by Narrowing
  /// The digest of every file the jobs depend on, as their fingerprints took it (the plan
  /// memo records these, not the files as they are once the build is over).
  std::unordered_map<std::string, std::string> dependency_digests;
};

/// Asks each emitter for its jobs, refuses unsafe or clashing paths (internal errors of the
/// emitter), sets aside jobs that read none of `options.selection` (--select), marks jobs
/// reading invalid records as skipped (--keep-going), and jobs whose fingerprint matches the
/// previous manifest, and whose file still has the recorded SHA-256 (`stamps`), as
/// unchanged. Sorted by path. Fingerprints take, for the data: the rules'
/// digest for emitters that read no record kind; the rules' digest and the digest of each
/// listed record for emitters in `options.per_record` (with `options.record_digests` or
/// `options.digest_records`);
/// the digest of every data file otherwise. Computed on `options.jobs` threads.
/// `not_planned` (when given): emitters not asked for their plan (host/unchanged_emitters.hpp).
/// `record_digests` (when given): used instead of options.record_digests.
/// `narrowing` (when given): jobs whose previous fingerprint stands (see Narrowing).
Plan plan_jobs(const Model& model, const EmitterBuilds& builds, const ProjectContext& project,
               const Manifest& previous, const OutputStamps& stamps, const BuildOptions& options,
               Diagnostics& diagnostics, const std::vector<bool>* not_planned = nullptr,
               const RecordDigests* record_digests = nullptr, const Narrowing* narrowing = nullptr);

}  // namespace tampon
