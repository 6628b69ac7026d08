#include "core/phase_clock.hpp"

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
};

// At namespace scope so that the clock starts with the process, not at the first mark.
PhaseClock g_clock;

}  // namespace

void phase_done(std::string_view phase) {
  PhaseClock& clock = g_clock;
  if (!clock.on) return;
  std::lock_guard lock(clock.mutex);
  auto now = Clock::now();
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::fprintf(stderr, "[temps] %-32.*s %9.1f ms (cumul %9.1f ms)\n",
               static_cast<int>(phase.size()), phase.data(), ms(now - clock.last),
               ms(now - clock.start));
  clock.last = now;
}

}  // namespace tampon
