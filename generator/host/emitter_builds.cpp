#include "host/emitter_builds.hpp"

#include "core/parallel.hpp"
#include "io/source_file.hpp"

namespace tampon {
namespace {

class Preparing final : public PrepareContext {
 public:
  Preparing(const ProjectContext& project, unsigned jobs, FileDigests& digests)
      : m_project(project), m_jobs(jobs), m_digests(digests) {}
  const ProjectContext& project() const override { return m_project; }
  void for_each(std::size_t count, const std::function<void(std::size_t)>& work) override {
    for_each_index(count, m_jobs, work);
  }
  SourceStatus read_source(const std::filesystem::path& path, const SourceRoot& root,
                           std::string& bytes) override {
    return m_digests.read(path, root, bytes);
  }

 private:
  const ProjectContext& m_project;
  unsigned m_jobs;
  FileDigests& m_digests;
};

}  // namespace

EmitterBuilds::EmitterBuilds(const Model& model, std::vector<const Emitter*> emitters,
                             const ProjectContext& project, unsigned jobs)
    : m_emitters(std::move(emitters)),
      m_states(m_emitters.size()),
      m_digests(std::make_unique<FileDigests>()) {
  // Emitters prepare one after the other, each on every thread: the site's pages are most of
  // the work, and the others prepare nothing.
  Preparing ctx(project, jobs, *m_digests);
  for (std::size_t i = 0; i < m_emitters.size(); ++i) {
    m_states[i] = m_emitters[i]->prepare(model, ctx);
    if (!m_states[i]) m_states[i] = std::make_unique<BuildState>();
  }
}

}  // namespace tampon
