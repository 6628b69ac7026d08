#pragma once
// A configurable in-test emitter: writes one small file per job, can fail on demand.
#include <atomic>
#include <fstream>

#include "tampon/emitter.hpp"

namespace tampon::testing {

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
  std::vector<OutputJob> plan(const Model&, const ProjectContext&) const override { return m_jobs; }
  void render(const OutputJob& job, const Model&, RenderContext& ctx) const override {
    ++renders;
    if (job.key == "throw") throw std::runtime_error("panne simulée");
    if (job.key == "memory") {  // handed to the host, which digests the bytes as it writes
      ctx.write("contenu de " + job.path + " en mémoire");
      return;
    }
    if (job.key == "symlink") {  // an emitter that leaves a link instead of a file
      std::filesystem::create_symlink("/etc/passwd", ctx.output_path());
      return;
    }
    if (job.key == "path") {  // where the host asked for the file
      std::ofstream(ctx.output_path()) << ctx.output_path().string();
      return;
    }
    std::ofstream(ctx.output_path()) << "contenu de " << job.path << " v" << content_version;
    if (job.key == "error") ctx.report(Diagnostic::error({}, "test-error", "erreur simulée"));
    // A code the emitter did not declare, and a declared warning reported as an error.
    if (job.key == "undeclared") ctx.report(Diagnostic::warning({}, "code-inconnu", "constat"));
    if (job.key == "declared-warning")
      ctx.report(Diagnostic::error({}, "test-warning", "avertissement simulé"));
  }
  mutable std::atomic<int> renders{0};
  int content_version = 1;

 private:
  EmitterInfo m_info;
  std::vector<OutputJob> m_jobs;
};

inline OutputJob job(std::string path, std::string key = "ok", std::vector<RecordRef> inputs = {}) {
  return OutputJob{std::move(path), std::move(inputs), {}, std::move(key)};
}

}  // namespace tampon::testing
