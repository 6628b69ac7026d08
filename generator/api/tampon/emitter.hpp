#pragma once
/// The emitter interface: the whole plugin API in one header.
///
/// Lifecycle. The host loads and validates the records into an immutable `Model`. For each
/// enabled emitter it then calls, in order:
///   0. `prepare(model, ctx)`    — once per build: read what every output needs (pages,
///      templates) into a `BuildState` of your own; the default holds nothing;
///   1. `check(model, project, state)` — validation of the emitter's own inputs (templates,
///      content links); findings join the validation diagnostics, so `tampon validate` reports
///      them;
///   2. `plan(model, project, state)`  — the list of files the emitter proposes to write, one
///      `OutputJob` per file, with the records each one reads (provenance and --keep-going);
///   3. `render(job, model, state, ctx)` — once per job, concurrently on a thread pool: write
///      the file at `ctx.output_path()`, or hand its bytes to `ctx.write()`. Never write
///      anywhere else and never read the clock: the host owns `out/`, renames the file into
///      place only if the whole build succeeds, and gives the reference date as `model.as_of`
///      (the only one).
/// An emitter holds no mutable state: its methods are `const`, what one build needs lives in
/// its `BuildState`, which `check`, `plan` and `render` only read (`render` runs on several
/// threads at once), and the ctest EmitterState.NoEmitterHoldsMutableState refuses an emitter
/// library with writable static data, or `mutable` or `thread_local` in its sources.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tampon/date.hpp"
#include "tampon/model.hpp"

namespace tampon {

/// What a project folder gives emitters: where its files are, with the shipped defaults as
/// fallback (records.md: a project may omit baremes.yaml, templates/ and content/).
struct ProjectContext {
  std::filesystem::path project_dir;  ///< --project
  std::filesystem::path shipped_dir;  ///< the tool's own data/, templates/, content/
  /// The project's file at `relative` if it exists, else the shipped one (which may not
  /// exist either: check).
  std::filesystem::path find(std::string_view relative) const;
  /// A path as diagnostics print it: relative to the project folder when inside it.
  std::string display(const std::filesystem::path& path) const;
};

/// Which output a job is, in the emitter's own terms: typed fields `plan` sets and `render`
/// reads back, never text to parse. Set those you need; the host never reads them.
struct JobId {
  std::uint32_t kind = 0;  ///< which sort of output, when there are several (your enum's value)
  RecordRef record{};      ///< the record it is about (a convention, a structure)
  Quarter quarter{};       ///< the quarter, for an output per quarter (a bulletin)
  std::size_t index = 0;   ///< a position in your prepared `BuildState` (a site's page)
  friend bool operator==(const JobId&, const JobId&) = default;
};

/// One output file an emitter proposes.
struct OutputJob {
  std::string path;                     ///< relative to --out, '/'-separated, from validated ids
  std::vector<RecordRef> inputs;        ///< records it reads: manifest provenance, --keep-going
  std::vector<std::string> depends_on;  ///< other files it reads (templates, content), for
                                        ///< incremental rebuilds; absolute or project-relative
  JobId id{};                           ///< what to render
  /// Anything else its bytes depend on that `inputs` and `depends_on` do not say (the site: a
  /// digest of the other pages' titles a page shows in its menus). Part of the rebuild
  /// fingerprint, with the path, the records listed and the files' digests; often empty.
  std::string fingerprint{};
};

struct OutputKind {
  std::string path_pattern;  ///< documentation: "conventions/<convention-id>.pdf"
  std::string media_type;    ///< "application/pdf"
};

/// A diagnostic code of the emitter's own (from `check` or `render`), as `tampon explain rule`
/// and the manual (docs/regles.md) show it.
struct DiagnosticCode {
  std::string code;  ///< "site-broken-link": unique among the tool's and every emitter's codes
  Severity severity = Severity::Error;
  std::string summary;  ///< French, one line
};

struct EmitterInfo {
  std::string name;         ///< used by --only and manifest.json: "convention-pdf"
  std::string version;      ///< "1.0.0"; part of the rebuild fingerprint
  std::string description;  ///< French, one line, shown by `tampon plugins`
  std::vector<RecordKind> reads;
  std::vector<OutputKind> outputs;
  /// Every code the emitter reports besides the tool's own (the shared readers' `source-*`,
  /// the document engine's `template-*`…: rules/rule_table.cpp). The host enforces it: a
  /// finding under an undeclared code becomes an `emitter-output` error naming the code, and
  /// a declared one takes the severity declared here.
  std::vector<DiagnosticCode> codes;
};

class SourceRoot;     // io/source_file.hpp: the folder a source file must really be in
struct SourceStatus;  // io/source_file.hpp: what went wrong reading it

/// One build's state of an emitter: what `prepare` read (pages, parsed templates, indexes).
/// Derive your own; the host keeps it for the build and hands it back, `const`, to `check`,
/// `plan` and every `render` (on several threads at once: never change it there).
class BuildState {
 public:
  virtual ~BuildState() = default;
  /// Your own type back: `state.as<SiteBuild>()` (the host gives each emitter its own state).
  template <class T>
  const T& as() const {
    return static_cast<const T&>(*this);
  }
};

/// What `prepare` gets besides the model.
class PrepareContext {
 public:
  virtual ~PrepareContext() = default;
  virtual const ProjectContext& project() const = 0;
  /// Runs `work(0)` … `work(count - 1)` on the build's threads (--jobs) and returns when all
  /// are done. Put results in slots by index: the order of the calls is not fixed.
  virtual void for_each(std::size_t count, const std::function<void(std::size_t)>& work) = 0;
  /// Reads a source file whole as io/source_file.hpp's `read_source` does (a regular file
  /// really inside `root`, never blocking) and records its digest for the rebuild
  /// fingerprints: a job listing it in `depends_on` does not make the host read it again.
  /// Thread-safe.
  virtual SourceStatus read_source(const std::filesystem::path& path, const SourceRoot& root,
                                   std::string& bytes) = 0;
  /// What a host that builds again in the same process (`tampon serve`) hands back: the state
  /// this emitter prepared for its previous build, and the source files changed since
  /// (absolute paths; deleted and created ones too). `prepare` may update that state in place
  /// rather than read everything again, or ignore it. Null state (a one-shot build, the model
  /// changed, or changes the host could not list): prepare from scratch. The host no longer
  /// uses the previous state once taken; a second call gives a null state.
  struct Previous {
    std::unique_ptr<BuildState> state;
    std::vector<std::filesystem::path> changed;
  };
  virtual Previous take_previous() { return {}; }
};

/// What `render` gets besides the model.
class RenderContext {
 public:
  virtual ~RenderContext() = default;
  virtual const ProjectContext& project() const = 0;
  /// The temporary file to write (its folder exists). The host renames it into place.
  virtual const std::filesystem::path& output_path() const = 0;
  /// Writes the whole output from memory, instead of writing `output_path()` yourself. Prefer
  /// it when the bytes are in memory anyway: the host then digests them for the manifest as it
  /// writes, rather than reading the file back. Throws Fatal when the file cannot be written.
  virtual void write(std::string_view bytes);
  /// Records a finding; an error fails the job (and the build, unless --keep-going).
  virtual void report(Diagnostic diagnostic) = 0;
};

class Emitter {
 public:
  virtual ~Emitter() = default;
  virtual const EmitterInfo& info() const = 0;
  /// Reads, once per build, what the outputs need. Default: a state that holds nothing.
  virtual std::unique_ptr<BuildState> prepare(const Model& /*model*/,
                                              PrepareContext& /*ctx*/) const {
    return std::make_unique<BuildState>();
  }
  /// Validation of the emitter's own inputs. Default: nothing to check.
  virtual Diagnostics check(const Model& /*model*/, const ProjectContext& /*project*/,
                            const BuildState& /*state*/) const {
    return {};
  }
  virtual std::vector<OutputJob> plan(const Model& model, const ProjectContext& project,
                                      const BuildState& state) const = 0;
  /// Writes `ctx.output_path()`. Throws only for internal or I/O failures.
  virtual void render(const OutputJob& job, const Model& model, const BuildState& state,
                      RenderContext& ctx) const = 0;
};

}  // namespace tampon
