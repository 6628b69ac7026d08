#pragma once
/// The builds of `tampon serve`: the ordinary build of the website (`tampon build --only
/// site`, through the host, write/ and the manifest), run again on each change in one process
/// that keeps warm what a one-shot build reads again: the session (the rules as data, the
/// model), the emitter set, the site's BuildState (updated in place for an edited page:
/// PrepareContext::take_previous) and the digests of unchanged source files.
#include <filesystem>
#include <memory>
#include <vector>

#include "cli/options.hpp"
#include "cli/session.hpp"
#include "host/build_pipeline.hpp"
#include "host/emitter_builds.hpp"
#include "host/fingerprint_memo.hpp"
#include "serve/out_watch.hpp"
#include "write/manifest_memory.hpp"

namespace tampon::serve {

/// One build attempt.
struct Attempt {
  Diagnostics findings;        ///< loading, checks and writing, as `tampon build` reports them
  BuildReport report;          ///< what was written (nothing when `findings` has errors)
  bool input_failure = false;  ///< a data file could not be read: the model is the previous one
  bool has_errors() const { return count_errors(findings) > 0; }
  /// Outputs placed or removed: the open pages reload.
  bool changed_outputs() const { return report.written > 0 || report.removed > 0; }
};

class BuildLoop {
 public:
  /// `command`: the options of `tampon serve` (--project, --out, --as-of, --jobs, --strict,
  /// --force); `site`: the "site" emitter of the emitter set, the only one the loop builds.
  BuildLoop(cli::Options command, const Emitter& site);
  ~BuildLoop();
  BuildLoop(const BuildLoop&) = delete;
  BuildLoop& operator=(const BuildLoop&) = delete;

  /// Loads the rules as data and builds everything (the first build).
  Attempt build_all();
  /// Builds again after a change: `changed` source files (absolute paths, deleted ones too),
  /// and, with `data_changed`, the data files (the model is loaded again and the site prepared
  /// from scratch). Never throws: an I/O failure is an `output-failure` error.
  Attempt rebuild(const std::vector<std::filesystem::path>& changed, bool data_changed);

  /// The site's sources (content/, templates/site/) and the data folder, to watch.
  std::vector<std::filesystem::path> sources() const;
  std::vector<std::filesystem::path> data() const;
  const cli::Options& command() const { return m_command; }

 private:
  Attempt build(const std::vector<std::filesystem::path>& changed, bool reload);
  Attempt attempt_build(const std::vector<std::filesystem::path>& changed, bool reload);

  cli::Options m_command;
  const Emitter* m_site;
  std::unique_ptr<cli::Session> m_session;
  std::unique_ptr<EmitterBuilds> m_builds;  ///< the previous build's, handed to the next
  std::shared_ptr<FileDigests> m_digests = std::make_shared<FileDigests>();
  FingerprintMemo m_fingerprints;  ///< texts and fingerprints of the earlier builds
  OutWatch m_out_watch;            ///< whether out/site is as the previous build left it
  ManifestMemory m_manifest;       ///< the manifest the previous build left
  bool m_reload = true;            ///< the model must be loaded (again) before the next build
};

}  // namespace tampon::serve
