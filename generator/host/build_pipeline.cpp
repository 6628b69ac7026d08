#include "host/build_pipeline.hpp"

#include <algorithm>
#include <set>

#include "host/plan_jobs.hpp"
#include "host/render_pool.hpp"
#include "write/manifest.hpp"
#include "write/output_tree.hpp"

namespace tampon {
namespace {

// One line of the next manifest: a previous entry kept as it was, or an output of this build.
struct ManifestRow {
  const ManifestEntry* kept = nullptr;
  const PlannedJob* made = nullptr;
};

struct NextManifest {
  std::vector<ManifestRow> rows;  ///< sorted by path
  std::vector<std::string> stale;
};

bool made_by_this_build(const PlannedJob& p) { return p.fate != PlannedJob::Fate::Skipped && p.ok; }

// The new manifest, by merging the previous one and the jobs (both sorted by path): entries of
// emitters that did not run are kept as they were (--only), every output of this build is
// (re)recorded, skipped or failed outputs keep their previous entry; the other previous
// entries name stale outputs.
NextManifest next_manifest(const Manifest& previous, const std::vector<PlannedJob>& jobs,
                           const std::vector<const Emitter*>& emitters) {
  std::set<std::string, std::less<>> ran;
  for (const Emitter* e : emitters) ran.insert(e->info().name);
  NextManifest next;
  auto before = previous.entries.begin();
  auto job = jobs.begin();
  while (before != previous.entries.end() || job != jobs.end()) {
    int order = before == previous.entries.end() ? 1
                : job == jobs.end()              ? -1
                                                 : before->first.compare(job->job.path);
    if (order < 0) {  // an output this build does not plan
      if (ran.contains(before->second.emitter))
        next.stale.push_back(before->first);
      else
        next.rows.push_back({&before->second, nullptr});
      ++before;
      continue;
    }
    if (made_by_this_build(*job))
      next.rows.push_back({nullptr, &*job});
    else if (order == 0)
      next.rows.push_back({&before->second, nullptr});
    if (order == 0) ++before;
    ++job;
  }
  return next;
}

// Streams the manifest: a national build's is tens of MB, never held whole nor as a tree.
void write_manifest(std::ostream& out, const NextManifest& next, const ProjectContext& project) {
  ManifestWriter writer(out, TAMPON_VERSION, project.as_of.iso());
  for (const auto& row : next.rows) {
    if (row.kept) {
      writer.entry(*row.kept);
      continue;
    }
    const PlannedJob& p = *row.made;
    writer.begin_entry(p.job.path, p.emitter->info().name, p.size, p.sha256);
    for (const auto& ref : p.job.inputs) writer.record(name(ref.kind), ref.id);
    writer.end_entry(p.fingerprint);
  }
  writer.finish();
}

}  // namespace

BuildReport run_build(const Model& model, const std::vector<const Emitter*>& emitters,
                      const ProjectContext& project, const BuildOptions& options) {
  BuildReport report;
  // Even under --force the previous manifest is read: it names the other emitters' outputs
  // (kept) and this build's stale ones (removed). --force only disables reuse.
  Manifest previous = Manifest::read(options.out_dir / "manifest.json");
  auto jobs =
      plan_jobs(model, emitters, project, options.force ? Manifest{} : previous, options.out_dir,
                options.data_digest, options.rules_digest, options.jobs, report.diagnostics);
  report.planned = jobs.size();
  if (count_errors(report.diagnostics) > 0) return report;  // an emitter bug: write nothing

  OutputTree tree(options.out_dir);
  bool renders = std::any_of(jobs.begin(), jobs.end(), [](const PlannedJob& p) {
    return p.fate == PlannedJob::Fate::Render;
  });
  if (renders) tree.open_staging();  // throws Fatal here, not on a render thread
  render_jobs(jobs, model, project, tree, options.jobs, report.diagnostics, options.progress);
  bool failed = count_errors(report.diagnostics) > 0;
  for (const auto& p : jobs) {
    if (p.fate == PlannedJob::Fate::Skipped) {
      report.skipped.push_back(p.job.path + " : " + p.skip_reason);
    } else if (!p.ok) {
      report.skipped.push_back(p.job.path + " : échec du rendu");
    }
  }
  if (failed && !options.keep_going) return report;  // ~OutputTree discards the staging

  NextManifest next = next_manifest(previous, jobs, emitters);
  for (const auto& p : jobs) {
    if (p.fate == PlannedJob::Fate::Render && p.ok) {
      tree.commit(p.staged, p.job.path);
      ++report.written;
    } else if (p.fate == PlannedJob::Fate::Unchanged) {
      ++report.unchanged;
    }
  }
  for (const auto& path : next.stale) {
    tree.remove_stale(path);
    ++report.removed;
  }
  if (report.written || report.removed || !previous.entries.empty() || !jobs.empty()) {
    // Last: it vouches for the rest.
    tree.write_atomically("manifest.json",
                          [&](std::ostream& out) { write_manifest(out, next, project); });
    report.wrote_nothing = false;
  }
  return report;
}

}  // namespace tampon
