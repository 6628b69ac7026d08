#include "host/unchanged_emitters.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <map>

#include "core/parallel.hpp"
#include "host/record_digests.hpp"
#include "io/sha256.hpp"
#include "write/out_folder.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

// Everything an emitter's plan is made from, besides the files its jobs depend on (checked one
// by one from the memo): the tool, the emitter, the reference date, the rules, the files it
// read while preparing, each with its digest, and the records: `records` is either the digest
// of every record's digest (their public part for an emitter without personal data) or, for
// the data key, the digest of every data file.
std::string key_of(const Emitter& emitter, std::string_view records_kind,
                   const std::string& records, const Model& model, const ProjectContext& project,
                   const BuildOptions& options, const std::vector<fs::path>& prepared_from,
                   FileDigests& files) {
  const EmitterInfo& info = emitter.info();
  std::string text = "tampon-plan 1\n";
  for (std::string_view part : {std::string_view(TAMPON_VERSION), std::string_view(info.name),
                                std::string_view(info.version)}) {
    text.append(part);
    text += '\n';
  }
  text += model.as_of.iso() + "\n" + options.rules_digest + "\n";
  // The folders it reads from: a copy of the project built into the same --out plans again.
  text += project.project_dir.string() + "\n" + project.shipped_dir.string() + "\n";
  text.append(records_kind).append(" ").append(records).append("\n");
  for (const fs::path& file : prepared_from)
    text += file.string() + "=" + files.digest(file) + "\n";
  return sha256_hex(text);
}

// A job's dependency as a path to read: absolute, or relative to the project (OutputJob).
fs::path resolved(const std::string& dependency, const ProjectContext& project) {
  return dependency.starts_with('/') ? fs::path(dependency) : project.project_dir / dependency;
}

// Whether the file `path` a job depended on would still be the one found: a file of the
// tool's shared folder stands only while the project has none of the same name
// (ProjectContext::find), and its digest, like any other's, is the one recorded.
bool same_file(const std::string& path, const std::string& digest, const ProjectContext& project,
               const std::string& shipped_prefix, FileDigests& files) {
  if (!shipped_prefix.empty() && path.starts_with(shipped_prefix)) {
    fs::path in_project = project.project_dir / path.substr(shipped_prefix.size());
    struct stat st {};
    if (::lstat(in_project.c_str(), &st) == 0) return false;  // the project now has its own
  }
  return files.digest(resolved(path, project)) == digest;
}

}  // namespace

UnchangedEmitters::UnchangedEmitters(const Model& model, const EmitterBuilds& builds,
                                     const ProjectContext& project, const BuildOptions& options,
                                     DigestsOnDemand digests, const Manifest& previous,
                                     const OutputStamps& stamps, PlanMemo memo,
                                     const std::function<bool(const ManifestEntry&)>& checked)
    : m_model(model),
      m_builds(builds),
      m_project(project),
      m_options(options),
      m_digests(std::move(digests)),
      m_files(builds.digests()),
      m_memo(std::move(memo)),
      m_keys(builds.emitters().size()),
      m_data_keys(builds.emitters().size()),
      m_base_keys(builds.emitters().size()),
      m_unchanged(builds.emitters().size(), false),
      m_narrowed(builds.emitters().size(), false) {
  const std::vector<const Emitter*>& emitters = builds.emitters();
  if (!m_digests || options.force || options.rules_digest.empty() || options.data_digest.empty() ||
      !model.invalid.empty())
    return;
  for (std::size_t i = 0; i < emitters.size(); ++i) {
    if (!options.per_record.contains(emitters[i]) && !options.every_record.contains(emitters[i]))
      continue;
    m_data_keys[i] = key_of(*emitters[i], "data", options.data_digest, model, project, options,
                            builds.read_by(i), m_files);
    bool public_part = options.public_part.contains(emitters[i]);
    m_base_keys[i] = key_of(*emitters[i], public_part ? "public-base" : "records-base", "", model,
                            project, options, builds.read_by(i), m_files);
  }
  // The memo speaks of the manifest it was written with, and of no other.
  FileStamp manifest;
  if (!stamp_of(options.out_dir / "manifest.json", manifest) || !(manifest == m_memo.manifest))
    return;
  const std::string shipped_prefix =
      project.shipped_dir.empty() ? std::string() : (project.shipped_dir / "").string();
  // Each candidate's previous outputs, by emitter name.
  std::map<std::string, std::vector<const ManifestEntry*>, std::less<>> outputs_of;
  for (std::size_t i = 0; i < emitters.size(); ++i) {
    auto it = m_memo.emitters.find(emitters[i]->info().name);
    if (m_data_keys[i].empty() || it == m_memo.emitters.end()) continue;
    // The same data files: the same records, without digesting one. Other files (a record
    // moved, a comment edited) may still hold the same records: then by their digests.
    bool same_records = it->second.data_key == m_data_keys[i] || it->second.key == key(i);
    // Else only records changed, if nothing else did: planned again, narrowed (only an emitter
    // whose jobs list their records: the others' fingerprints take every data file).
    if (!same_records &&
        (it->second.base_key != m_base_keys[i] || !options.per_record.contains(emitters[i])))
      continue;
    bool files_same = std::all_of(it->second.files.begin(), it->second.files.end(), [&](auto& f) {
      return same_file(f.first, f.second, project, shipped_prefix, m_files);
    });
    if (!files_same) continue;
    if (same_records)
      outputs_of[emitters[i]->info().name];
    else
      m_narrowed[i] = true;
  }
  if (std::find(m_narrowed.begin(), m_narrowed.end(), true) != m_narrowed.end()) {
    m_changed.emplace(model, options.data_files, m_memo.data_files);
    if (!m_changed->usable()) {
      m_changed.reset();
      m_narrowed.assign(m_narrowed.size(), false);
    }
  }
  if (outputs_of.empty()) return;
  for (const auto& [path, entry] : previous.entries)
    if (auto it = outputs_of.find(entry.emitter); it != outputs_of.end())
      it->second.push_back(&entry);
  for (std::size_t i = 0; i < emitters.size(); ++i) {
    auto it = outputs_of.find(emitters[i]->info().name);
    if (it == outputs_of.end()) continue;
    const std::vector<const ManifestEntry*>& entries = it->second;
    if (entries.size() != m_memo.emitters.at(it->first).outputs) continue;
    // Every output still the file recorded, by its stamp alone: one hashed or marked stale
    // (--keep-going kept an old copy) makes the emitter planned as usual.
    std::atomic<bool> all_known{true};
    std::vector<char> is_checked(entries.size(), 0);
    for_each_index(entries.size(), options.jobs, [&](std::size_t k) {
      const ManifestEntry& e = *entries[k];
      if (!all_known.load(std::memory_order_relaxed)) return;
      is_checked[k] = checked(e);
      if (e.stale || (is_checked[k] && !stamps.known(options.out_dir, e.path, e.size, e.sha256)))
        all_known = false;
    });
    if (!all_known) continue;
    m_unchanged[i] = true;
    m_outputs += entries.size();
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const ManifestEntry* e = entries[k];
      if (!is_checked[k]) continue;
      ++m_checked;
      std::string_view folder = split_parent(e->path).first;
      if (!folder.empty() && (m_folders.empty() || m_folders.back() != folder))
        m_folders.emplace_back(folder);
    }
  }
  std::sort(m_folders.begin(), m_folders.end());
  m_folders.erase(std::unique(m_folders.begin(), m_folders.end()), m_folders.end());
}

void UnchangedEmitters::take_keys() const {
  for (std::size_t i = 0; i < m_unchanged.size(); ++i)
    if (!m_unchanged[i] && !m_data_keys[i].empty()) key(i);
}

const std::string& UnchangedEmitters::key(std::size_t i) const {
  if (m_keys[i].empty() && !m_data_keys[i].empty()) {
    const Emitter& emitter = *m_builds.emitters()[i];
    bool public_part = m_options.public_part.contains(&emitter);
    std::string& records = m_records[public_part];
    if (records.empty()) {
      const RecordDigests* digests = m_digests();
      if (!digests) return m_keys[i];  // empty: never equal, never recorded
      records = digests->of_all(public_part);
    }
    m_keys[i] = key_of(emitter, public_part ? "public" : "records", records, m_model, m_project,
                       m_options, m_builds.read_by(i), m_files);
  }
  return m_keys[i];
}

PlanMemo UnchangedEmitters::next(const Plan& plan, const FileStamp& manifest,
                                 bool record_planned) const {
  const std::vector<const Emitter*>& emitters = m_builds.emitters();
  PlanMemo next;
  next.manifest = manifest;
  next.data_files = m_options.data_files;
  // Emitters planned in full (--select sets jobs aside, unverified) whose every job is done.
  std::vector<bool> complete(emitters.size(), true);
  for (const UnselectedJob& u : plan.unselected) complete[u.emitter] = false;
  std::map<const Emitter*, std::size_t> index;
  for (std::size_t i = 0; i < emitters.size(); ++i) index[emitters[i]] = i;
  std::vector<std::size_t> outputs(emitters.size(), 0);
  std::vector<std::vector<std::string>> files(emitters.size());
  for (const PlannedJob& p : plan.jobs) {
    std::size_t i = index.at(p.emitter);
    bool done =
        p.fate == PlannedJob::Fate::Unchanged || (p.fate == PlannedJob::Fate::Render && p.ok);
    if (!done) complete[i] = false;
    ++outputs[i];
    if (!m_data_keys[i].empty() && complete[i])
      files[i].insert(files[i].end(), p.job.depends_on.begin(), p.job.depends_on.end());
  }
  for (std::size_t i = 0; i < emitters.size(); ++i) {
    const std::string& name = emitters[i]->info().name;
    if (m_unchanged[i]) {
      // As it was, under today's data key: found unchanged by its records' digests after a
      // data file changed, it is the same for these files too.
      EmitterPlanMemo same = m_memo.emitters.at(name);
      same.data_key = m_data_keys[i];
      same.base_key = m_base_keys[i];
      next.emitters.emplace(name, std::move(same));
      continue;
    }
    if (!record_planned || m_data_keys[i].empty() || !complete[i]) continue;
    EmitterPlanMemo e;
    e.key = key(i);
    e.data_key = m_data_keys[i];
    e.base_key = m_base_keys[i];
    e.outputs = outputs[i];
    std::sort(files[i].begin(), files[i].end());
    files[i].erase(std::unique(files[i].begin(), files[i].end()), files[i].end());
    // As planning took them: a file edited while the outputs were rendered is then seen as
    // changed by the next build, which plans again.
    bool known = true;
    for (std::string& file : files[i]) {
      auto digest = plan.dependency_digests.find(file);
      if (digest == plan.dependency_digests.end()) {
        known = false;
        break;
      }
      e.files.emplace_back(std::move(file), digest->second);
    }
    if (!known || e.key.empty()) continue;
    next.emitters.emplace(name, std::move(e));
  }
  return next;
}

}  // namespace tampon
