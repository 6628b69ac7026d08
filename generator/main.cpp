#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "cli/cli.hpp"

namespace {

// The variable that marks a process started again by `huge_pages_heap`, holding the
// GLIBC_TUNABLES the user had ("-" when none), restored before anything else runs.
constexpr const char* k_restarted = "TAMPON_MALLOC_RESTARTED";

// Asks glibc's malloc for transparent huge pages (tunable glibc.malloc.hugetlb=1, glibc 2.35
// and later): the heap then grows by 2 MiB pages instead of 4 KiB ones. On the reference
// machine (a virtual machine) each page fault costs about 25 µs of CPU and a no-change rebuild
// of the national set touches a few hundred MB of fresh memory: the tunable takes a 0.2× set's
// no-change rebuild from about 41 000 page faults and 2.0 s of CPU to 10 000 and 1.4 s, at the
// same peak memory (bench/rebuild/README.md). A tunable is read before main, so the process is
// started again once with it set; the user's GLIBC_TUNABLES is put back right after, so that
// the processes Tampon starts (external emitters) see the environment they were given.
// TAMPON_HUGE_PAGES=0 turns it off; anything that fails leaves the process as it is.
void huge_pages_heap(char** argv) {
#if defined(__GLIBC__) && defined(__linux__)
  if (const char* before = std::getenv(k_restarted)) {
    if (std::strcmp(before, "-") == 0)
      ::unsetenv("GLIBC_TUNABLES");
    else
      ::setenv("GLIBC_TUNABLES", before, 1);
    ::unsetenv(k_restarted);
    return;
  }
  const char* off = std::getenv("TAMPON_HUGE_PAGES");
  if (off != nullptr && std::strcmp(off, "0") == 0) return;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const bool had = tunables != nullptr;
  const std::string original = had ? std::string(tunables) : std::string();
  if (original.find("glibc.malloc.hugetlb") != std::string::npos) return;  // the user's choice
  if (::access("/proc/self/exe", X_OK) != 0) return;
  std::string wanted = original + (had ? ":" : "") + "glibc.malloc.hugetlb=1";
  if (::setenv(k_restarted, had ? original.c_str() : "-", 1) == 0 &&
      ::setenv("GLIBC_TUNABLES", wanted.c_str(), 1) == 0)
    ::execv("/proc/self/exe", argv);
  // Not started again: carry on as we are, with the environment as it was.
  if (had)
    ::setenv("GLIBC_TUNABLES", original.c_str(), 1);
  else
    ::unsetenv("GLIBC_TUNABLES");
  ::unsetenv(k_restarted);
#else
  (void)argv;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  huge_pages_heap(argv);
  // Render threads allocate and free a page's worth of strings per job. With glibc's default
  // padding each thread's heap grows a few pages at a time, one mprotect call each: about 1 400
  // calls and 5 % of a 1 000-page site build. Padding only reserves address space; pages count
  // in memory once touched (a build keeps what loading freed for its plans; other commands
  // hand it back: load_project's malloc_trim).
  mallopt(M_TOP_PAD, 16 << 20);
  return tampon::cli::run(argc, argv);
}
