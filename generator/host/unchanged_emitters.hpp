#pragma once
/// Emitters whose plan is known without asking them (issue 13: a rebuild after one edit on a
/// national project planned 94 000 outputs again). An emitter's plan is a function of the
/// model, of the files it read while preparing and of the files its jobs depend on; when none
/// of these changed since the last committed build (write/plan_memo.hpp), its outputs are the
/// previous ones: the build keeps their manifest entries as they are, after checking that each
/// file is still the one recorded (its stamp, write/output_stamps.hpp), and never calls `plan`.
///
/// Only for the audited built-in emitters whose jobs list every record they read
/// (BuildOptions::per_record) or whose outputs read every record (BuildOptions::every_record:
/// records-json, never narrowed), and only when the model has no record in error (--keep-going
/// reports skipped outputs from the plan). Its key is compared first as made from the digest
/// of every data file (no record digested), then, when the data files changed, as made from
/// every record's digest (of what an output may print of it: host/record_digests.hpp), or
/// every record's public part for an emitter that prints no personal data: a salary edit then
/// leaves every plan as it was, an IBAN edit the bulletins' plan, and an edit of any other
/// record plans every emitter that reads records again (exactly as before). Checked by
/// tests/cli/partial_build_test.cpp, which edits every field of a conseiller and of a structure
/// and compares the incremental build with a build from scratch, byte for byte.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "host/build_pipeline.hpp"
#include "host/changed_records.hpp"
#include "host/emitter_builds.hpp"
#include "host/plan_jobs.hpp"
#include "write/manifest.hpp"
#include "write/output_stamps.hpp"
#include "write/plan_memo.hpp"

namespace tampon {

class RecordDigests;

class UnchangedEmitters {
 public:
  /// Every record's digest, computed on the first call (once; the same table after): the
  /// emitters' keys need it only when the data files changed.
  using DigestsOnDemand = std::function<const RecordDigests*()>;

  /// Decides, before planning, which emitters of `builds` are unchanged. Without `digests`
  /// (or with --force) none is. Only the outputs `checked` accepts are checked on disk
  /// (--select: those reading a selected record; the others are left as they are, as the jobs
  /// set aside are).
  UnchangedEmitters(const Model& model, const EmitterBuilds& builds, const ProjectContext& project,
                    const BuildOptions& options, DigestsOnDemand digests, const Manifest& previous,
                    const OutputStamps& stamps, PlanMemo memo,
                    const std::function<bool(const ManifestEntry&)>& checked);

  /// Whether emitter `i` of `builds.emitters()` is not to be planned.
  bool unchanged(std::size_t i) const { return m_unchanged[i]; }
  const std::vector<bool>& all() const { return m_unchanged; }
  /// Whether emitter `i` is planned again only because records changed (the same base key
  /// and files in the memo): its jobs reading none of `changed()` keep their previous
  /// fingerprints (host/changed_records.hpp).
  bool narrowed(std::size_t i) const { return m_narrowed[i]; }
  /// The records that may have changed since the memo; nothing when no emitter is narrowed.
  const ChangedRecords* changed() const { return m_changed ? &*m_changed : nullptr; }
  /// How many outputs the unchanged emitters have (kept in the manifest as they are).
  std::size_t outputs() const { return m_outputs; }
  /// How many of those `checked` accepted (under --select: read a selected record).
  std::size_t checked_outputs() const { return m_checked; }
  /// The folders of those outputs, each once: still checked to be real folders of --out.
  const std::vector<std::string>& folders() const { return m_folders; }

  /// Takes, before planning, the record key of each emitter to be planned (needs every
  /// record's digest): the memo must say what the plan was made from, not what the files hold
  /// once the build is over.
  void take_keys() const;
  /// What the next `.tampon-plans` says, once this build's `plan` is committed: the unchanged
  /// emitters as they were, and each emitter planned in full whose every output is now as
  /// planned (rendered or unchanged), unless not `record_planned` (the build found errors: the
  /// next one must plan again to report them). `manifest` is manifest.json's stamp after the
  /// commit.
  PlanMemo next(const Plan& plan, const FileStamp& manifest, bool record_planned) const;
  /// The memo as read from --out (to leave the file alone when the next one is the same).
  const PlanMemo& previous_memo() const { return m_memo; }

 private:
  /// Emitter `i`'s key from every record's digest (computed on first use).
  const std::string& key(std::size_t i) const;

  const Model& m_model;
  const EmitterBuilds& m_builds;
  const ProjectContext& m_project;
  const BuildOptions& m_options;
  DigestsOnDemand m_digests;
  FileDigests& m_files;
  PlanMemo m_memo;
  mutable std::vector<std::string> m_keys;  ///< per emitter, from the records (on demand)
  std::vector<std::string> m_data_keys;     ///< per emitter; empty: never memoized
  std::vector<std::string> m_base_keys;     ///< per emitter, without the records
  mutable std::string m_records[2];         ///< of every record, printed and public
  std::vector<bool> m_unchanged;
  std::vector<bool> m_narrowed;
  std::optional<ChangedRecords> m_changed;
  std::size_t m_outputs = 0, m_checked = 0;
  std::vector<std::string> m_folders;
};

}  // namespace tampon
