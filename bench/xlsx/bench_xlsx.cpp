// Times the spreadsheet emitters on national-sized data: the global ledger, every per-convention
// statement and every quarterly justification, rendered as the host would (plan, then render
// each job on N threads). `--tsv` writes the ledger's rows for the Python XlsxWriter comparison
// (run.sh). Usage:
//   bench_xlsx --out DIR [--project DIR | synthetic model] [--as-of DATE] [--jobs N]
//              [--phase ledger|statements|justifications|all|none] [--tsv FILE]
//              [--repeat N]
// `--phase none` loads the model and plans the statements without rendering anything: the
// memory every other phase starts from.
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "load/load_project.hpp"
#include "render/xlsx/tranche_rows.hpp"
#include "rules/validate.hpp"
#include "synthetic_model.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
std::unique_ptr<Emitter> make_tranches_xlsx_emitter();
std::unique_ptr<Emitter> make_justification_xlsx_emitter();
}  // namespace tampon

namespace {

using namespace tampon;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  fs::path out, project, tsv;
  Date as_of = *Date::from_ymd(2022, 6, 15);
  unsigned jobs = 2;
  unsigned repeat = 1;  ///< ledger renderings; the best and the median are printed
  std::string phase = "all";
};

class Context final : public RenderContext {
 public:
  Context(const ProjectContext& project, fs::path path)
      : m_project(project), m_path(std::move(path)) {}
  const ProjectContext& project() const override { return m_project; }
  const fs::path& output_path() const override { return m_path; }
  void report(Diagnostic d) override { std::cerr << d.code << ": " << d.message << "\n"; }

 private:
  const ProjectContext& m_project;
  fs::path m_path;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU time of the whole process (every thread, user and system), in seconds: steadier than
/// the wall time on a machine shared with other work.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Timing {
  double wall = 0, cpu = 0;
  std::uintmax_t bytes = 0;
};

/// Renders `jobs` on `threads` threads; returns the time taken and the bytes written.
Timing render_all(const Emitter& emitter, const Model& model, const ProjectContext& project,
                  const std::vector<OutputJob>& jobs, const fs::path& out, unsigned threads) {
  for (const OutputJob& job : jobs) fs::create_directories((out / job.path).parent_path());
  std::atomic<std::size_t> next{0};
  auto start = Clock::now();
  double cpu_start = cpu_seconds();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i = next++; i < jobs.size(); i = next++) {
        Context ctx(project, out / jobs[i].path);
        emitter.render(jobs[i], model, BuildState{}, ctx);
      }
    });
  for (auto& thread : pool) thread.join();
  Timing timing{seconds_since(start), cpu_seconds() - cpu_start, 0};
  for (const OutputJob& job : jobs) timing.bytes += fs::file_size(out / job.path);
  return timing;
}

/// Resident memory now and at its peak (VmRSS, VmHWM of /proc/self/status), in MB.
std::pair<double, double> memory_mb() {
  std::ifstream status("/proc/self/status");
  double rss = 0, hwm = 0;
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) rss = std::stod(line.substr(6)) / 1024;
    if (line.starts_with("VmHWM:")) hwm = std::stod(line.substr(6)) / 1024;
  }
  return {rss, hwm};
}

/// Memory after one stage of loading: resident, peak so far, and what malloc hands out (the
/// rest of the resident memory is freed memory malloc keeps, and code).
void print_memory(const char* stage) {
  auto [rss, hwm] = memory_mb();
  struct mallinfo2 info = mallinfo2();
  std::fprintf(stderr, "memory after %s: %.0f MB resident, %.0f MB peak, %.0f MB allocated\n",
               stage, rss, hwm, static_cast<double>(info.uordblks + info.hblkhd) / 1048576);
}

std::unique_ptr<Model> load_model(const Options& o) {
  if (o.project.empty()) return bench::synthetic_national_model(o.as_of);
  ProjectContext project{o.project, TAMPON_SHARE_DIR};
  LoadOptions load_options;
  load_options.jobs = o.jobs;
  LoadResult loaded = load_project(project, load_options);
  print_memory("load_project");
  Diagnostics diagnostics = loaded.diagnostics;
  auto model = std::make_unique<Model>(validate(std::move(loaded), o.as_of, diagnostics));
  print_memory("validate");
  std::fprintf(stderr, "validation: %zu errors, %zu warnings\n", count_errors(diagnostics),
               count_warnings(diagnostics));
  return model;
}

std::string cents(Money m) { return std::to_string(m.cents()); }

/// The ledger's rows, for the Python writer: the same cells in the same order.
void write_tsv(const Model& model, const fs::path& path) {
  std::ofstream out(path);
  for (const ConventionState& cs : model.conventions) {
    std::vector<xlsx::TrancheRow> rows;
    xlsx::append_tranche_rows(cs, rows);
    for (const auto& r : rows) {
      const TrancheLine& t = *r.tranche;
      bool paid = t.status == TrancheStatus::Versee;
      out << cs.record->id << '\t' << cs.record->structure << '\t' << r.post->numero << '\t'
          << r.post->conseiller.value_or("") << '\t' << t.number << '\t' << t.pct << '\t'
          << t.due.iso() << '\t' << cents(t.amount) << '\t'
          << (paid && t.paid_date ? t.paid_date->iso() : "") << '\t'
          << (paid ? cents(xlsx::paid_amount(t)) : "") << '\t' << name(t.status) << '\t'
          << (t.after_rupture ? 1 : 0) << '\n';
    }
  }
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i], value = argv[i + 1];
    if (key == "--out")
      o.out = value;
    else if (key == "--project")
      o.project = value;
    else if (key == "--tsv")
      o.tsv = value;
    else if (key == "--as-of")
      o.as_of = *Date::parse(value);
    else if (key == "--jobs")
      o.jobs = static_cast<unsigned>(std::stoul(value));
    else if (key == "--phase")
      o.phase = value;
    else if (key == "--repeat")
      o.repeat = std::max(1u, static_cast<unsigned>(std::stoul(value)));
    else
      throw std::invalid_argument("unknown option " + key);
  }
  if (o.out.empty()) throw std::invalid_argument("--out DIR is required");
  return o;
}

std::vector<OutputJob> timed_plan(const char* name, const Emitter& emitter, const Model& model,
                                  const ProjectContext& project) {
  auto start = Clock::now();
  std::vector<OutputJob> jobs = emitter.plan(model, project, BuildState{});
  std::size_t inputs = 0;
  for (const OutputJob& job : jobs) inputs += job.inputs.size();
  std::printf("plan %s: %zu jobs, %zu inputs in all, in %.3f s; %.0f MB resident\n", name,
              jobs.size(), inputs, seconds_since(start), memory_mb().first);
  print_memory("plan");
  return jobs;
}

void run_phase(const std::string& label, const Emitter& emitter, const Model& model,
               const ProjectContext& project, std::vector<OutputJob> jobs, const Options& o) {
  Timing t = render_all(emitter, model, project, jobs, o.out, o.jobs);
  std::printf("%s: %zu files in %.3f s (cpu %.3f s, %.2f ms a file), %.1f MB, %u threads\n",
              label.c_str(), jobs.size(), t.wall, t.cpu,
              1000 * t.cpu / static_cast<double>(jobs.size()), static_cast<double>(t.bytes) / 1e6,
              o.jobs);
}

}  // namespace

/// The ledger `o.repeat` times on one thread (it is one job): each run, then the best and the
/// median (wall and CPU taken separately).
void run_ledger(const Emitter& emitter, const Model& model, const ProjectContext& project,
                const OutputJob& ledger, std::size_t rows, const Options& o) {
  std::vector<double> wall, cpu;
  std::uintmax_t bytes = 0;
  for (unsigned i = 0; i < o.repeat; ++i) {
    Timing t = render_all(emitter, model, project, {ledger}, o.out, 1);
    if (o.repeat > 1) std::printf("ledger run %u: %.3f s (cpu %.3f s)\n", i + 1, t.wall, t.cpu);
    wall.push_back(t.wall);
    cpu.push_back(t.cpu);
    bytes = t.bytes;
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf(
      "ledger: %zu rows in %.3f s (cpu %.3f s), median %.3f s (cpu %.3f s) of %u, %.2f MB\n", rows,
      wall.front(), cpu.front(), wall[wall.size() / 2], cpu[cpu.size() / 2], o.repeat,
      static_cast<double>(bytes) / 1e6);
}

int main(int argc, char** argv) try {
  Options o = parse(argc, argv);
  auto start = Clock::now();
  auto model = load_model(o);
  std::size_t tranches = 0;
  for (const auto& cs : model->conventions)
    for (const auto& post : cs.current().posts) tranches += post.tranches.size();
  std::printf("model: %zu conventions, %zu tranches, %zu depenses, built in %.3f s\n",
              model->conventions.size(), tranches, model->records.depenses.size(),
              seconds_since(start));
  auto [rss, hwm] = memory_mb();
  std::printf("model memory: %.0f MB resident, %.0f MB peak while loading\n", rss, hwm);
  if (!o.tsv.empty()) write_tsv(*model, o.tsv);
  ProjectContext project{o.project, TAMPON_SHARE_DIR};
  auto tranches_emitter = make_tranches_xlsx_emitter();
  std::vector<OutputJob> jobs = timed_plan("tranches-xlsx", *tranches_emitter, *model, project);
  OutputJob ledger = std::move(jobs.back());  // no copy of its 150 000 inputs
  jobs.pop_back();
  if (o.phase == "ledger" || o.phase == "all")
    run_ledger(*tranches_emitter, *model, project, ledger, tranches, o);
  if (o.phase == "statements" || o.phase == "all")
    run_phase("statements", *tranches_emitter, *model, project, jobs, o);
  if (o.phase == "justifications" || o.phase == "all") {
    auto emitter = make_justification_xlsx_emitter();
    run_phase("justifications", *emitter, *model, project,
              timed_plan("justification-xlsx", *emitter, *model, project), o);
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_xlsx: %s\n", e.what());
  return 2;
}
