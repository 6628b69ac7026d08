// bench_bulletin --project DIR --out DIR [--as-of DATE] [--threads N] [--count N]
//
// Loads and validates a project, plans the bulletin emitter's jobs (the same plan as
// `tampon build --only bulletin`), then renders every HTML bulletin on N threads, then every
// PDF bulletin on N threads, through the real emitter, and prints one line per kind:
//
//   html bulletins=8000 threads=2 seconds=12.3 per_second=650.4 cpu_ms_per_bulletin=3.1
//
// followed by the process's peak resident memory. Loading is timed apart (`load` line). With
// --count N only the first N structures' bulletins are rendered.
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "host/emitter_builds.hpp"
#include "load/load_project.hpp"
#include "rules/validate.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
std::unique_ptr<Emitter> make_bulletin_emitter();
}

namespace fs = std::filesystem;
using namespace tampon;

namespace {

struct Args {
  fs::path project, out;
  Date as_of = *Date::parse("2024-06-30");
  unsigned threads = 2;
  std::size_t count = 0;
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--project")
      a.project = v;
    else if (k == "--out")
      a.out = v;
    else if (k == "--as-of")
      a.as_of = *Date::parse(v);
    else if (k == "--threads")
      a.threads = static_cast<unsigned>(std::stoul(v));
    else if (k == "--count")
      a.count = std::stoul(v);
  }
  if (a.project.empty() || a.out.empty()) {
    std::cerr << "usage : bench_bulletin --project DIR --out DIR [--as-of AAAA-MM-JJ] "
                 "[--threads N] [--count N]\n";
    std::exit(2);
  }
  return a;
}

class Context final : public RenderContext {
 public:
  Context(const ProjectContext& p, fs::path out) : m_project(p), m_out(std::move(out)) {}
  const ProjectContext& project() const override { return m_project; }
  const fs::path& output_path() const override { return m_out; }
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  Diagnostics diagnostics;

 private:
  const ProjectContext& m_project;
  fs::path m_out;
};

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

/// Renders `jobs` on `threads` threads; returns the number of diagnostics reported.
std::size_t render_all(const Emitter& emitter, const BuildState& state,
                       const std::vector<const OutputJob*>& jobs, const Model& model,
                       const ProjectContext& project, const Args& args, const char* kind) {
  std::atomic<std::size_t> next{0}, findings{0};
  std::mutex print;
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      Context ctx(project, args.out / jobs[i]->path);
      emitter.render(*jobs[i], model, state, ctx);
      findings += ctx.diagnostics.size();
      std::lock_guard lock(print);
      for (const Diagnostic& d : ctx.diagnostics) std::cerr << d.code << ": " << d.message << "\n";
    }
  };
  double cpu = process_cpu_seconds();
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < args.threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  cpu = process_cpu_seconds() - cpu;
  double n = static_cast<double>(jobs.size());
  std::printf("%s bulletins=%zu threads=%u seconds=%.3f per_second=%.1f cpu_ms_per_bulletin=%.2f\n",
              kind, jobs.size(), args.threads, seconds, n / seconds, 1000 * cpu / n);
  return findings;
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse_args(argc, argv);
  ProjectContext project{args.project, TAMPON_SHARE_DIR};
  auto start = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  Model model = validate(load_project(project, {}), args.as_of, diagnostics);
  auto emitter = make_bulletin_emitter();
  // The templates read and parsed once, as a build does.
  EmitterBuilds builds(model, {emitter.get()}, project, args.threads);
  const BuildState& state = builds.state(0);
  Diagnostics checked = emitter->check(model, project, state);
  std::vector<OutputJob> jobs = emitter->plan(model, project, state);
  std::printf("load seconds=%.3f findings=%zu check_findings=%zu\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
              diagnostics.size(), checked.size());
  std::vector<const OutputJob*> html, pdf;
  std::string last_structure;
  std::size_t structures = 0;
  for (const OutputJob& job : jobs) {
    const std::string& structure = job.id.record.id;
    if (structure != last_structure) ++structures, last_structure = structure;
    if (args.count && structures > args.count) break;
    fs::create_directories((args.out / job.path).parent_path());
    (job.path.ends_with(".pdf") ? pdf : html).push_back(&job);
  }
  std::size_t findings = render_all(*emitter, state, html, model, project, args, "html") +
                         render_all(*emitter, state, pdf, model, project, args, "pdf");
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_rss_mib=%.0f render_findings=%zu\n",
              static_cast<double>(usage.ru_maxrss) / 1024, findings);
  return findings == 0 ? 0 : 1;
}
