#pragma once
/// Emitters written in any language, run as programs (generator/plugin/PROTOCOL.md): an
/// executable `tampon-emitter-<name>` in a plugin folder. The host talks JSON to it on
/// stdin/stdout, hands it only the personal-data-free JSON of render::model_to_json, checks
/// its paths like a built-in's, and kills it when it overruns its time.
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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

  /// Runs `plan` and returns the program's diagnostics (and its failures): so `validate`
  /// shows them and `build` stops on them before anything is rendered.
  Diagnostics check(const Model& model, const ProjectContext& project) const override;
  /// The jobs of the `plan` run by check() when its input was the same; else runs it. A
  /// failure not reported by check() throws Fatal.
  std::vector<OutputJob> plan(const Model& model, const ProjectContext& project) const override;
  /// Runs `render` with TAMPON_OUTPUT set to the staging file. Thread-safe.
  void render(const OutputJob& job, const Model& model, RenderContext& ctx) const override;

 private:
  ExternalEmitter(std::filesystem::path program, EmitterInfo info,
                  std::chrono::milliseconds timeout);

  struct PlanOutcome {
    std::vector<OutputJob> jobs;
    Diagnostics diagnostics;
    bool failed = false;
    bool reported = false;  ///< its diagnostics were returned by check()
  };
  PlanOutcome& planned(const Model& model) const;  // m_mutex held
  PlanOutcome run_plan(const std::string& request) const;
  std::shared_ptr<const std::string> all_records(const Model& model) const;
  Diagnostic failure(const std::string& what, const std::string& why,
                     const std::string& stderr_text) const;

  std::filesystem::path m_program;
  EmitterInfo m_info;
  std::chrono::milliseconds m_timeout;

  // The last plan, keyed by the digest of its request and the program file's size and time
  // (same records, same program: same jobs), and the records JSON of the model it planned,
  // shared by every job that reads everything (the host always plans before it renders).
  // Guarded by m_mutex; render() only reads m_records under the lock.
  mutable std::mutex m_mutex;
  mutable std::string m_plan_digest;
  mutable PlanOutcome m_plan;
  mutable const Model* m_records_model = nullptr;
  mutable std::shared_ptr<const std::string> m_records;
};

}  // namespace tampon
