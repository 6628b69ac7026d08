#include "host/render_pool.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <optional>
#include <thread>

#include "host/emitter_codes.hpp"
#include "io/sha256.hpp"
#include "write/io_error.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

// Creates `path` (it must not exist: no link followed) with `bytes`; 0 or the errno.
int write_new_file(const fs::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return errno;
  int error = 0;
  while (!bytes.empty() && error == 0) {
    ssize_t put = ::write(fd, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) error = put < 0 ? errno : EIO;
    if (put > 0) bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  return error;
}

class JobContext final : public RenderContext {
 public:
  JobContext(const ProjectContext& project, fs::path output)
      : m_project(project), m_output(std::move(output)) {}
  const ProjectContext& project() const override { return m_project; }
  const fs::path& output_path() const override { return m_output; }
  void report(Diagnostic diagnostic) override { diagnostics.push_back(std::move(diagnostic)); }
  // The digest comes from the bytes in hand: a 1 000-page site is 26 MB that reading back
  // would open, read and hash a second time. A new file only, never through a link.
  void write(std::string_view bytes) override {
    if (int error = write_new_file(m_output, bytes)) {
      io_failure = true;
      throw_io("écriture impossible de", m_output, error);
    }
    written = Written{bytes.size(), sha256_hex(bytes)};
  }
  bool io_failure = false;
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

// Whether the file system of `path` has no room left: an emitter that writes its file itself
// (PoDoFo, libxlsxwriter) reports a full disk in its own words, or not at all.
bool disk_full(const fs::path& path) {
  struct statvfs st {};
  if (::statvfs(path.parent_path().c_str(), &st) != 0) return false;
  return static_cast<unsigned long long>(st.f_bavail) * st.f_frsize < (1u << 20);
}

Diagnostic render_failure(const PlannedJob& p, const std::string& why,
                          const char* code = "render-failed") {
  return Diagnostic::error({}, code,
                           "« " + p.job.path + " » (émetteur " + p.emitter->info().name +
                               ") n'a pas pu être produit : " + why);
}

// Renders one job; never throws (a failure becomes a diagnostic on the job).
Diagnostics render_one(PlannedJob& p, const Model& model, const ProjectContext& project,
                       OutputTree& tree) {
  try {
    p.staged = tree.stage(p.job.path);
  } catch (const Fatal& e) {  // its staging folder could not be made
    p.ok = false;
    return {render_failure(p, e.what(), "output-failure")};
  }
  JobContext ctx(project, p.staged);
  try {
    p.emitter->render(p.job, model, *p.state, ctx);
    if (ctx.written) {
      p.size = ctx.written->size;
      p.sha256 = std::move(ctx.written->sha256);
    } else if (struct stat st{}; ::lstat(ctx.output_path().c_str(), &st) == 0) {
      // What an emitter leaves must be a plain file: a link to /etc/passwd is not published.
      if (!S_ISREG(st.st_mode)) {
        ctx.report(render_failure(p,
                                  "l'émetteur a laissé autre chose qu'un fichier ordinaire "
                                  "(lien symbolique, dossier…) : refusé"));
      } else {
        p.size = static_cast<std::uintmax_t>(st.st_size);
        int fd = ::open(ctx.output_path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        p.sha256 = fd < 0 ? std::string() : sha256_fd(fd);
        if (fd >= 0) ::close(fd);
        if (p.sha256.empty()) throw_io("lecture impossible de", ctx.output_path(), EIO);
      }
    } else if (count_errors(ctx.diagnostics) == 0) {  // a failed job already said why
      ctx.report(render_failure(p, "l'émetteur n'a écrit aucun fichier"));
    }
  } catch (const Fatal& e) {
    ctx.report(render_failure(p, e.what(), ctx.io_failure ? "output-failure" : "render-failed"));
  } catch (const std::exception& e) {
    ctx.report(render_failure(p, e.what()));
  } catch (...) {
    ctx.report(render_failure(p, "erreur interne inconnue"));
  }
  // A failure an emitter words its own way (or not at all) on a full disk is a full disk.
  if (count_errors(ctx.diagnostics) > 0 && !ctx.io_failure && disk_full(p.staged))
    ctx.report(
        render_failure(p, "écriture impossible de " + p.staged.string() + " : " + io_cause(ENOSPC),
                       "output-failure"));
  vet_findings(*p.emitter, ctx.diagnostics);
  p.ok = count_errors(ctx.diagnostics) == 0;
  // A failed job's file must not reach --out with a new folder it was staged in (--keep-going).
  if (!p.ok) ::unlink(p.staged.c_str());
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
