// Times the site build in process: a full build of a project's website, then one-page
// rebuilds as `tampon serve` does them (site kept in memory, only the edited page and the
// search index rewritten).
//
//   bench_site PROJECT_DIR OUT_DIR PAGE_TO_EDIT [REPEAT]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "load/load_project.hpp"
#include "rules/validate.hpp"
#include "serve/preview.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
std::unique_ptr<Emitter> make_site_emitter();
}

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// CPU time of this process (all threads), in ms: wall time means little on a loaded machine.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tampon;
  if (argc < 4) {
    std::cerr << "usage: bench_site PROJECT_DIR OUT_DIR PAGE_TO_EDIT [REPEAT]\n";
    return 2;
  }
  ProjectContext project;
  project.project_dir = argv[1];
  project.shipped_dir = TAMPON_SHARE_DIR;
  project.as_of = *Date::from_ymd(2024, 1, 1);
  fs::path out = argv[2], edited = argv[3];
  int repeat = argc > 4 ? std::atoi(argv[4]) : 20;

  auto start = Clock::now();
  Diagnostics findings;
  Model model = validate(load_project(project, LoadOptions{}), project.as_of, findings);
  double load_ms = ms_since(start);

  auto emitter = make_site_emitter();
  auto* source = dynamic_cast<const serve::PreviewSource*>(emitter.get());
  std::vector<double> full, full_cpu;
  for (int i = 0; i < 3; ++i) {
    auto session = source->open_session(project, false);
    serve::UpdateStats stats;
    start = Clock::now();
    double cpu = cpu_ms();
    Diagnostics d = session->build_all(model, out / "site", stats);
    full.push_back(ms_since(start));
    full_cpu.push_back(cpu_ms() - cpu);
    if (count_errors(d)) {
      std::cerr << "erreurs : " << d.front().where.file << ":" << d.front().where.line << " "
                << d.front().message << "\n";
      return 1;
    }
    if (i == 0) std::cout << "fichiers écrits : " << stats.pages_rendered << "\n";
  }
  auto session = source->open_session(project, false);
  serve::UpdateStats stats;
  session->build_all(model, out / "site", stats);
  std::vector<double> one, one_cpu;
  std::string original;
  {
    std::ifstream in(edited);
    original.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (int i = 0; i < repeat; ++i) {
    std::ofstream(edited) << original << "\nModification " << i << ".\n";
    start = Clock::now();
    double cpu = cpu_ms();
    serve::UpdateStats s;
    session->update(model, {fs::absolute(edited)}, out / "site", s);
    one.push_back(ms_since(start));
    one_cpu.push_back(cpu_ms() - cpu);
    if (s.full || s.pages_rendered != 1) std::cerr << "reconstruction inattendue\n";
  }
  std::ofstream(edited) << original;
  std::cout << "chargement des données : " << load_ms << " ms\n"
            << "construction complète (en mémoire, écriture comprise) : médiane " << median(full)
            << " ms réel, " << median(full_cpu) << " ms CPU\n"
            << "reconstruction d'une page (serve) : médiane " << median(one) << " ms réel, "
            << median(one_cpu) << " ms CPU, max " << *std::max_element(one.begin(), one.end())
            << " ms sur " << repeat << "\n";
  return 0;
}
