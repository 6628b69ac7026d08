#pragma once
/// What every command starts with: load and validate the project, gather the emitters.
#include <memory>
#include <optional>

#include "cli/options.hpp"
#include "host/build_pipeline.hpp"
#include "load/load_project.hpp"
#include "plugin/emitter_set.hpp"
#include "tampon/model.hpp"

namespace tampon {
class EmitterBuilds;
}

namespace tampon::cli {

/// The tool's shipped defaults (data/, templates/, content/): TAMPON_SHARE_DIR.
std::filesystem::path shipped_dir();

struct Session {
  ProjectContext project;
  std::vector<LoadedFile> files;  ///< data files read, for fingerprints
  Model model;
  Diagnostics diagnostics;
  bool input_failure = false;  ///< exit code 3
};

ProjectContext make_project_context(const Options& options);
/// Loads and validates. Never throws for bad input. Without `load_records`, only the rules as
/// data (baremes.yaml, smic.yaml) are loaded and validated: for builds whose emitters read no
/// record kind (`--only site`), which then neither wait for nor fail on the records.
/// `for_build`: the memory freed by loading is kept for the plans rather than handed back
/// (LoadOptions::release_freed_memory).
Session open_session(const Options& options, bool load_records = true, bool for_build = false);
/// The same, for one-shot commands: the session is never freed. Freeing a national model
/// (hundreds of thousands of small strings) takes a tenth of a second just before the
/// process exits anyway. It stays reachable from a static, so leak checkers stay quiet; a
/// second call in the same process (a fuzz target running a command again) frees the first.
Session& open_session_until_exit(const Options& options, bool load_records = true,
                                 bool for_build = false);
/// Built-ins plus modules from --plugin-dir and TAMPON_PLUGIN_PATH.
std::unique_ptr<EmitterSet> make_emitter_set(const Options& options, Diagnostics& diagnostics);
/// The same for `build`, never freed like the session: the emitters keep what they read (a
/// 1 000-page site's pages), and freeing it just before exit took 2 % of the build.
EmitterSet& emitter_set_until_exit(const Options& options, Diagnostics& diagnostics);
/// The emitters named by --only (all when empty), or nullopt after printing a usage error.
std::optional<std::vector<const Emitter*>> select_emitters(const EmitterSet& set,
                                                           const Options& options);
/// Every selected emitter's check, side by side (up to `jobs` at once, 0 = one per core),
/// gathered in emitter order.
Diagnostics check_emitters(const EmitterBuilds& builds, const Session& session, unsigned jobs);
/// Whether any of `emitters` reads a record kind (EmitterInfo::reads).
bool reads_records(const std::vector<const Emitter*>& emitters);
std::string data_digest(const std::vector<LoadedFile>& files);
/// data_digest of the rules-as-data files only: the same whether records were loaded or not.
std::string rules_digest(const Session& session);
/// --jobs, or one per core.
unsigned job_count(const Options& options);
/// What `tampon build` hands the host for a session (cli/build.cpp): --out, --jobs,
/// --keep-going, --force and the data digests of the fingerprints. `tampon serve` builds
/// with the same, so that its outputs and manifest are the build's.
BuildOptions build_options(const Options& options, const Session& session);

}  // namespace tampon::cli
