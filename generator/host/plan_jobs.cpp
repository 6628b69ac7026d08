#include "host/plan_jobs.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>

#include "core/parallel.hpp"
#include "core/phase_clock.hpp"
#include "host/changed_records.hpp"
#include "host/fingerprint_memo.hpp"
#include "host/record_digests.hpp"
#include "io/file_digests.hpp"
#include "io/sha256.hpp"
#include "load/source_files.hpp"
#include "plan/output_paths.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

std::string ref_text(const RecordRef& ref) { return std::string(name(ref.kind)) + ":" + ref.id; }

/// Digests of every file the planned jobs depend on, computed once per build on `threads`
/// threads: most jobs of a site read the same templates, and a 1 000-page site has a thousand
/// pages to hash (only those no emitter read while preparing: host/emitter_builds.hpp).
class BuildDigests {
 public:
  BuildDigests(const std::vector<PlannedJob>& planned, const ProjectContext& project,
               FileDigests& files, unsigned threads) {
    // Keyed by the jobs' own strings (they outlive this table): no copy of each path. Each
    // job's dependencies are also kept as pointers to their digests, so that fingerprinting
    // looks nothing up; a dependency equal to the one at the same place from the end of the
    // previous job's list (the templates every page of a site lists) takes its pointer after
    // one comparison instead of a hash.
    m_first.reserve(planned.size() + 1);
    const std::vector<std::string>* before = nullptr;
    for (const auto& p : planned) {
      const std::vector<std::string>& deps = p.job.depends_on;
      std::size_t start = m_digest_of.size();
      for (std::size_t k = 0; k < deps.size(); ++k) {
        std::size_t from_end = deps.size() - 1 - k;
        if (before && from_end < before->size()) {
          std::size_t at = before->size() - 1 - from_end;
          if ((*before)[at] == deps[k]) {
            m_digest_of.push_back(m_digest_of[m_first.back() + at]);
            continue;
          }
        }
        m_digest_of.push_back(&m_known.emplace(deps[k], std::string()).first->second);
      }
      m_first.push_back(start);
      before = &deps;
    }
    m_first.push_back(m_digest_of.size());
    // The digests known without a look at the file (serve: FileDigests::trust_under) first,
    // on this thread; the others, which may need reading, on `threads`.
    std::vector<std::pair<const std::string_view, std::string>*> slots;
    slots.reserve(m_known.size());
    for (auto& entry : m_known) {
      if (auto known = files.trusted_digest(path_of(entry.first, project).string()))
        entry.second = std::move(*known);
      else
        slots.push_back(&entry);
    }
    // Each thread fills its own slots; the map's shape no longer changes.
    for_each_index(slots.size(), threads, [&](std::size_t i) {
      slots[i]->second = files.digest(path_of(slots[i]->first, project));
    });
  }
  /// Every dependency's digest as planning took it, by its name in the jobs.
  std::unordered_map<std::string, std::string> all() const {
    std::unordered_map<std::string, std::string> out;
    for (const auto& [dependency, digest] : m_known) out.emplace(dependency, digest);
    return out;
  }
  /// The digest of each dependency of job `i` of `planned`, in its order.
  std::span<const std::string* const> of_job(std::size_t i) const {
    return {m_digest_of.data() + m_first[i], m_first[i + 1] - m_first[i]};
  }

 private:
  static fs::path path_of(std::string_view dependency, const ProjectContext& project) {
    return dependency.starts_with('/') ? fs::path(dependency) : project.project_dir / dependency;
  }
  std::unordered_map<std::string_view, std::string> m_known;  ///< nodes: their values stay put
  std::vector<const std::string*> m_digest_of;  ///< every job's dependencies', job after job
  std::vector<std::size_t> m_first;             ///< where each job's start in m_digest_of
};

// Everything a file is made from: tool, emitter, reference date, its path and what else the
// emitter says it shows (OutputJob::fingerprint), the data
// and the other files it reads. Equal fingerprints mean equal bytes (outputs are
// deterministic), so the previous file can be kept. `data` is either the digest of every data
// file, or (per_record) the rules' digest followed by the digest of each record the job lists:
// only for emitters whose `inputs` name every record their outputs read; of the public part of
// each record (`public_part`) for those whose outputs print no personal data. Files of the
// shipped folder are named relative to `shipped_prefix` (that folder, ending in '/').
// With a memo (`serve`), a text hashed by an earlier build gives its fingerprint back, and a new
// one is copied to `fresh` for the memo to keep.
std::string fingerprint(const PlannedJob& planned, const std::string& as_of,
                        const std::string& data, const RecordDigests* per_record, bool public_part,
                        std::span<const std::string* const> dep_digests,
                        std::string_view shipped_prefix, std::string& text,
                        const FingerprintMemo* memo, std::string* fresh) {
  const auto& info = planned.emitter->info();
  const OutputJob& job = planned.job;
  // One buffer per thread, reused from job to job, filled in place: the text of a bulletin
  // lists tens of records, and a national build fingerprints about a million of them.
  text.clear();
  auto line = [&](std::string_view part) {
    text.append(part);
    text += '\n';
  };
  line(TAMPON_VERSION);
  line(info.name);
  line(info.version);
  line(as_of);
  line(job.path);
  line(job.fingerprint);
  line(data);
  if (per_record) {
    line(public_part ? "public records" : "records");
    for (const RecordRef& ref : job.inputs) {
      std::string_view kind = name(ref.kind);
      std::size_t at = text.size();
      text.resize(at + kind.size() + ref.id.size() + 2 + 64 + 1);
      char* out = text.data() + at;
      out = std::copy(kind.begin(), kind.end(), out);
      *out++ = ':';
      out = std::copy(ref.id.begin(), ref.id.end(), out);
      *out++ = '=';
      const RecordDigests::Digest* d =
          public_part ? per_record->find_public(ref) : per_record->find(ref);
      if (d) {  // in hex, as load::hex writes it, without a string per record
        static constexpr char k_digits[] = "0123456789abcdef";
        for (std::uint8_t byte : *d) {
          *out++ = k_digits[byte >> 4];
          *out++ = k_digits[byte & 15];
        }
        *out++ = '\n';
      } else {
        text.resize(static_cast<std::size_t>(out - text.data()));
        line("absent");
      }
    }
  }
  for (std::size_t k = 0; k < job.depends_on.size(); ++k) {
    // A file of the tool's own share folder by its name there, not where the tool is
    // installed: moving or reinstalling Tampon changes no output, so it re-renders none.
    std::string_view dep = job.depends_on[k];
    if (!shipped_prefix.empty() && dep.starts_with(shipped_prefix)) {
      text.append("<partagé>/");
      dep.remove_prefix(shipped_prefix.size());
    }
    text.append(dep).append("=");
    line(*dep_digests[k]);
  }
  if (memo) {
    if (const std::string* known = memo->find(job.path, text)) return *known;
    *fresh = text;
  }
  return sha256_hex(text);
}

Diagnostic emitter_error(const Emitter& emitter, const std::string& message) {
  return Diagnostic::error({}, "emitter-output",
                           "émetteur « " + emitter.info().name + " » : " + message);
}

// Unchanged: made from the same inputs, and the file on disk is still the one the manifest
// describes (its SHA-256, checked by stamp or by hashing it: write/output_stamps.hpp). A
// file edited by hand, or left by a crash, is rendered again.
// With `as_left` (BuildOptions::outputs_as_left), the stamp recorded at the previous commit
// stands for the file: the caller knows nothing under --out changed since.
bool unchanged_since(const ManifestEntry* previous, const std::string& fp, const fs::path& out_dir,
                     const OutputStamps& stamps, bool as_left, FileStamp& seen) {
  if (!previous || previous->fingerprint != fp) return false;
  if (as_left) {
    const FileStamp* recorded = stamps.recorded(previous->path, previous->sha256);
    if (recorded && recorded->size == previous->size) {
      seen = *recorded;
      return true;
    }
  }
  return stamps.holds(out_dir, previous->path, previous->size, previous->sha256, &seen);
}

}  // namespace

namespace {

// Whether `job` reads one of the records --select names.
bool reads_selected(const OutputJob& job, const std::set<RecordRef>& selection) {
  return std::any_of(job.inputs.begin(), job.inputs.end(),
                     [&](const RecordRef& ref) { return selection.contains(ref); });
}

// Sorts `planned` by path through an index: each job (a few hundred bytes) moves about once.
// Equal paths keep their order, so that the first emitter to plan a file owns it.
void sort_by_path(std::vector<PlannedJob>& planned) {
  std::vector<std::uint32_t> order(planned.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    int c = planned[a].job.path.compare(planned[b].job.path);
    return c < 0 || (c == 0 && a < b);
  });
  // In place, cycle by cycle (no second vector of jobs at the peak of memory): position j
  // receives job order[j].
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    PlannedJob first = std::move(planned[i]);
    std::uint32_t j = i;
    for (;;) {
      std::uint32_t from = order[j];
      order[j] = j;
      if (from == i) {
        planned[j] = std::move(first);
        break;
      }
      planned[j] = std::move(planned[from]);
      j = from;
    }
  }
}

// The files planned twice, each an error of the emitter that planned it second (the first
// owns it), found among sorted neighbours: `planned` (sorted) loses those jobs. `unselected`
// (--select: the other jobs' paths, sorted) keeps its entries but is checked with them, so
// that a partial build finds the same conflicts as a full one. Returns every path once, sorted.
std::vector<std::string_view> drop_duplicates(std::vector<PlannedJob>& planned,
                                              const std::vector<UnselectedJob>& unselected,
                                              const std::vector<const Emitter*>& emitters,
                                              Diagnostics& diagnostics) {
  auto error = [&](const Emitter& second, std::string_view path, const Emitter& first) {
    diagnostics.push_back(emitter_error(second, "le fichier « " + std::string(path) +
                                                    " » est déjà produit par « " +
                                                    first.info().name + " »"));
  };
  auto emitter_index = [&](const Emitter* e) {
    return static_cast<std::size_t>(std::find(emitters.begin(), emitters.end(), e) -
                                    emitters.begin());
  };
  // Both lists merged in order of path, then of emitter and place in its plan: the first of a
  // path owns it, whether its job is selected or not.
  std::vector<std::string_view> paths;
  paths.reserve(planned.size() + unselected.size());
  std::vector<bool> dropped(planned.size(), false);
  std::size_t i = 0, j = 0;
  std::string_view owner_path;
  const Emitter* owner = nullptr;
  while (i < planned.size() || j < unselected.size()) {
    bool take_planned = j == unselected.size();
    if (!take_planned && i < planned.size()) {
      const PlannedJob& p = planned[i];
      const UnselectedJob& u = unselected[j];
      take_planned =
          std::make_tuple(std::string_view(p.job.path), emitter_index(p.emitter), p.plan_order) <
          std::make_tuple(std::string_view(u.path), u.emitter, u.order);
    }
    std::string_view path = take_planned ? planned[i].job.path : unselected[j].path;
    const Emitter* emitter = take_planned ? planned[i].emitter : emitters[unselected[j].emitter];
    if (owner && path == owner_path) {
      error(*emitter, path, *owner);
      if (take_planned) dropped[i] = true;
    } else {
      owner_path = path;
      owner = emitter;
      paths.push_back(path);
    }
    if (take_planned)
      ++i;
    else
      ++j;
  }
  std::size_t kept = 0;
  for (std::size_t k = 0; k < planned.size(); ++k) {
    if (dropped[k]) continue;
    if (kept != k) planned[kept] = std::move(planned[k]);
    ++kept;
  }
  planned.erase(planned.begin() + static_cast<std::ptrdiff_t>(kept), planned.end());
  return paths;
}

}  // namespace

Plan plan_jobs(const Model& model, const EmitterBuilds& builds, const ProjectContext& project,
               const Manifest& previous, const OutputStamps& stamps, const BuildOptions& options,
               Diagnostics& diagnostics, const std::vector<bool>* not_planned,
               const RecordDigests* known_digests, const Narrowing* narrowing) {
  const std::vector<const Emitter*>& emitters = builds.emitters();
  Plan plan;
  std::vector<PlannedJob>& planned = plan.jobs;
  // Emitters plan side by side (plan only reads the model); their jobs are then taken in
  // emitter order, so nothing depends on timing. An exception is passed on as it came.
  // Under --select, each emitter's jobs that read none of the selected records are set aside
  // at once, as their paths alone: they are checked like the others (unsafe paths, files
  // planned twice, clashes) but never sorted with them nor fingerprinted, and their memory goes
  // back before the next emitter plans (a selection of one convention plans in a fraction of
  // the time of a full build).
  std::vector<std::vector<OutputJob>> proposed(emitters.size());
  std::vector<std::vector<UnselectedJob>> set_aside(emitters.size());
  std::vector<std::vector<std::size_t>> order_of_kept(emitters.size());
  std::vector<std::exception_ptr> failures(emitters.size());
  for_each_index(emitters.size(), options.jobs, [&](std::size_t i) {
    try {
      if (not_planned && (*not_planned)[i]) return;
      proposed[i] = emitters[i]->plan(model, project, builds.state(i));
      if (!options.selection) return;
      std::vector<OutputJob>& jobs = proposed[i];
      std::size_t kept = 0;
      for (std::size_t k = 0; k < jobs.size(); ++k) {
        if (!reads_selected(jobs[k], *options.selection)) {
          set_aside[i].push_back({std::move(jobs[k].path), i, k});
          continue;
        }
        if (kept != k) jobs[kept] = std::move(jobs[k]);
        order_of_kept[i].push_back(k);
        ++kept;
      }
      jobs.erase(jobs.begin() + static_cast<std::ptrdiff_t>(kept), jobs.end());
      jobs.shrink_to_fit();
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  for (std::size_t e = 0; e < emitters.size(); ++e) {
    const Emitter* emitter = emitters[e];
    for (std::size_t k = 0; k < proposed[e].size(); ++k) {
      OutputJob& job = proposed[e][k];
      if (auto why = unsafe_output_path(job.path)) {
        diagnostics.push_back(emitter_error(*emitter, *why + " : « " + job.path + " »"));
        continue;
      }
      PlannedJob p;
      p.emitter = emitter;
      p.state = &builds.state(e);
      p.plan_order = options.selection ? order_of_kept[e][k] : k;
      p.job = std::move(job);
      planned.push_back(std::move(p));
    }
    for (UnselectedJob& aside : set_aside[e]) {
      if (auto why = unsafe_output_path(aside.path)) {
        diagnostics.push_back(emitter_error(*emitter, *why + " : « " + aside.path + " »"));
        continue;
      }
      plan.unselected.push_back(std::move(aside));
    }
  }
  phase_done("plan des émetteurs");
  sort_by_path(planned);
  std::sort(plan.unselected.begin(), plan.unselected.end(),
            [](const UnselectedJob& a, const UnselectedJob& b) {
              return std::tie(a.path, a.emitter, a.order) < std::tie(b.path, b.emitter, b.order);
            });
  // Clashes between files, folders, cases (issue 13), over every planned path.
  for (std::string& why :
       output_path_clashes(drop_duplicates(planned, plan.unselected, emitters, diagnostics)))
    diagnostics.push_back(Diagnostic::error({}, "emitter-output", std::move(why)));
  unsigned threads = options.jobs;
  phase_done("tri et conflits de chemins");
  BuildDigests digests(planned, project, builds.digests(), threads);
  phase_done("empreintes des dépendances");
  // The digest of each record the jobs list (host/record_digests.hpp), unless the caller has
  // them: of every record for a full build, of those the selected jobs read under --select.
  const RecordDigests* record_digests = known_digests ? known_digests : options.record_digests;
  std::optional<RecordDigests> own_digests;
  bool lists_records = std::any_of(planned.begin(), planned.end(), [&](const PlannedJob& p) {
    return options.per_record.contains(p.emitter);
  });
  if (!record_digests && options.digest_records && lists_records) {
    std::size_t listed = 0;  // a selection of a few outputs lists a few records
    for (const PlannedJob& p : planned) listed += p.job.inputs.size();
    if (options.selection && listed < 10'000) {
      std::set<RecordRef> read;
      for (const PlannedJob& p : planned) read.insert(p.job.inputs.begin(), p.job.inputs.end());
      own_digests.emplace(model, threads, &read);
    } else {
      own_digests.emplace(model, threads);
    }
    record_digests = &*own_digests;
    phase_done("empreintes des fiches");
  }
  bool by_record = record_digests != nullptr && !options.rules_digest.empty();
  // Each job's previous entry, found by walking both sorted lists once: a lookup per job in
  // the map compared about 17 long paths ("bulletins/s-…/…") each.
  std::vector<const ManifestEntry*> previous_of(planned.size(), nullptr);
  {
    auto before = previous.entries.begin();
    for (std::size_t i = 0; i < planned.size() && before != previous.entries.end(); ++i) {
      const std::string& path = planned[i].job.path;
      while (before != previous.entries.end() && before->first < path) ++before;
      if (before != previous.entries.end() && before->first == path)
        previous_of[i] = &before->second;
    }
  }
  // Jobs are independent once the digests are known: fingerprint them side by side.
  const std::string as_of = model.as_of.iso();
  std::string shipped_prefix =
      project.shipped_dir.empty() ? std::string() : (project.shipped_dir / "").string();
  FingerprintMemo* memo = options.fingerprint_memo;
  std::vector<std::string> fresh(memo ? planned.size() : 0);  // texts the memo lacks
  // A job of a narrowed emitter keeps its previous entry's fingerprint when it reads no record
  // that may have changed and lists exactly the same records (host/changed_records.hpp): with
  // its inputs, its files and everything else the same, it is the fingerprint it would get.
  auto narrowed = [&](const PlannedJob& p) {
    return narrowing && narrowing->changed && by_record && options.per_record.contains(p.emitter) &&
           std::find(narrowing->emitters.begin(), narrowing->emitters.end(), p.emitter) !=
               narrowing->emitters.end();
  };
  std::atomic<std::size_t> kept{0};
  for_each_index(planned.size(), threads, [&](std::size_t i) {
    thread_local std::string text;
    std::string* fresh_text = memo ? &fresh[i] : nullptr;
    PlannedJob& p = planned[i];
    for (const auto& input : p.job.inputs) {
      if (!model.is_valid(input)) {
        p.fate = PlannedJob::Fate::Skipped;
        p.skip_reason = "fiche en erreur : " + ref_text(input);
        return;
      }
    }
    bool reads_records = !p.emitter->info().reads.empty() || options.rules_digest.empty();
    const ManifestEntry* previous_entry = previous_of[i];
    if (previous_entry && !previous_entry->stale && narrowed(p) &&
        previous_entry->emitter == p.emitter->info().name &&
        !narrowing->changed->any_of(p.job.inputs) &&
        lists_exactly(previous_entry->records_json, p.job.inputs, text)) {
      p.fingerprint = previous_entry->fingerprint;
      kept.fetch_add(1, std::memory_order_relaxed);
    } else if (!reads_records)
      p.fingerprint = fingerprint(p, as_of, options.rules_digest, nullptr, false, digests.of_job(i),
                                  shipped_prefix, text, memo, fresh_text);
    else if (by_record && options.per_record.contains(p.emitter))
      p.fingerprint = fingerprint(p, as_of, options.rules_digest, record_digests,
                                  options.public_part.contains(p.emitter), digests.of_job(i),
                                  shipped_prefix, text, memo, fresh_text);
    else
      p.fingerprint = fingerprint(p, as_of, options.data_digest, nullptr, false, digests.of_job(i),
                                  shipped_prefix, text, memo, fresh_text);
    const ManifestEntry* before = previous_of[i];
    if (unchanged_since(before, p.fingerprint, options.out_dir, stamps, options.outputs_as_left,
                        p.seen)) {
      p.fate = PlannedJob::Fate::Unchanged;
      p.ok = true;
      p.size = before->size;
      p.sha256 = before->sha256;
    }
  });
  for (std::size_t i = 0; i < fresh.size(); ++i)
    if (!fresh[i].empty())
      memo->keep(planned[i].job.path, std::move(fresh[i]), planned[i].fingerprint);
  plan.dependency_digests = digests.all();
  plan.fingerprints_kept = kept.load();
  return plan;
}

}  // namespace tampon
