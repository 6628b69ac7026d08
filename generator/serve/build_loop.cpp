#include "serve/build_loop.hpp"

#include "cli/report.hpp"
#include "core/phase_clock.hpp"

namespace tampon::serve {

namespace fs = std::filesystem;

BuildLoop::BuildLoop(cli::Options command, const Emitter& site)
    : m_command(std::move(command)), m_site(&site), m_out_watch(m_command.out) {
  m_command.only = {"site"};
  m_command.select.clear();
  m_command.keep_going = false;  // a preview shows a site without errors, or the errors
  // The watcher reports every change under the sources (serve/watcher.hpp): their digests
  // need no `stat` until it names them (rebuild → forget).
  m_digests->trust_under(sources());
}

BuildLoop::~BuildLoop() = default;

Attempt BuildLoop::build_all() {
  m_reload = true;
  return build({}, true);
}

Attempt BuildLoop::rebuild(const std::vector<fs::path>& changed, bool data_changed) {
  return build(changed, data_changed || m_reload);
}

Attempt BuildLoop::build(const std::vector<fs::path>& changed, bool reload) {
  Attempt attempt = attempt_build(changed, reload);
  m_out_watch.settle(attempt.report.touched);  // every attempt: a failed one changes nothing
  return attempt;
}

Attempt BuildLoop::attempt_build(const std::vector<fs::path>& changed, bool reload) {
  Attempt attempt;
  phase_done("attente");  // since the previous build (TAMPON_TIMINGS=1)
  if (reload) {
    // What `tampon build --only site` loads: the rules as data (the site reads no record).
    auto session = std::make_unique<cli::Session>(cli::open_session(m_command, false));
    if (session->input_failure) {
      m_reload = true;  // the previous model stays; the next change loads it again
      attempt.input_failure = true;
      attempt.findings = std::move(session->diagnostics);
      return attempt;
    }
    m_session = std::move(session);
    m_builds.reset();  // prepared for the previous model
    m_reload = false;
  }
  const cli::Session& session = *m_session;
  attempt.findings = session.diagnostics;
  try {
    m_digests->forget(changed);
    WarmStart warm{m_builds.get(), changed, m_digests};
    auto builds =
        std::make_unique<EmitterBuilds>(session.model, std::vector{m_site}, session.project,
                                        cli::job_count(m_command), std::move(warm));
    m_builds = std::move(builds);
    phase_done("préparation des émetteurs");
    Diagnostics found = cli::check_emitters(*m_builds, session, cli::job_count(m_command));
    phase_done("vérifications des émetteurs");
    attempt.findings.insert(attempt.findings.end(), found.begin(), found.end());
    cli::apply_strict(attempt.findings, m_command);
    if (attempt.has_errors()) return attempt;  // nothing written: out/ is untouched
    BuildOptions options = cli::build_options(m_command, session);
    options.fingerprint_memo = &m_fingerprints;
    options.list_touched = true;
    options.manifest_memory = &m_manifest;
    options.outputs_as_left = m_out_watch.as_left();
    attempt.report = run_build(session.model, *m_builds, session.project, options);
    attempt.findings.insert(attempt.findings.end(), attempt.report.diagnostics.begin(),
                            attempt.report.diagnostics.end());
    cli::apply_strict(attempt.findings, m_command);
  } catch (const Fatal& e) {
    m_builds.reset();  // its states may be half taken: the next build reads everything
    attempt.findings.push_back(Diagnostic::error({}, "output-failure", e.what()));
  }
  return attempt;
}

std::vector<fs::path> BuildLoop::sources() const {
  ProjectContext project = cli::make_project_context(m_command);
  return {project.find("content"), project.find("templates/site")};
}

std::vector<fs::path> BuildLoop::data() const {
  return {cli::make_project_context(m_command).project_dir / "data"};
}

}  // namespace tampon::serve
