#pragma once
/// One build's prepared emitters (Emitter::prepare): each emitter with the state it read for
/// this build, and the digests of the source files read while preparing, which the planner
/// takes instead of reading those files again. Made once per build, before the checks, and
/// shared by check, plan and render.
#include <memory>
#include <vector>

#include "io/file_digests.hpp"
#include "tampon/emitter.hpp"

namespace tampon {

class EmitterBuilds {
 public:
  /// Prepares every emitter of `emitters` side by side, each on `jobs` threads; an exception
  /// of an emitter reaches the caller (the first in emitter order).
  /// Prepares each emitter of `emitters` in turn, each on `jobs` threads; an exception of an
  /// emitter reaches the caller.
  EmitterBuilds(const Model& model, std::vector<const Emitter*> emitters,
                const ProjectContext& project, unsigned jobs);
  EmitterBuilds(const EmitterBuilds&) = delete;
  EmitterBuilds& operator=(const EmitterBuilds&) = delete;

  const std::vector<const Emitter*>& emitters() const { return m_emitters; }
  /// The state `emitters()[i]` prepared.
  const BuildState& state(std::size_t i) const { return *m_states[i]; }
  /// Digests of the files read while preparing (and, later, of every job's dependencies).
  FileDigests& digests() const { return *m_digests; }

 private:
  std::vector<const Emitter*> m_emitters;
  std::vector<std::unique_ptr<BuildState>> m_states;
  std::unique_ptr<FileDigests> m_digests;
};

}  // namespace tampon
