#include <unistd.h>

#include <iostream>
#include <mutex>
#include <thread>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/select.hpp"
#include "cli/session.hpp"
#include "core/phase_clock.hpp"
#include "host/build_pipeline.hpp"
#include "host/emitter_builds.hpp"
#include "write/previous_build_prefetch.hpp"

namespace tampon::cli {
namespace {

// "[37/120] rendu" on one line, only on a terminal and only in text mode.
std::function<void(std::size_t, std::size_t)> progress_line(const Options& options) {
  if (options.quiet || options.format != Format::Text || !isatty(STDERR_FILENO)) return {};
  auto mutex = std::make_shared<std::mutex>();
  return [mutex](std::size_t done, std::size_t total) {
    std::lock_guard lock(*mutex);
    std::cerr << "\r[" << done << "/" << total << "] fichiers rendus" << std::flush;
    if (done == total) std::cerr << "\r\033[K" << std::flush;
  };
}

void print_outcome(const BuildReport& report, const Options& options) {
  if (options.format != Format::Text) return;
  for (const auto& skipped : report.skipped) std::cerr << "ignoré : " << skipped << "\n";
  if (options.quiet) return;
  std::cerr << report.written << " fichier(s) écrit(s), " << report.unchanged << " inchangé(s), "
            << report.removed << " supprimé(s)";
  if (!report.skipped.empty()) std::cerr << ", " << report.skipped.size() << " ignoré(s)";
  if (!options.select.empty()) std::cerr << ", " << report.unselected << " hors sélection";
  std::cerr << " dans " << options.out.string() << "\n";
}

}  // namespace

int run_build(const Options& options) {
  // Emitters first: when those selected read no record kind (--only site), the records are
  // neither loaded nor validated.
  Diagnostics plugin_diagnostics;
  EmitterSet& set = emitter_set_until_exit(options, plugin_diagnostics);
  auto selected = select_emitters(set, options);
  if (!selected) return k_exit_usage;
  const bool load_records =
      options.only.empty() || reads_records(*selected) || !options.select.empty();
  // The previous manifest and stamps are read meanwhile, on a thread of its own (only read:
  // --out is neither created nor locked before the records are known to be valid).
  PreviousBuildPrefetch prefetched(options.out);
  Session& session = open_session_until_exit(options, load_records, /*for_build=*/true);
  const RecordSet* read = load_records ? &session.model.records : nullptr;
  Diagnostics& diagnostics = session.diagnostics;
  if (session.input_failure) {
    print_diagnostics(diagnostics, options);
    return k_exit_io;
  }
  // An unknown id in --select is a usage error, whatever else is wrong.
  std::optional<std::set<RecordRef>> selection;
  if (!options.select.empty()) {
    std::string wrong;
    selection = resolve_selection(options.select, session.model, wrong);
    if (!selection) {
      std::cerr << "tampon: erreur: " << wrong << "\n(aide : tampon --help)\n";
      return k_exit_usage;
    }
  }
  diagnostics.insert(diagnostics.end(), plugin_diagnostics.begin(), plugin_diagnostics.end());
  // Each emitter reads what its outputs need once (Emitter::prepare), for the checks, the
  // plan and every render of this build.
  EmitterBuilds builds(session.model, *selected, session.project, job_count(options));
  phase_done("préparation des émetteurs");
  Diagnostics found = check_emitters(builds, session, job_count(options));
  phase_done("vérifications des émetteurs");
  diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  apply_strict(diagnostics, options);
  if (count_errors(diagnostics) && !options.keep_going) {
    print_diagnostics(diagnostics, options, read);  // nothing written: out/ is untouched
    return exit_code_for(diagnostics);
  }
  BuildOptions build = build_options(options, session);
  build.progress = progress_line(options);
  phase_done("empreintes des fichiers");
  build.on_wait = [&options] {
    if (!options.quiet)
      std::cerr << "attente : une autre construction écrit déjà dans " << options.out.string()
                << " ; celle-ci commencera quand elle aura fini\n";
  };
  // One digest per record, so that a job is rendered again only when a record it reads
  // changed (host/record_digests.hpp); taken while planning, of the records the jobs read.
  build.digest_records = true;
  // Emitters for which nothing changed since the last build are not planned again.
  build.remember_plans = true;
  for (const LoadedEmitter& e : set.all()) {
    if (e.lists_every_input) build.per_record.insert(e.emitter);
    if (e.lists_every_input && e.prints_public_part_only) build.public_part.insert(e.emitter);
    if (e.reads_every_record) build.every_record.insert(e.emitter);
  }
  build.selection = std::move(selection);
  build.leave_to_exit = true;
  build.prefetched = &prefetched;
  BuildReport report;
  try {
    report = tampon::run_build(session.model, builds, session.project, build);
  } catch (const Fatal& e) {
    diagnostics.push_back(Diagnostic::error({}, "output-failure", e.what()));
    print_diagnostics(diagnostics, options);
    return k_exit_io;
  }
  diagnostics.insert(diagnostics.end(), report.diagnostics.begin(), report.diagnostics.end());
  apply_strict(diagnostics, options);
  // In JSON, each skipped output is one warning of the array (the text format prints
  // "ignoré : …" lines instead); added after --strict, it never changes the exit code.
  if (options.format == Format::Json)
    for (const auto& skipped : report.skipped)
      diagnostics.push_back(Diagnostic::warning({}, "output-skipped", "ignoré : " + skipped));
  print_diagnostics(diagnostics, options, read);
  print_outcome(report, options);
  phase_done("fin");
  return exit_code_for(diagnostics);
}

}  // namespace tampon::cli
