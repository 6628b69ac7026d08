#include "host/emitter_builds.hpp"

#include <algorithm>
#include <exception>
#include <mutex>

#include "core/parallel.hpp"
#include "io/source_file.hpp"

namespace tampon {
namespace {

class Preparing final : public PrepareContext {
 public:
  Preparing(const ProjectContext& project, unsigned jobs, FileDigests& digests, Previous previous,
            std::vector<std::filesystem::path>& read)
      : m_project(project),
        m_jobs(jobs),
        m_digests(digests),
        m_previous(std::move(previous)),
        m_read(read) {}
  const ProjectContext& project() const override { return m_project; }
  void for_each(std::size_t count, const std::function<void(std::size_t)>& work) override {
    for_each_index(count, m_jobs, work);
  }
  SourceStatus read_source(const std::filesystem::path& path, const SourceRoot& root,
                           std::string& bytes) override {
    {
      std::lock_guard lock(m_mutex);
      m_read.push_back(path);
    }
    return m_digests.read(path, root, bytes);
  }
  Previous take_previous() override { return std::move(m_previous); }

 private:
  const ProjectContext& m_project;
  unsigned m_jobs;
  FileDigests& m_digests;
  Previous m_previous;
  std::mutex m_mutex;
  std::vector<std::filesystem::path>& m_read;
};

}  // namespace

EmitterBuilds::EmitterBuilds(const Model& model, std::vector<const Emitter*> emitters,
                             const ProjectContext& project, unsigned jobs, WarmStart warm)
    : m_emitters(std::move(emitters)),
      m_states(m_emitters.size()),
      m_read(m_emitters.size()),
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
      Preparing ctx(project, jobs, *m_digests, std::move(previous[i]), m_read[i]);
      m_states[i] = m_emitters[i]->prepare(model, ctx);
      if (!m_states[i]) m_states[i] = std::make_unique<BuildState>();
    } catch (...) {
      failed[i] = std::current_exception();
    }
  });
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
  for (auto& files : m_read) {  // in an order that does not depend on the threads
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
  }
}

}  // namespace tampon
