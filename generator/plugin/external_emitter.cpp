#include "plugin/external_emitter.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <optional>

#include "plugin/external_process.hpp"
#include "plugin/external_protocol.hpp"

namespace tampon {
namespace fs = std::filesystem;
using external::ProcessRequest;
using external::ProcessResult;

namespace {

constexpr std::size_t k_stderr_lines = 20;

Diagnostic load_error(const fs::path& path, std::string message,
                      Severity severity = Severity::Error) {
  return Diagnostic(severity, {path.string(), 0, 0}, "plugin-load", std::move(message));
}

bool valid_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

// The stderr tail as notes, one line each, so text and JSON reports both show it.
std::vector<Note> stderr_notes(const std::string& text) {
  std::vector<Note> notes;
  for (auto& line : external::last_lines(text, k_stderr_lines))
    notes.push_back({{}, "sortie d'erreur : " + line});
  return notes;
}

std::string why_failed(const ProcessResult& result, std::chrono::milliseconds timeout) {
  return external::describe_end(result, timeout);
}

// Runs `describe` and reads its reply; nullopt with an error naming the program.
std::optional<external::Description> describe(const fs::path& program,
                                              std::chrono::milliseconds timeout,
                                              Diagnostics& diagnostics) {
  ProcessResult result;
  try {
    result = external::run_process({program, {"describe"}, {}, {}, timeout});
  } catch (const Fatal& e) {
    diagnostics.push_back(load_error(program, e.what()));
    return std::nullopt;
  }
  if (!result.ok()) {
    Diagnostic d = load_error(program, "« describe » " + why_failed(result, timeout));
    d.notes = stderr_notes(result.err);
    diagnostics.push_back(std::move(d));
    return std::nullopt;
  }
  try {
    return external::parse_describe(result.out);
  } catch (const external::ProtocolError& e) {
    diagnostics.push_back(
        load_error(program, std::string("émetteur externe refusé : ") + e.what()));
    return std::nullopt;
  }
}

}  // namespace

std::vector<fs::path> find_external_emitters(const fs::path& dir, Diagnostics& diagnostics) {
  std::vector<fs::path> candidates, found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string file = entry.path().filename().string();
    if (file.starts_with(k_external_prefix) && entry.path().extension() != ".so" &&
        entry.is_regular_file(ec))
      candidates.push_back(entry.path());
  }
  std::sort(candidates.begin(), candidates.end());  // diagnostics in a stable order
  for (const auto& path : candidates) {
    if (::access(path.c_str(), X_OK) != 0) {
      diagnostics.push_back(
          load_error(path, "programme d'émetteur non exécutable : ignoré (chmod +x pour l'activer)",
                     Severity::Warning));
    } else if (!valid_name(path.filename().string().substr(k_external_prefix.size()))) {
      diagnostics.push_back(
          load_error(path,
                     "nom d'émetteur invalide : après « tampon-emitter- », seulement des lettres, "
                     "des chiffres, « - » et « _ » (renommez le fichier)"));
    } else {
      found.push_back(path);
    }
  }
  return found;
}

ExternalEmitter::ExternalEmitter(fs::path program, EmitterInfo info,
                                 std::chrono::milliseconds timeout)
    : m_program(std::move(program)), m_info(std::move(info)), m_timeout(timeout) {}

std::unique_ptr<ExternalEmitter> ExternalEmitter::open(const fs::path& program,
                                                       Diagnostics& diagnostics) {
  auto timeout = external::timeout_from_env();
  if (const char* value = std::getenv("TAMPON_EXTERNAL_TIMEOUT");
      value && !external::parse_timeout(value))
    diagnostics.push_back(load_error(program,
                                     std::string("TAMPON_EXTERNAL_TIMEOUT « ") + value +
                                         " » ignoré : un nombre de secondes positif est attendu",
                                     Severity::Warning));
  auto description = describe(program, timeout, diagnostics);
  if (!description) return nullptr;
  std::string file = program.filename().string();
  std::string expected =
      file.starts_with(k_external_prefix) ? file.substr(k_external_prefix.size()) : file;
  if (description->info.name != expected) {
    diagnostics.push_back(load_error(program, "le programme s'annonce « " + description->info.name +
                                                  " » mais son fichier le nomme « " + expected +
                                                  " » : les deux noms doivent être identiques"));
    return nullptr;
  }
  return std::unique_ptr<ExternalEmitter>(
      new ExternalEmitter(program, std::move(description->info), timeout));
}

Diagnostic ExternalEmitter::failure(const std::string& what, const std::string& why,
                                    const std::string& stderr_text) const {
  return Diagnostic::error(
      {}, "external-emitter-failed",
      "émetteur « " + m_info.name + " » (" + m_program.string() + "), " + what + " : " + why,
      stderr_notes(stderr_text));
}

ExternalEmitter::PlanOutcome ExternalEmitter::run_plan(const std::string& request) const {
  PlanOutcome outcome;
  ProcessResult result;
  try {
    result = external::run_process({m_program, {"plan"}, request, {}, m_timeout});
  } catch (const Fatal& e) {
    outcome.failed = true;
    outcome.diagnostics.push_back(failure("« plan »", e.what(), {}));
    return outcome;
  }
  if (!result.ok()) {
    outcome.failed = true;
    outcome.diagnostics.push_back(
        failure("« plan »", "le programme " + why_failed(result, m_timeout), result.err));
    return outcome;
  }
  try {
    auto reply = external::parse_plan(result.out, m_info);
    outcome.jobs = std::move(reply.jobs);
    outcome.diagnostics = std::move(reply.diagnostics);
  } catch (const external::ProtocolError& e) {
    outcome.failed = true;
    outcome.diagnostics.push_back(failure("réponse à « plan » refusée", e.what(), result.err));
    return outcome;
  }
  // The program itself is an input of every file it makes: editing it re-renders them.
  for (std::size_t i = 0; i < outcome.jobs.size(); ++i) {
    OutputJob& job = outcome.jobs[i].job;
    job.depends_on.push_back(fs::absolute(m_program).string());
    job.id.index = i;  // its key, for render: outcome.jobs[i].key
  }
  return outcome;
}

/// One build of an external emitter: the reply to its `plan`, and the records JSON of the
/// model, shared by every job that reads everything.
struct ExternalEmitter::Build final : BuildState {
  std::string records;
  PlanOutcome plan;
  /// check() returned the plan's diagnostics: a failed plan then plans nothing (--keep-going)
  /// instead of stopping the build. The one thing check() sets, atomically.
  mutable std::atomic<bool> reported{false};
};

std::unique_ptr<BuildState> ExternalEmitter::prepare(const Model& model, PrepareContext&) const {
  auto build = std::make_unique<Build>();
  build->records = external::records_json(model, m_info.reads);
  build->plan = run_plan(external::plan_request(model, build->records));
  return build;
}

Diagnostics ExternalEmitter::check(const Model&, const ProjectContext&,
                                   const BuildState& state) const {
  const Build& build = state.as<Build>();
  build.reported = true;
  return build.plan.diagnostics;
}

std::vector<OutputJob> ExternalEmitter::plan(const Model&, const ProjectContext&,
                                             const BuildState& state) const {
  const Build& build = state.as<Build>();
  const PlanOutcome& outcome = build.plan;
  if (outcome.failed && !build.reported) {  // nobody has seen why: stop the build with it
    auto first = std::find_if(outcome.diagnostics.begin(), outcome.diagnostics.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::Error; });
    throw Fatal(first != outcome.diagnostics.end() ? first->message : "échec de « plan »");
  }
  std::vector<OutputJob> jobs;  // empty after a failure check() reported (--keep-going)
  for (const auto& planned : outcome.jobs) jobs.push_back(planned.job);
  return jobs;
}

void ExternalEmitter::render(const OutputJob& job, const Model& model, const BuildState& state,
                             RenderContext& ctx) const {
  // A job that names its inputs gets only those records; one that names none gets all.
  const Build& build = state.as<Build>();
  std::string own;
  if (!job.inputs.empty()) own = external::records_json(model, m_info.reads, job.inputs);
  std::string request = external::render_request(build.plan.jobs.at(job.id.index), model,
                                                 job.inputs.empty() ? build.records : own);
  own.clear();
  own.shrink_to_fit();
  ProcessRequest process{m_program,
                         {"render"},
                         request,
                         {{"TAMPON_OUTPUT", fs::absolute(ctx.output_path()).string()}},
                         m_timeout};
  ProcessResult result = external::run_process(process);  // Fatal: the pool reports it
  if (!result.ok()) {
    ctx.report(failure("rendu de « " + job.path + " »",
                       "le programme " + why_failed(result, m_timeout), result.err));
    // The failure is reported: an empty staging file (discarded with the failed job) keeps
    // the host from adding "no file written" to it.
    std::ofstream touch(ctx.output_path(), std::ios::app);
    return;
  }
  try {
    for (auto& d : external::parse_render(result.out, m_info)) ctx.report(std::move(d));
  } catch (const external::ProtocolError& e) {
    ctx.report(failure("réponse à « render » refusée", e.what(), result.err));
  }
}

}  // namespace tampon
