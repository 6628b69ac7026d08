#include "core/phase_clock.hpp"

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace tampon {
namespace {

using Clock = std::chrono::steady_clock;

struct PhaseClock {
  bool on = [] {
    const char* value = std::getenv("TAMPON_TIMINGS");
    return value && *value && std::string_view(value) != "0";
  }();
  std::mutex mutex;
  Clock::time_point start = Clock::now();
  Clock::time_point last = start;
  double last_cpu = 0;
  long last_faults = 0;
};

// CPU time of the whole process (every thread), in ms: on a shared machine the wall time of a
// phase says little, its CPU time is what it costs.
double cpu_ms() {
  timespec t{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Resident memory now, in MB, and page faults so far: on a virtual machine a fault on fresh
// memory costs tens of microseconds (the kernel zeroes the page), so the memory a phase touches
// for the first time is often its largest cost.
long resident_mb() {
  long pages = 0, resident = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * ::sysconf(_SC_PAGESIZE) / (1024 * 1024);
}
long minor_faults() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

// At namespace scope so that the clock starts with the process, not at the first mark.
PhaseClock g_clock;

}  // namespace

void phase_done(std::string_view phase) {
  PhaseClock& clock = g_clock;
  if (!clock.on) return;
  std::lock_guard lock(clock.mutex);
  auto now = Clock::now();
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  double cpu = cpu_ms();
  long faults = minor_faults();
  std::fprintf(stderr,
               "[temps] %-32.*s %9.1f ms (cumul %9.1f ms ; CPU %8.1f ms ; %5ld Mo résidents, "
               "%6ld défauts de page)\n",
               static_cast<int>(phase.size()), phase.data(), ms(now - clock.last),
               ms(now - clock.start), cpu - clock.last_cpu, resident_mb(),
               faults - clock.last_faults);
  clock.last = now;
  clock.last_cpu = cpu;
  clock.last_faults = faults;
}

}  // namespace tampon
