#pragma once
/// Stages 3–5 of the pipeline: plan → render (in parallel) → write (ARCHITECTURE.md).
/// Emitters propose jobs and write temp files; only this code and write/ touch --out.
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tampon/emitter.hpp"
#include "write/fault_injection.hpp"

namespace tampon {

class EmitterBuilds;
class FingerprintMemo;
class PreviousBuildPrefetch;
struct ManifestMemory;
class RecordDigests;

struct BuildOptions {
  std::filesystem::path out_dir;
  unsigned jobs = 1;
  bool keep_going = false;  ///< write what is valid, list what is skipped
  bool force = false;       ///< ignore the previous manifest: render everything
  /// Digest of every data file read (records and rules as data): part of each fingerprint.
  std::string data_digest;
  /// Every data file read (project-relative path, lower-case hex SHA-256), sorted by path:
  /// kept in the plan memo, to tell next time which records may have changed
  /// (host/changed_records.hpp). Empty: nothing is narrowed.
  std::vector<std::pair<std::string, std::string>> data_files;
  /// Called from worker threads after each job (serialize inside if needed).
  std::function<void(std::size_t done, std::size_t total)> progress;
  /// Digest of the rules-as-data files alone (baremes.yaml, smic.yaml): what stands for the data
  /// in the fingerprints of emitters that read no record kind (the site), so that editing a
  /// record does not re-render them. Empty: they use data_digest too.
  std::string rules_digest;
  /// Called once when another build holds --out's lock, before waiting for it.
  std::function<void()> on_wait;
  const FaultInjector* faults = nullptr;  ///< tests: failures and crashes at chosen calls
  /// Up to how many staged files a commit flushes one by one rather than with syncfs
  /// (tests take both ways); unset: OutputTreeOptions' default.
  std::optional<std::size_t> max_files_synced_one_by_one{};
  /// Digests of each record (host/record_digests.hpp). With a rules_digest, the jobs of the
  /// emitters in `per_record` are fingerprinted from the records they list instead of
  /// data_digest: one edited salary renders again only the outputs that read it.
  const RecordDigests* record_digests = nullptr;
  /// Without record_digests: plan_jobs digests the records the planned jobs read itself (all
  /// of them, or under --select only those the selected jobs read).
  bool digest_records = false;
  /// Keep in --out what each emitter's plan was made from (`.tampon-plans`), and do not plan
  /// again the emitters for which nothing changed (host/unchanged_emitters.hpp). Needs
  /// record_digests or digest_records.
  bool remember_plans = false;
  /// Emitters whose jobs' `inputs` name every record their output reads (audited built-ins).
  std::set<const Emitter*> per_record{};
  /// Those of `per_record` whose outputs print no personal data: fingerprinted from the public
  /// part of the records they list (RecordDigests::find_public).
  std::set<const Emitter*> public_part{};
  /// Emitters whose outputs read every valid record and list none (audited built-ins:
  /// records-json): fingerprinted from data_digest, but memoized like those of `per_record`
  /// (host/unchanged_emitters.hpp), never narrowed.
  std::set<const Emitter*> every_record{};
  /// --select: render only the jobs that read one of these records; leave the others on disk
  /// and in the manifest as they are. nullopt: every job.
  std::optional<std::set<RecordRef>> selection{};
  /// A one-shot command (`tampon build`): the plan and the previous manifest (a million record
  /// names on the national set) are left to the process exit rather than freed, like the
  /// session (cli/session.hpp): freeing them costs CPU nobody waits for.
  bool leave_to_exit = false;
  /// A process that builds again (`tampon serve`): the fingerprints of its earlier builds,
  /// reused for jobs made from the same text, and kept for the next (host/fingerprint_memo.hpp).
  FingerprintMemo* fingerprint_memo = nullptr;
  /// The caller watches --out and knows that nothing in it changed since its own previous
  /// build committed (`serve`: serve/out_watch.hpp): an unchanged output is taken by the stamp
  /// recorded then, without a `stat`, and the folders of kept outputs are not checked again.
  bool outputs_as_left = false;
  /// Fill BuildReport::touched (serve tells its own changes to --out from others').
  bool list_touched = false;
  /// A process that builds again (`serve`): the manifest its previous build left, used instead
  /// of reading manifest.json while that file is still the one it wrote
  /// (write/manifest_memory.hpp), and updated with this build's.
  ManifestMemory* manifest_memory = nullptr;
  /// `tampon build`: the manifest and the stamps read on another thread while the records were
  /// loaded (write/previous_build_prefetch.hpp), each taken under the lock while its file is
  /// still the one read.
  PreviousBuildPrefetch* prefetched = nullptr;
};

struct BuildReport {
  Diagnostics diagnostics;
  std::size_t planned = 0;
  std::size_t written = 0;    ///< rendered and renamed into place
  std::size_t unchanged = 0;  ///< fingerprint identical to the previous build: not rendered
  std::size_t removed = 0;    ///< stale outputs of the previous build
  /// Outputs whose previous fingerprint was kept without being computed again: they read no
  /// record that may have changed (host/changed_records.hpp).
  std::size_t fingerprints_kept = 0;
  /// "path (fiche en erreur : kind:id)" or "path (échec du rendu)", --keep-going only
  std::vector<std::string> skipped;
  std::size_t unselected = 0;  ///< outside --select: left as they were
  bool wrote_nothing = true;   ///< out/ left exactly as it was
  /// With BuildOptions::list_touched: the outputs placed or removed, relative to --out.
  std::vector<std::string> touched;
};

/// Runs every emitter of `emitters` over `model`, as one transaction on --out (write/
/// output_tree.hpp). With errors and without keep_going, --out is left exactly as it was.
/// Throws Fatal on I/O failure (disk full, permission, a link planted in --out): --out is then
/// left as it was too.
BuildReport run_build(const Model& model, const std::vector<const Emitter*>& emitters,
                      const ProjectContext& project, const BuildOptions& options);
/// The same with emitters already prepared (host/emitter_builds.hpp: the command checked
/// them on the same states).
BuildReport run_build(const Model& model, const EmitterBuilds& builds,
                      const ProjectContext& project, const BuildOptions& options);

}  // namespace tampon
