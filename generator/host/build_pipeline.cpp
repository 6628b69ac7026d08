#include "host/build_pipeline.hpp"

#include <algorithm>
#include <set>

#include "host/plan_jobs.hpp"
#include "host/render_pool.hpp"
#include "write/manifest.hpp"
#include "write/output_stamps.hpp"
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

Diagnostic warning(std::string code, std::string message) {
  return Diagnostic{{}, Severity::Warning, std::move(code), std::move(message), {}};
}

// An output an emitter could not write for lack of room or rights: the build stops (exit 3)
// even under --keep-going, since the next files would fail the same way.
void stop_on_io_failure(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.code == "output-failure") throw Fatal(d.message);
}

}  // namespace

BuildReport run_build(const Model& model, const std::vector<const Emitter*>& emitters,
                      const ProjectContext& project, const BuildOptions& options) {
  BuildReport report;
  // The lock first, and an interrupted commit finished, before anything of --out is read.
  OutputTree tree(options.out_dir, {options.faults, options.on_wait});
  tree.open();
  if (!tree.recovery_note().empty())
    report.diagnostics.push_back(warning("interrupted-build", tree.recovery_note()));
  // Even under --force the previous manifest is read: it names the other emitters' outputs
  // (kept) and this build's stale ones (removed). --force only disables reuse.
  std::vector<std::string> problems;
  Manifest previous = Manifest::read(options.out_dir / "manifest.json", &problems);
  for (auto& problem : problems)
    report.diagnostics.push_back(warning("manifest-ignored", std::move(problem)));
  OutputStamps stamps = options.force ? OutputStamps{} : OutputStamps::read(options.out_dir);
  auto jobs = plan_jobs(model, emitters, project, options.force ? Manifest{} : previous,
                        options.out_dir, stamps, options.data_digest, options.rules_digest,
                        options.jobs, report.diagnostics);
  report.planned = jobs.size();
  if (count_errors(report.diagnostics) > 0) return report;  // an emitter bug: write nothing

  NextManifest next = next_manifest(previous, jobs, emitters);
  {  // Refused now, before rendering, rather than at commit: --out stays untouched.
    std::vector<std::string> targets;
    for (const auto& p : jobs) targets.push_back(p.job.path);
    targets.push_back("manifest.json");
    tree.check_free(targets, next.stale);
  }
  tree.open_staging();  // throws Fatal here, not on a render thread
  render_jobs(jobs, model, project, tree, options.jobs, report.diagnostics, options.progress);
  stop_on_io_failure(report.diagnostics);
  bool failed = count_errors(report.diagnostics) > 0;
  for (const auto& p : jobs) {
    if (p.fate == PlannedJob::Fate::Skipped) {
      report.skipped.push_back(p.job.path + " : " + p.skip_reason);
    } else if (!p.ok) {
      report.skipped.push_back(p.job.path + " : échec du rendu");
    }
  }
  if (failed && !options.keep_going) return report;  // ~OutputTree discards the staging

  next = next_manifest(previous, jobs, emitters);  // failed jobs keep their previous entry
  for (const auto& p : jobs) {
    if (p.fate == PlannedJob::Fate::Render && p.ok) {
      tree.place(p.staged, p.job.path);
      ++report.written;
    } else if (p.fate == PlannedJob::Fate::Unchanged) {
      ++report.unchanged;
    }
  }
  for (const auto& path : next.stale) {
    tree.remove(path);
    ++report.removed;
  }
  if (report.written || report.removed || !previous.entries.empty() || !jobs.empty()) {
    tree.stage_tool_file("manifest.json",
                         [&](std::ostream& out) { write_manifest(out, next, project); });
    std::vector<std::pair<std::string, std::string>> outputs;
    outputs.reserve(next.rows.size());
    for (const auto& row : next.rows) {
      if (row.kept)
        outputs.emplace_back(row.kept->path, row.kept->sha256);
      else
        outputs.emplace_back(row.made->job.path, row.made->sha256);
    }
    tree.commit(outputs);
    report.wrote_nothing = false;
  }
  return report;
}

}  // namespace tampon
