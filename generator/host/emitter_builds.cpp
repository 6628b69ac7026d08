#include "host/emitter_builds.hpp"

#include <exception>

#include "core/parallel.hpp"
#include "io/source_file.hpp"

namespace tampon {
namespace {

class Preparing final : public PrepareContext {
 public:
  Preparing(const ProjectContext& project, unsigned jobs, FileDigests& digests, Previous previous)
      : m_project(project), m_jobs(jobs), m_digests(digests), m_previous(std::move(previous)) {}
  const ProjectContext& project() const override { return m_project; }
  void for_each(std::size_t count, const std::function<void(std::size_t)>& work) override {
    for_each_index(count, m_jobs, work);
  }
  SourceStatus read_source(const std::filesystem::path& path, const SourceRoot& root,
                           std::string& bytes) override {
    return m_digests.read(path, root, bytes);
  }
  Previous take_previous() override { return std::move(m_previous); }

 private:
  const ProjectContext& m_project;
  unsigned m_jobs;
  FileDigests& m_digests;
  Previous m_previous;
};

}  // namespace

EmitterBuilds::EmitterBuilds(const Model& model, std::vector<const Emitter*> emitters,
                             const ProjectContext& project, unsigned jobs, WarmStart warm)
    : m_emitters(std::move(emitters)),
      m_states(m_emitters.size()),
      m_digests(warm.digests ? std::move(warm.digests) : std::make_shared<FileDigests>()) {
  // The previous states, by emitter (the same emitter set, in the same order, when given).
  std::vector<PrepareContext::Previous> previous(m_emitters.size());
  if (warm.previous && warm.previous->m_emitters == m_emitters)
    for (std::size_t i = 0; i < m_emitters.size(); ++i)
      previous[i] = {std::move(warm.previous->m_states[i]), warm.changed};
  // Side by side: the site's pages are most of the work (on every thread, through
  // for_each), and external emitters plan here, each waiting for its process.
  std::vector<std::exception_ptr> failed(m_emitters.size());
  for_each_index(m_emitters.size(), jobs, [&](std::size_t i) {
    try {
      Preparing ctx(project, jobs, *m_digests, std::move(previous[i]));
      m_states[i] = m_emitters[i]->prepare(model, ctx);
      if (!m_states[i]) m_states[i] = std::make_unique<BuildState>();
    } catch (...) {
      failed[i] = std::current_exception();
    }
  });
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
}

}  // namespace tampon
