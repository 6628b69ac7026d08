#include "cli/session.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <future>
#include <iostream>
#include <thread>

#include "core/phase_clock.hpp"
#include "host/emitter_builds.hpp"
#include "host/emitter_codes.hpp"
#include "io/sha256.hpp"
#include "load/load_rules_data.hpp"
#include "rules/validate.hpp"
#include "tampon/suggest.hpp"

namespace tampon::cli {
namespace fs = std::filesystem;

fs::path shipped_dir() {
  // Absolute: emitters name the shipped files they read by absolute path, and a relative one
  // would be read as relative to the project (host/plan_jobs.cpp).
  std::error_code ec;
  if (const char* env = std::getenv("TAMPON_SHARE_DIR"); env && *env) {
    fs::path absolute = fs::absolute(env, ec);
    return ec ? fs::path(env) : absolute.lexically_normal();
  }
  return TAMPON_SHARE_DIR;
}

namespace {

fs::path cache_dir(const Options& options) {
  if (options.no_cache) return {};
  if (const char* env = std::getenv("TAMPON_CACHE_DIR"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "tampon";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache/tampon";
  return {};
}

constexpr std::string_view k_rules_files[] = {"data/baremes.yaml", "data/smic.yaml"};

// What load_project reads, minus the records.
LoadResult load_rules_only(const ProjectContext& project) {
  LoadResult out;
  load::load_baremes(project, out);
  load::load_smic(project, out);
  sort_diagnostics(out.diagnostics);
  std::sort(out.files.begin(), out.files.end(),
            [](const LoadedFile& a, const LoadedFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace

ProjectContext make_project_context(const Options& options) {
  std::error_code ec;
  fs::path project = fs::weakly_canonical(fs::absolute(options.project), ec);
  return ProjectContext{project, shipped_dir()};
}

namespace {

std::size_t record_count(const RecordSet& r) {
  return r.structures.size() + r.conseillers.size() + r.conventions.size() + r.avenants.size() +
         r.versements.size() + r.rapports.size() + r.depenses.size();
}

// A project with nothing to validate says so, rather than "0 erreur" that reads as success.
// When the record files already gave findings (an empty file, a broken one), those say it.
void warn_if_no_records(const ProjectContext& project, LoadResult& loaded) {
  if (loaded.input_failure || record_count(loaded.records) != 0 || !loaded.diagnostics.empty())
    return;
  Diagnostic d;
  d.where.file = "data";
  d.severity = Severity::Warning;
  d.code = "no-records";
  d.message =
      fs::is_directory(project.project_dir / "data")
          ? "aucun enregistrement lu : data/ n'a pas de fichier .yaml dans structures/, "
            "conseillers/, conventions/, avenants/, versements/, rapports/ ou depenses/"
          : "aucun enregistrement lu : le projet n'a pas de dossier data/ (vérifiez --project)";
  loaded.diagnostics.push_back(std::move(d));
}

}  // namespace

Session open_session(const Options& options, bool load_records, bool for_build) {
  Session session;
  session.project = make_project_context(options);
  LoadOptions load_options{options.jobs, cache_dir(options)};
  load_options.release_freed_memory = !for_build;
  LoadResult loaded =
      load_records ? load_project(session.project, load_options) : load_rules_only(session.project);
  if (load_records) warn_if_no_records(session.project, loaded);
  phase_done("chargement");
  session.input_failure = loaded.input_failure;
  session.files = loaded.files;
  session.diagnostics = std::move(loaded.diagnostics);
  loaded.diagnostics.clear();
  if (!session.input_failure)
    session.model =
        validate(std::move(loaded), options.as_of, session.diagnostics, job_count(options));
  phase_done("validation");
  return session;
}

// Outside any function and with external linkage, so that the compiler keeps the store and
// leak checkers see the session as reachable.
Session* g_session_until_exit = nullptr;

Session& open_session_until_exit(const Options& options, bool load_records, bool for_build) {
  delete g_session_until_exit;  // a command run again in the same process (the fuzz targets)
  g_session_until_exit = new Session(open_session(options, load_records, for_build));
  return *g_session_until_exit;
}

Diagnostics check_emitters(const EmitterBuilds& builds, const Session& session, unsigned jobs) {
  const std::vector<const Emitter*>& emitters = builds.emitters();
  // Checks only read the model, and some walk every record (glyphs of every name, every
  // structure's reports): run them side by side. Results are gathered in emitter order, so
  // the output never depends on timing; an exception still reaches the caller.
  std::vector<Diagnostics> found(emitters.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < emitters.size(); i = next++) {
      found[i] = emitters[i]->check(session.model, session.project, builds.state(i));
      vet_findings(*emitters[i], found[i]);
    }
  };
  std::vector<std::future<void>> workers;
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  unsigned threads = std::min<unsigned>(jobs, static_cast<unsigned>(emitters.size()));
  for (unsigned t = 1; t < threads; ++t) workers.push_back(std::async(std::launch::async, worker));
  worker();
  for (auto& w : workers) w.get();
  Diagnostics all;
  for (auto& f : found) all.insert(all.end(), f.begin(), f.end());
  return all;
}

std::optional<std::vector<const Emitter*>> select_emitters(const EmitterSet& set,
                                                           const Options& options) {
  std::vector<const Emitter*> selected;
  if (options.only.empty()) {
    for (const auto& e : set.all()) selected.push_back(e.emitter);
    return selected;
  }
  auto names = set.names();
  std::vector<std::string_view> candidates(names.begin(), names.end());
  for (const auto& name : options.only) {
    const Emitter* e = set.find(name);
    if (!e) {
      std::cerr << "tampon: erreur: émetteur inconnu « " << name << " »"
                << did_you_mean(name, candidates) << " (la liste : tampon plugins)\n";
      return std::nullopt;
    }
    selected.push_back(e);
  }
  return selected;
}

bool reads_records(const std::vector<const Emitter*>& emitters) {
  return std::any_of(emitters.begin(), emitters.end(),
                     [](const Emitter* e) { return !e->info().reads.empty(); });
}

unsigned job_count(const Options& options) {
  if (options.jobs) return options.jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

BuildOptions build_options(const Options& options, const Session& session) {
  BuildOptions build;
  build.out_dir = options.out;
  build.jobs = job_count(options);
  build.keep_going = options.keep_going;
  build.force = options.force;
  build.data_digest = data_digest(session.files);
  for (const auto& f : session.files) build.data_files.emplace_back(f.path, f.sha256);
  std::sort(build.data_files.begin(), build.data_files.end());
  // A path read twice (never, but the memo must stay sorted and unique): neither is trusted.
  for (std::size_t i = 1; i < build.data_files.size(); ++i)
    if (build.data_files[i].first == build.data_files[i - 1].first) {
      build.data_files.clear();
      break;
    }
  build.rules_digest = rules_digest(session);
  return build;
}

std::string rules_digest(const Session& session) {
  std::vector<LoadedFile> rules;
  for (std::string_view relative : k_rules_files) {
    std::string shown = session.project.display(session.project.find(relative));
    for (const auto& f : session.files)
      if (f.path == shown) rules.push_back(f);
  }
  return data_digest(rules);
}

std::string data_digest(const std::vector<LoadedFile>& files) {
  std::string text;
  for (const auto& f : files) text += f.path + "=" + f.sha256 + "\n";
  return sha256_hex(text);
}

}  // namespace tampon::cli
