#include "host/build_pipeline.hpp"

#include <string.h>

#include <algorithm>
#include <exception>
#include <optional>
#include <set>
#include <string_view>

#include "core/phase_clock.hpp"
#include "host/changed_records.hpp"
#include "host/emitter_builds.hpp"
#include "host/plan_jobs.hpp"
#include "host/record_digests.hpp"
#include "host/render_pool.hpp"
#include "host/unchanged_emitters.hpp"
#include "render/json_text.hpp"
#include "write/manifest.hpp"
#include "write/manifest_memory.hpp"
#include "write/output_stamps.hpp"
#include "write/output_tree.hpp"
#include "write/plan_memo.hpp"
#include "write/previous_build_prefetch.hpp"

namespace tampon {
namespace {

// One line of the next manifest: a previous entry kept as it was (or marked stale), or an
// output of this build.
struct ManifestRow {
  const ManifestEntry* kept = nullptr;
  const PlannedJob* made = nullptr;
  bool stale = false;  ///< kept although its inputs changed (--keep-going)
};

struct NextManifest {
  std::vector<ManifestRow> rows;  ///< sorted by path
  std::vector<std::string> stale;
  /// Previous outputs no longer planned because a record they read is in error: kept, and
  /// listed like the skipped jobs ("path (fiche en erreur : kind:id)").
  std::vector<std::string> skipped;
};

bool made_by_this_build(const PlannedJob& p) { return p.fate != PlannedJob::Fate::Skipped && p.ok; }

// Records as manifest.json lists them ("\"convention:cv-…\""), to match against
// ManifestEntry::records_json without parsing it.
std::set<std::string, std::less<>> literals(const std::set<RecordRef>& refs) {
  std::set<std::string, std::less<>> out;
  for (const RecordRef& ref : refs) {
    std::string literal;
    append_manifest_string(literal, std::string(name(ref.kind)) + ":" + ref.id);
    out.insert(std::move(literal));
  }
  return out;
}

// The first record of `entry` found in `among`, as its literal; empty when none. A few
// records (--select, the records in error) are searched for in the text as a whole, which is
// many times faster than looking each line of a national manifest up in the set.
std::string_view first_read(const ManifestEntry& entry,
                            const std::set<std::string, std::less<>>& among) {
  if (among.empty()) return {};
  std::string_view rest = entry.records_json;
  if (among.size() <= 8) {
    std::size_t first = std::string_view::npos;
    std::string_view found;
    // memmem rather than string_view::find: every line starts with the literal's first
    // character (a quote), which find looks for first, comparing at each of them.
    auto find = [&](std::string_view literal, std::size_t from) {
      if (from >= rest.size()) return std::string_view::npos;
      const void* hit =
          ::memmem(rest.data() + from, rest.size() - from, literal.data(), literal.size());
      return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - rest.data())
                 : std::string_view::npos;
    };
    for (const std::string& literal : among) {
      // A whole line: a literal ends with its quote, so "…cv-1" never matches "…cv-10".
      for (std::size_t at = find(literal, 0); at != std::string_view::npos && at < first;
           at = find(literal, at + 1)) {
        if (at > 0 && rest[at - 1] != '\n') continue;
        std::size_t end = at + literal.size();
        if (end != rest.size() && rest[end] != '\n') continue;
        first = at;
        found = literal;
        break;
      }
    }
    return found;
  }
  while (!rest.empty()) {
    auto cut = rest.find('\n');
    std::string_view literal = rest.substr(0, cut);
    if (among.contains(literal)) return literal;
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
  }
  return {};
}

// What the previous manifest's records say about an output this build does not plan.
struct PreviousReads {
  std::set<std::string, std::less<>> invalid;                  ///< records in error
  std::optional<std::set<std::string, std::less<>>> selected;  ///< --select
};

// The new manifest, by merging the previous one and the jobs (both sorted by path): entries of
// emitters that did not run are kept as they were (--only), and so are those of the jobs
// --select left out (`unselected`, sorted by path); every output of this build is (re)recorded;
// skipped or failed outputs keep their previous entry, marked stale. A previous output no longer
// planned is stale (removed) unless
// --select leaves it out, or it read a record now in error: --keep-going keeps it, marked stale
// (an invalid convention has no derived state, so its emitters plan nothing for it).
NextManifest next_manifest(const Manifest& previous, const Plan& plan,
                           const std::vector<const Emitter*>& emitters,
                           const PreviousReads& reads) {
  const std::vector<PlannedJob>& jobs = plan.jobs;
  std::set<std::string, std::less<>> ran;
  for (const Emitter* e : emitters) ran.insert(e->info().name);
  NextManifest next;
  auto before = previous.entries.begin();
  auto job = jobs.begin();
  auto aside = plan.unselected.begin();
  // Whether `path` is one of the jobs --select left out (paths come in increasing order).
  auto left_out = [&](const std::string& path) {
    while (aside != plan.unselected.end() && aside->path < path) ++aside;
    return aside != plan.unselected.end() && aside->path == path;
  };
  while (before != previous.entries.end() || job != jobs.end()) {
    int order = before == previous.entries.end() ? 1
                : job == jobs.end()              ? -1
                                                 : before->first.compare(job->job.path);
    if (order < 0) {  // an output this build does not plan
      const ManifestEntry& entry = before->second;
      if (!ran.contains(entry.emitter) || left_out(entry.path) ||
          (reads.selected && first_read(entry, *reads.selected).empty())) {
        next.rows.push_back({&entry, nullptr, false});
      } else if (auto bad = first_read(entry, reads.invalid); !bad.empty()) {
        next.rows.push_back({&entry, nullptr, true});
        // The literal of a plain "kind:id" is that text in quotes.
        next.skipped.push_back(before->first + " (fiche en erreur : " +
                               std::string(bad.substr(1, bad.size() - 2)) + ")");
      } else {
        next.stale.push_back(before->first);
      }
      ++before;
      continue;
    }
    if (made_by_this_build(*job))
      next.rows.push_back({nullptr, &*job, false});
    else if (order == 0)
      next.rows.push_back({&before->second, nullptr, true});
    if (order == 0) ++before;
    ++job;
  }
  return next;
}

// Streams the manifest: a national build's is over 100 MB, never held whole nor as a tree,
// formatted in blocks on `threads` threads while the blocks before are written.
void write_manifest(std::ostream& out, const NextManifest& next, const Model& model,
                    unsigned threads) {
  write_manifest_in_blocks(out, TAMPON_VERSION, model.as_of.iso(), next.rows.size(), threads,
                           [&](std::size_t i, ManifestWriter& writer) {
                             const ManifestRow& row = next.rows[i];
                             if (row.kept) {
                               const ManifestEntry& e = *row.kept;
                               writer.begin_entry(e.path, e.emitter, e.size, e.sha256);
                               writer.records_json(e.records_json);
                               writer.end_entry(e.fingerprint, e.stale || row.stale);
                               return;
                             }
                             const PlannedJob& p = *row.made;
                             writer.begin_entry(p.job.path, p.emitter->info().name, p.size,
                                                p.sha256);
                             for (const auto& ref : p.job.inputs)
                               writer.record(name(ref.kind), ref.id);
                             writer.end_entry(p.fingerprint);
                           });
}

// Whether `next` would be written byte for byte as the manifest.json `previous` was read from:
// that file as the writer writes it (a manifest edited, laid out otherwise or with entries
// dropped is rewritten), the same tool version and reference date, and each row the previous
// entry unchanged (kept with its stale mark, or found unchanged with the same records).
bool manifest_unchanged(const Manifest& previous, const NextManifest& next, const Model& model) {
  if (!previous.as_written || previous.tool_version != TAMPON_VERSION ||
      previous.as_of != model.as_of.iso() || !next.stale.empty() ||
      next.rows.size() != previous.entries.size())
    return false;
  auto before = previous.entries.begin();
  std::string literal;
  for (const ManifestRow& row : next.rows) {
    const ManifestEntry& entry = (before++)->second;
    if (row.kept) {
      if (row.kept != &entry || (row.stale && !entry.stale)) return false;
      continue;
    }
    const PlannedJob& p = *row.made;
    if (p.fate != PlannedJob::Fate::Unchanged || entry.stale || entry.path != p.job.path ||
        entry.emitter != p.emitter->info().name || entry.fingerprint != p.fingerprint)
      return false;
    if (!lists_exactly(entry.records_json, p.job.inputs, literal)) return false;
  }
  return true;
}

// With BuildOptions::leave_to_exit, moves the plan and the previous manifest, when run_build
// returns, where they stay reachable until the process exits (never freed, never reported as
// leaks).
struct LeftToExit {
  bool on;
  Plan& plan;
  Manifest& previous;
  OutputStamps& stamps;
  std::optional<RecordDigests>& digests;
  ~LeftToExit() {
    if (!on) return;
    struct Left {
      Plan plan;
      Manifest previous;
      OutputStamps stamps;
      std::optional<RecordDigests> digests;
    };
    static auto* left = new std::vector<Left>();
    left->push_back({std::move(plan), std::move(previous), std::move(stamps), std::move(digests)});
  }
};

// The manifest `next` describes, as Manifest::read gives it back from the file written: the
// kept entries moved out of `previous` (no copy), this build's made from its jobs.
Manifest manifest_of(const NextManifest& next, Manifest& previous, const Model& model) {
  Manifest out;
  out.tool_version = TAMPON_VERSION;
  out.as_of = model.as_of.iso();
  out.as_written = true;
  for (const ManifestRow& row : next.rows) {
    if (row.kept) {
      bool stale = row.kept->stale || row.stale;
      auto node = previous.entries.extract(row.kept->path);
      node.mapped().stale = stale;
      out.entries.insert(out.entries.end(), std::move(node));
      continue;
    }
    const PlannedJob& p = *row.made;
    ManifestEntry entry;
    entry.path = p.job.path;
    entry.emitter = p.emitter->info().name;
    entry.size = p.size;
    entry.sha256 = p.sha256;
    entry.fingerprint = p.fingerprint;
    for (const RecordRef& ref : p.job.inputs) {
      if (!entry.records_json.empty()) entry.records_json += '\n';
      append_manifest_string(entry.records_json, std::string(name(ref.kind)) + ":" + ref.id);
    }
    out.entries.emplace_hint(out.entries.end(), entry.path, std::move(entry));
  }
  return out;
}

// BuildOptions::manifest_memory: whatever way run_build ends, the memory is left holding what
// manifest.json holds: this build's manifest once committed, else the previous one as read
// (unless reading it found problems: the next build reads it again and says so). Nothing on an
// exception: the commit may have stopped half way.
struct KeepManifest {
  ManifestMemory* memory;
  const std::filesystem::path& out_dir;
  Manifest& previous;
  bool previous_clean = false;
  std::optional<Manifest> next{};
  ~KeepManifest() {
    if (!memory || std::uncaught_exceptions() > 0) return;
    if (next)
      memory->keep(std::move(*next), out_dir);
    else if (previous_clean)
      memory->keep(std::move(previous), out_dir);
  }
};

// The outputs of the emitters not planned again, as the summary counts them: unchanged, or
// outside --select when they read none of the selected records (those were not checked).
void count_unchanged_outputs(const UnchangedEmitters& unchanged, BuildReport& report) {
  report.unchanged += unchanged.checked_outputs();
  report.unselected += unchanged.outputs() - unchanged.checked_outputs();
}

Diagnostic warning(std::string code, std::string message) {
  return Diagnostic::warning({}, std::move(code), std::move(message));
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
  EmitterBuilds builds(model, emitters, project, options.jobs);
  return run_build(model, builds, project, options);
}

BuildReport run_build(const Model& model, const EmitterBuilds& builds,
                      const ProjectContext& project, const BuildOptions& options) {
  const std::vector<const Emitter*>& emitters = builds.emitters();
  BuildReport report;
  // The lock first, and an interrupted commit finished, before anything of --out is read.
  OutputTreeOptions tree_options{options.faults, options.on_wait};
  if (options.max_files_synced_one_by_one)
    tree_options.max_files_synced_one_by_one = *options.max_files_synced_one_by_one;
  OutputTree tree(options.out_dir, tree_options);
  tree.open();
  if (!tree.recovery_note().empty())
    report.diagnostics.push_back(warning("interrupted-build", tree.recovery_note()));
  // Even under --force the previous manifest is read: it names the other emitters' outputs
  // (kept) and this build's stale ones (removed). --force only disables reuse.
  std::vector<std::string> problems;
  Manifest previous;
  if (auto kept =
          options.manifest_memory ? options.manifest_memory->take(options.out_dir) : std::nullopt)
    previous = std::move(*kept);
  else if (auto read = options.prefetched ? options.prefetched->take(options.out_dir, problems)
                                          : std::nullopt)
    previous = std::move(*read);
  else
    previous = Manifest::read(options.out_dir / "manifest.json", &problems);
  // (leave_to_exit hands `previous` to the process's exit instead.)
  KeepManifest keep{options.leave_to_exit ? nullptr : options.manifest_memory, options.out_dir,
                    previous, problems.empty()};
  phase_done("manifest lu");
  for (auto& problem : problems)
    report.diagnostics.push_back(warning("manifest-ignored", std::move(problem)));
  std::optional<OutputStamps> prefetched_stamps;
  if (!options.force && options.prefetched)
    prefetched_stamps = options.prefetched->take_stamps(options.out_dir);
  OutputStamps stamps = options.force       ? OutputStamps{}
                        : prefetched_stamps ? std::move(*prefetched_stamps)
                                            : OutputStamps::read(options.out_dir);
  phase_done("tampons lus");
  // Emitters for which nothing changed are not planned again (host/unchanged_emitters.hpp):
  // that needs every record's digest, taken here once for their keys and the fingerprints.
  // Every record's digest is taken only when needed: for the keys when the data files
  // changed, for the fingerprints when an emitter that lists its records is planned.
  std::optional<RecordDigests> own_digests;
  const RecordDigests* record_digests = options.record_digests;
  const bool remember = options.remember_plans && !options.force;
  auto digests_on_demand = [&]() -> const RecordDigests* {
    if (!record_digests && options.digest_records) {
      own_digests.emplace(model, options.jobs);
      record_digests = &*own_digests;
      phase_done("empreintes des fiches");
    }
    return record_digests;
  };
  PreviousReads reads{literals(model.invalid), std::nullopt};
  if (options.selection) reads.selected = literals(*options.selection);
  // Under --select, the outputs reading none of the selected records are left as they are,
  // unchecked, as for the emitters planned.
  auto checked = [&](const ManifestEntry& entry) {
    return !reads.selected || !first_read(entry, *reads.selected).empty();
  };
  UnchangedEmitters unchanged(
      model, builds, project, options,
      remember ? UnchangedEmitters::DigestsOnDemand(digests_on_demand) : nullptr, previous, stamps,
      remember ? PlanMemo::read(options.out_dir) : PlanMemo{}, checked);
  phase_done("émetteurs inchangés");
  for (std::size_t i = 0; i < emitters.size(); ++i)
    if (remember && !unchanged.unchanged(i) && options.per_record.contains(emitters[i]))
      digests_on_demand();  // for the fingerprints of its jobs, and its key
  if (remember) unchanged.take_keys();
  // By reference: a copy of a national manifest costs a second of CPU.
  static const Manifest k_none;
  Narrowing narrowing;
  narrowing.changed = unchanged.changed();
  for (std::size_t i = 0; i < emitters.size(); ++i)
    if (unchanged.narrowed(i)) narrowing.emitters.push_back(emitters[i]);
  Plan plan = plan_jobs(model, builds, project, options.force ? k_none : previous, stamps, options,
                        report.diagnostics, &unchanged.all(), record_digests, &narrowing);
  report.fingerprints_kept = plan.fingerprints_kept;
  std::vector<PlannedJob>& jobs = plan.jobs;
  LeftToExit leave{options.leave_to_exit, plan, previous, stamps, own_digests};
  phase_done("plan");
  report.planned = jobs.size() + plan.unselected.size() + unchanged.outputs();
  report.unselected = plan.unselected.size();
  if (count_errors(report.diagnostics) > 0) return report;  // an emitter bug: write nothing

  // The unchanged emitters' entries are kept as they are, like those of emitters not run.
  std::vector<const Emitter*> planned_emitters;
  for (std::size_t i = 0; i < emitters.size(); ++i)
    if (!unchanged.unchanged(i)) planned_emitters.push_back(emitters[i]);
  count_unchanged_outputs(unchanged, report);
  NextManifest next = next_manifest(previous, plan, planned_emitters, reads);
  phase_done("manifest suivant");
  {  // Refused now, before rendering, rather than at commit: --out stays untouched. Only the
     // files this build will place: an unchanged, skipped or unselected output stays as it is.
    // Their folders are still checked: a folder replaced by a link is refused, never trusted.
    std::vector<std::string> targets, kept_folders;
    for (const auto& p : jobs) {
      if (p.fate == PlannedJob::Fate::Render) {
        targets.push_back(p.job.path);
      } else if (p.fate == PlannedJob::Fate::Unchanged && !options.outputs_as_left) {
        std::string_view folder = split_parent(p.job.path).first;
        if (kept_folders.empty() || kept_folders.back() != folder)
          kept_folders.emplace_back(folder);
      }
    }
    targets.push_back("manifest.json");
    if (!options.outputs_as_left)
      kept_folders.insert(kept_folders.end(), unchanged.folders().begin(),
                          unchanged.folders().end());
    tree.check_free(targets, next.stale, kept_folders);
  }
  phase_done("chemins libres");
  tree.open_staging();  // throws Fatal here, not on a render thread
  render_jobs(jobs, model, project, tree, options.jobs, report.diagnostics, options.progress);
  phase_done("rendu");
  stop_on_io_failure(report.diagnostics);
  bool failed = count_errors(report.diagnostics) > 0;
  for (const auto& p : jobs) {
    if (p.fate == PlannedJob::Fate::Skipped) {
      report.skipped.push_back(p.job.path + " (" + p.skip_reason + ")");
    } else if (!p.ok) {
      report.skipped.push_back(p.job.path + " (échec du rendu)");
    }
  }
  if (failed && !options.keep_going) return report;  // ~OutputTree discards the staging

  next = next_manifest(previous, plan, planned_emitters, reads);  // failed jobs keep their entry
  report.skipped.insert(report.skipped.end(), next.skipped.begin(), next.skipped.end());
  for (const auto& p : jobs) {
    if (p.fate == PlannedJob::Fate::Render && p.ok) {
      tree.place(p.staged, p.job.path);
      ++report.written;
      if (options.list_touched) report.touched.push_back(p.job.path);
    } else if (p.fate == PlannedJob::Fate::Unchanged) {
      ++report.unchanged;
    }
  }
  for (const auto& path : next.stale) {
    tree.remove(path);
    ++report.removed;
    if (options.list_touched) report.touched.push_back(path);
  }
  // A rebuild that changes no entry leaves manifest.json as it is (tens of MB for the national
  // set), and one that also places, removes and re-hashes nothing leaves --out untouched.
  bool same_manifest = manifest_unchanged(previous, next, model);
  bool stamps_known = stamps.all_known();
  bool nothing_at_all = previous.entries.empty() && jobs.empty() && plan.unselected.empty();
  if (report.written || report.removed || (!nothing_at_all && (!same_manifest || !stamps_known))) {
    if (!same_manifest)
      tree.stage_tool_file("manifest.json", [&](std::ostream& out) {
        write_manifest(out, next, model, options.jobs);
      });
    phase_done("manifest écrit");
    // Only the files this commit places are stat'ed for the next stamps: an unchanged output
    // keeps the stamp seen when its SHA-256 was checked, a kept one the stamp recorded with it.
    std::vector<StampedOutput> outputs;
    outputs.reserve(next.rows.size());
    for (const auto& row : next.rows) {
      if (row.kept) {
        outputs.push_back(
            {row.kept->path, row.kept->sha256, stamps.recorded(row.kept->path, row.kept->sha256)});
      } else {
        const PlannedJob& p = *row.made;
        bool checked = p.fate == PlannedJob::Fate::Unchanged && !options.force;
        outputs.push_back({p.job.path, p.sha256, checked ? &p.seen : nullptr});
      }
    }
    tree.commit(outputs);
    if (options.manifest_memory) keep.next = manifest_of(next, previous, model);
    phase_done("validation du dossier");
    report.wrote_nothing = false;
  }
  if (remember) {  // after the commit: the memo names manifest.json's stamp as it now is
    FileStamp manifest;
    if (stamp_of(options.out_dir / "manifest.json", manifest)) {
      PlanMemo memo = unchanged.next(plan, manifest, count_errors(report.diagnostics) == 0);
      if (!(memo == unchanged.previous_memo()))
        tree.replace_cache_file(PlanMemo::k_file_name, memo.text());
    }
  }
  phase_done("mémo des plans");
  return report;
}

}  // namespace tampon
