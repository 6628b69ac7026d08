#pragma once
/// Emitters written in any language, run as programs (generator/plugin/PROTOCOL.md): an
/// executable `tampon-emitter-<name>` in a plugin folder. The host talks JSON to it on
/// stdin/stdout, hands it only the personal-data-free JSON of render::model_to_json, checks
/// its paths like a built-in's, and kills it when it overruns its time.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugin/external_protocol.hpp"
#include "tampon/emitter.hpp"

namespace tampon {

inline constexpr std::string_view k_external_prefix = "tampon-emitter-";

/// The `tampon-emitter-*` files of a folder that are candidates, sorted by name. A
/// non-executable one is a warning; a name outside [A-Za-z0-9_-] is an error (both skipped).
std::vector<std::filesystem::path> find_external_emitters(const std::filesystem::path& dir,
                                                          Diagnostics& diagnostics);

class ExternalEmitter final : public Emitter {
 public:
  /// Runs `program describe` and checks the reply (protocol version first, then that the
  /// announced name is the one of the file). nullptr, with a French error naming the
  /// program, when refused.
  static std::unique_ptr<ExternalEmitter> open(const std::filesystem::path& program,
                                               Diagnostics& diagnostics);

  const EmitterInfo& info() const override { return m_info; }
  const std::filesystem::path& program() const { return m_program; }
  std::chrono::milliseconds timeout() const { return m_timeout; }

  /// Runs `plan` once for the build, and keeps its reply and the records JSON every job that
  /// reads everything is given.
  std::unique_ptr<BuildState> prepare(const Model& model, PrepareContext& ctx) const override;
  /// The program's diagnostics of `plan` (and its failures): so `validate` shows them and
  /// `build` stops on them before anything is rendered.
  Diagnostics check(const Model& model, const ProjectContext& project,
                    const BuildState& state) const override;
  /// The jobs of the `plan` run by prepare(). A failure not reported by check() throws Fatal.
  std::vector<OutputJob> plan(const Model& model, const ProjectContext& project,
                              const BuildState& state) const override;
  /// Runs `render` with TAMPON_OUTPUT set to the staging file. Thread-safe.
  void render(const OutputJob& job, const Model& model, const BuildState& state,
              RenderContext& ctx) const override;

 private:
  ExternalEmitter(std::filesystem::path program, EmitterInfo info,
                  std::chrono::milliseconds timeout);

  struct Build;
  struct PlanOutcome {
    std::vector<external::ProgramJob> jobs;
    Diagnostics diagnostics;
    bool failed = false;
  };
  PlanOutcome run_plan(const std::string& request) const;
  Diagnostic failure(const std::string& what, const std::string& why,
                     const std::string& stderr_text) const;

  std::filesystem::path m_program;
  EmitterInfo m_info;
  std::chrono::milliseconds m_timeout;
};

}  // namespace tampon
