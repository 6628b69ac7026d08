#include "host/render_pool.hpp"

#include <atomic>
#include <optional>
#include <thread>

#include "io/sha256.hpp"
#include "io/whole_file.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

class JobContext final : public RenderContext {
 public:
  JobContext(const ProjectContext& project, fs::path output)
      : m_project(project), m_output(std::move(output)) {}
  const ProjectContext& project() const override { return m_project; }
  const fs::path& output_path() const override { return m_output; }
  void report(Diagnostic diagnostic) override { diagnostics.push_back(std::move(diagnostic)); }
  // The digest comes from the bytes in hand: a 1 000-page site is 26 MB that reading back
  // would open, read and hash a second time.
  void write(std::string_view bytes) override {
    if (!write_whole_file(m_output, bytes))
      throw Fatal("écriture impossible de " + m_output.string());
    written = Written{bytes.size(), sha256_hex(bytes)};
  }
  Diagnostics diagnostics;
  struct Written {
    std::uintmax_t size;
    std::string sha256;
  };
  std::optional<Written> written;  ///< set by write(): no need to read the file back

 private:
  const ProjectContext& m_project;
  fs::path m_output;
};

Diagnostic render_failure(const PlannedJob& p, const std::string& why) {
  return Diagnostic{{},
                    Severity::Error,
                    "render-failed",
                    "« " + p.job.path + " » (émetteur " + p.emitter->info().name +
                        ") n'a pas pu être produit : " + why,
                    {}};
}

// Renders one job; never throws (a failure becomes a diagnostic on the job).
Diagnostics render_one(PlannedJob& p, const Model& model, const ProjectContext& project,
                       OutputTree& tree) {
  try {
    p.staged = tree.stage(p.job.path);
  } catch (const Fatal& e) {  // its staging folder could not be made
    p.ok = false;
    return {render_failure(p, e.what())};
  }
  JobContext ctx(project, p.staged);
  try {
    p.emitter->render(p.job, model, ctx);
    std::error_code ec;
    if (ctx.written) {
      p.size = ctx.written->size;
      p.sha256 = std::move(ctx.written->sha256);
    } else if (p.size = fs::file_size(ctx.output_path(), ec); !ec) {
      p.sha256 = sha256_file(ctx.output_path());
    } else if (count_errors(ctx.diagnostics) == 0) {  // a failed job already said why
      ctx.report(render_failure(p, "l'émetteur n'a écrit aucun fichier"));
    }
  } catch (const std::exception& e) {
    ctx.report(render_failure(p, e.what()));
  } catch (...) {
    ctx.report(render_failure(p, "erreur interne inconnue"));
  }
  p.ok = count_errors(ctx.diagnostics) == 0;
  // A failed job's file must not reach --out with a new folder it was staged in (--keep-going).
  if (!p.ok) {
    std::error_code ec;
    fs::remove(p.staged, ec);
  }
  return std::move(ctx.diagnostics);
}

}  // namespace

void render_jobs(std::vector<PlannedJob>& jobs, const Model& model, const ProjectContext& project,
                 OutputTree& tree, unsigned threads, Diagnostics& diagnostics,
                 const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (jobs[i].fate == PlannedJob::Fate::Render) todo.push_back(i);
  std::vector<Diagnostics> per_job(todo.size());
  std::atomic<std::size_t> next{0}, done{0};
  auto worker = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < todo.size();) {
      per_job[k] = render_one(jobs[todo[k]], model, project, tree);
      std::size_t finished = done.fetch_add(1) + 1;
      if (progress) progress(finished, todo.size());
    }
  };
  {
    std::vector<std::jthread> pool;
    unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(todo.size())));
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(worker);
    worker();
  }
  for (auto& d : per_job)
    for (auto& diag : d) diagnostics.push_back(std::move(diag));
}

}  // namespace tampon
