// Times the site build in process: full builds of a project's website, then one-page rebuilds
// exactly as `tampon serve` does them: the same build loop (the ordinary build through the
// manifest, with the session and the site's state kept warm) and the same watcher step (scan
// the sources for changes, then build again).
//
//   bench_site PROJECT_DIR OUT_DIR PAGE_TO_EDIT [REPEAT]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

#include "serve/build_loop.hpp"
#include "serve/watcher.hpp"

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

double maximum(const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); }

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool report_errors(const tampon::Diagnostics& d) {
  if (!tampon::count_errors(d)) return false;
  for (const auto& e : d)
    if (e.severity == tampon::Severity::Error)
      std::cerr << "erreur : " << e.where.file << ":" << e.where.line << " " << e.message << "\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace tampon;
  if (argc < 4) {
    std::cerr << "usage: bench_site PROJECT_DIR OUT_DIR PAGE_TO_EDIT [REPEAT]\n";
    return 2;
  }
  cli::Options options;  // what `tampon serve --project PROJECT_DIR --out OUT_DIR` gets
  options.project = fs::absolute(argv[1]);
  options.as_of = *Date::from_ymd(2024, 1, 1);
  options.quiet = true;
  const fs::path out_root = argv[2], edited = fs::absolute(argv[3]);
  int repeat = argc > 4 ? std::atoi(argv[4]) : 20;

  auto site = make_site_emitter();
  std::vector<double> full, full_cpu;
  double load_ms = 0;
  for (int i = 0; i < 3; ++i) {  // each into a folder of its own: everything is written
    options.out = out_root / ("full-" + std::to_string(i));
    auto start = Clock::now();
    double cpu = cpu_ms();
    serve::BuildLoop loop(options, *site);
    serve::Attempt attempt = loop.build_all();
    full.push_back(ms_since(start));
    full_cpu.push_back(cpu_ms() - cpu);
    if (report_errors(attempt.findings)) return 1;
    if (i == 0) std::cout << "fichiers écrits : " << attempt.report.written << "\n";
  }

  options.out = out_root / "serve";
  const fs::path site_dir = options.out / "site";
  serve::BuildLoop loop(options, *site);
  auto start = Clock::now();
  if (report_errors(loop.build_all().findings)) return 1;
  load_ms = ms_since(start);
  std::atomic<long> version{1};
  serve::Watcher watcher(loop, version);
  std::string original = read_all(edited);
  fs::path page_html;  // the edited page's output: checked after each rebuild
  std::vector<double> poll, poll_cpu, rebuild, scan;
  int wrong = 0;
  for (int i = 0; i < repeat; ++i) {
    std::string marker = "Modification " + std::to_string(i) + ".";
    std::ofstream(edited, std::ios::binary | std::ios::trunc) << original << "\n" << marker << "\n";
    // serve polls every 150 ms; a pause also puts each edit on its own file-time tick.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    start = Clock::now();
    double cpu = cpu_ms();
    serve::PollResult r = watcher.poll();
    poll.push_back(ms_since(start));
    poll_cpu.push_back(cpu_ms() - cpu);
    rebuild.push_back(r.rebuild_ms);
    scan.push_back(r.scan_ms);
    // The page and its part of the search index, nothing else.
    if (!r.rebuilt || r.attempt.report.written != 2) ++wrong;
    if (page_html.empty())
      page_html = site_dir /
                  fs::relative(edited, options.project / "content").replace_extension("") /
                  "index.html";
    if (read_all(page_html).find(marker) == std::string::npos) ++wrong;
  }
  std::ofstream(edited, std::ios::binary | std::ios::trunc) << original;
  if (wrong) std::cerr << wrong << " reconstruction(s) inattendue(s) (complète ou incorrecte)\n";
  std::cout << "première construction de tampon serve : " << load_ms << " ms\n"
            << "construction complète (chargement compris, dossier neuf) : médiane " << median(full)
            << " ms réel, " << median(full_cpu) << " ms CPU\n"
            << "modification d'une page, comme tampon serve (sur " << repeat << ") :\n"
            << "  détection + reconstruction : médiane " << median(poll) << " ms réel (max "
            << maximum(poll) << "), " << median(poll_cpu) << " ms CPU\n"
            << "  dont détection (parcours des sources) : médiane " << median(scan) << " ms\n"
            << "  dont reconstruction (build ordinaire, manifest compris) : médiane "
            << median(rebuild) << " ms réel (max " << maximum(rebuild) << ")\n";
  return wrong ? 1 : 0;
}
