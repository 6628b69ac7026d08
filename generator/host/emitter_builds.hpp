#pragma once
/// One build's prepared emitters (Emitter::prepare): each emitter with the state it read for
/// this build, and the digests of the source files read while preparing, which the planner
/// takes instead of reading those files again. Made once per build, before the checks, and
/// shared by check, plan and render.
#include <filesystem>
#include <memory>
#include <vector>

#include "io/file_digests.hpp"
#include "tampon/emitter.hpp"

namespace tampon {

class EmitterBuilds;

/// What a build made in the same process as the previous one (`tampon serve`) starts from.
struct WarmStart {
  /// The previous build of the same emitters: each emitter may take its state back
  /// (PrepareContext::take_previous). Null: every emitter prepares from scratch.
  EmitterBuilds* previous = nullptr;
  /// The source files changed since that build (absolute paths), handed with the states.
  std::vector<std::filesystem::path> changed{};
  /// The digests kept from build to build (a file unchanged is not hashed again). Null: a new
  /// table for this build.
  std::shared_ptr<FileDigests> digests{};
};

class EmitterBuilds {
 public:
  /// Prepares the emitters of `emitters` side by side on `jobs` threads (external emitters
  /// plan there: several then run at once), each also given the build's `jobs` threads for its
  /// own work. An exception of an emitter reaches the caller (the first in emitter order).
  EmitterBuilds(const Model& model, std::vector<const Emitter*> emitters,
                const ProjectContext& project, unsigned jobs, WarmStart warm = {});
  EmitterBuilds(const EmitterBuilds&) = delete;
  EmitterBuilds& operator=(const EmitterBuilds&) = delete;

  const std::vector<const Emitter*>& emitters() const { return m_emitters; }
  /// The state `emitters()[i]` prepared.
  const BuildState& state(std::size_t i) const { return *m_states[i]; }
  /// Digests of the files read while preparing (and, later, of every job's dependencies).
  FileDigests& digests() const { return *m_digests; }
  /// The source files `emitters()[i]` read while preparing (PrepareContext::read_source),
  /// sorted, each once.
  const std::vector<std::filesystem::path>& read_by(std::size_t i) const { return m_read[i]; }
  /// The same table, to keep for the next build of the process (WarmStart::digests).
  std::shared_ptr<FileDigests> shared_digests() const { return m_digests; }

 private:
  std::vector<const Emitter*> m_emitters;
  std::vector<std::unique_ptr<BuildState>> m_states;
  std::vector<std::vector<std::filesystem::path>> m_read;
  std::shared_ptr<FileDigests> m_digests;
};

}  // namespace tampon
