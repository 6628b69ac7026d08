#include "host/build_pipeline.hpp"

#include "host/plan_jobs.hpp"
#include "host/render_pool.hpp"
#include "write/manifest.hpp"
#include "write/output_tree.hpp"

namespace tampon {
namespace {

std::vector<std::string> record_names(const OutputJob& job) {
  std::vector<std::string> out;
  for (const auto& ref : job.inputs) out.push_back(std::string(name(ref.kind)) + ":" + ref.id);
  return out;
}

bool emitter_ran(const std::vector<const Emitter*>& emitters, const std::string& name) {
  for (const Emitter* e : emitters)
    if (e->info().name == name) return true;
  return false;
}

// The new manifest: entries of emitters that did not run are kept as they were (--only),
// every output of this build is (re)recorded, skipped outputs keep their previous entry.
Manifest next_manifest(const Manifest& previous, const std::vector<PlannedJob>& jobs,
                       const std::vector<const Emitter*>& emitters, const ProjectContext& project,
                       std::vector<std::string>& stale) {
  Manifest next;
  next.tool_version = TAMPON_VERSION;
  next.as_of = project.as_of.iso();
  for (const auto& [path, entry] : previous.entries)
    if (!emitter_ran(emitters, entry.emitter)) next.entries.emplace(path, entry);
  for (const auto& p : jobs) {
    if (p.fate == PlannedJob::Fate::Skipped || !p.ok) {
      auto it = previous.entries.find(p.job.path);
      if (it != previous.entries.end()) next.entries.emplace(p.job.path, it->second);
      continue;
    }
    next.entries.emplace(p.job.path, ManifestEntry{p.job.path, p.emitter->info().name, p.size,
                                                   p.sha256, record_names(p.job), p.fingerprint});
  }
  for (const auto& [path, entry] : previous.entries)
    if (!next.entries.contains(path)) stale.push_back(path);
  return next;
}

}  // namespace

BuildReport run_build(const Model& model, const std::vector<const Emitter*>& emitters,
                      const ProjectContext& project, const BuildOptions& options) {
  BuildReport report;
  // Even under --force the previous manifest is read: it names the other emitters' outputs
  // (kept) and this build's stale ones (removed). --force only disables reuse.
  Manifest previous = Manifest::read(options.out_dir / "manifest.json");
  auto jobs = plan_jobs(model, emitters, project, options.force ? Manifest{} : previous,
                        options.out_dir, options.data_digest, report.diagnostics);
  report.planned = jobs.size();
  if (count_errors(report.diagnostics) > 0) return report;  // an emitter bug: write nothing

  OutputTree tree(options.out_dir);
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

  std::vector<std::string> stale;
  Manifest next = next_manifest(previous, jobs, emitters, project, stale);
  for (const auto& p : jobs) {
    if (p.fate == PlannedJob::Fate::Render && p.ok) {
      tree.commit(p.staged, p.job.path);
      ++report.written;
    } else if (p.fate == PlannedJob::Fate::Unchanged) {
      ++report.unchanged;
    }
  }
  for (const auto& path : stale) {
    tree.remove_stale(path);
    ++report.removed;
  }
  if (report.written || report.removed || !previous.entries.empty() || !jobs.empty()) {
    tree.write_atomically("manifest.json", next.to_json());  // last: it vouches for the rest
    report.wrote_nothing = false;
  }
  return report;
}

}  // namespace tampon
