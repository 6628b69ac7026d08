#pragma once
// A configurable in-test emitter: writes one small file per job, can fail on demand.
#include <atomic>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "tampon/emitter.hpp"

namespace tampon::testing {

/// What a fake job does (its JobId::kind), named in tests as a word: job("a.txt", "throw").
enum class Behaviour : std::uint32_t {
  Ok,
  Throw,            ///< throws
  Memory,           ///< hands its bytes to the host
  Symlink,          ///< leaves a link instead of a file
  Path,             ///< writes where the host asked for the file
  Error,            ///< reports an error
  Undeclared,       ///< reports a code the emitter did not declare
  DeclaredWarning,  ///< reports a declared warning as an error
};

inline Behaviour behaviour(std::string_view word) {
  constexpr std::string_view k_words[] = {"ok",   "throw", "memory",     "symlink",
                                          "path", "error", "undeclared", "declared-warning"};
  for (std::size_t i = 0; i < std::size(k_words); ++i)
    if (k_words[i] == word) return static_cast<Behaviour>(i);
  throw std::invalid_argument("comportement inconnu");
}

class FakeEmitter final : public Emitter {
 public:
  explicit FakeEmitter(std::string name, std::vector<OutputJob> jobs,
                       std::vector<RecordKind> reads = {})
      : m_info{std::move(name),
               "1.0.0",
               "test",
               std::move(reads),
               {},
               {{"test-error", Severity::Error, "erreur simulée"},
                {"test-warning", Severity::Warning, "avertissement simulé"}}},
        m_jobs(std::move(jobs)) {}
  const EmitterInfo& info() const override { return m_info; }
  std::vector<OutputJob> plan(const Model&, const ProjectContext&,
                              const BuildState&) const override {
    return m_jobs;
  }
  void render(const OutputJob& job, const Model&, const BuildState&,
              RenderContext& ctx) const override {
    ++renders;
    const auto does = static_cast<Behaviour>(job.id.kind);
    if (does == Behaviour::Throw) throw std::runtime_error("panne simulée");
    if (does == Behaviour::Memory) {  // handed to the host, which digests the bytes as it writes
      ctx.write("contenu de " + job.path + " en mémoire");
      return;
    }
    if (does == Behaviour::Symlink) {  // an emitter that leaves a link instead of a file
      std::filesystem::create_symlink("/etc/passwd", ctx.output_path());
      return;
    }
    if (does == Behaviour::Path) {  // where the host asked for the file
      std::ofstream(ctx.output_path()) << ctx.output_path().string();
      return;
    }
    std::ofstream(ctx.output_path()) << "contenu de " << job.path << " v" << content_version;
    if (does == Behaviour::Error) ctx.report(Diagnostic::error({}, "test-error", "erreur simulée"));
    // A code the emitter did not declare, and a declared warning reported as an error.
    if (does == Behaviour::Undeclared)
      ctx.report(Diagnostic::warning({}, "code-inconnu", "constat"));
    if (does == Behaviour::DeclaredWarning)
      ctx.report(Diagnostic::error({}, "test-warning", "avertissement simulé"));
  }
  mutable std::atomic<int> renders{0};
  int content_version = 1;

 private:
  EmitterInfo m_info;
  std::vector<OutputJob> m_jobs;
};

inline OutputJob job(std::string path, std::string_view does = "ok",
                     std::vector<RecordRef> inputs = {}) {
  return OutputJob{std::move(path),
                   std::move(inputs),
                   {},
                   {.kind = static_cast<std::uint32_t>(behaviour(does))}};
}

}  // namespace tampon::testing
