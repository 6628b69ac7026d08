// render/clock_buffers.cpp: gmtime() and localtime() with one buffer per thread, in place of
// the C library's shared one, for Tampon's code and for the libraries it loads.
#include "render/clock_buffers.hpp"

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <time.h>

#include <atomic>
#include <string>
#include <thread>
#include <utility>

namespace tampon {
namespace {

// What libxlsxwriter does for each workbook's creation date (gmtime, then strftime) while
// another thread reads the clock as PoDoFo does for each new PDF (localtime). With the C
// library's shared buffer the date came out as the other thread's time now and then.
TEST(ClockBuffers, ADateFormattedOnOneThreadIsNotOverwrittenByTheClockReadOnAnother) {
  render::use_clock_buffers_per_thread();
  const time_t as_of = 1719705600;  // 2024-06-30T00:00:00Z
  std::atomic<bool> stop{false};
  std::thread pdfs([&] {
    while (!stop) {
      time_t later = time(nullptr) + 400 * 86400;
      (void)localtime(&later);
    }
  });
  int wrong = 0;
  std::string seen;
  for (int i = 0; i < 200000; ++i) {
    char text[32];
    strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", gmtime(&as_of));
    if (std::string(text) != "2024-06-30T00:00:00Z") {
      ++wrong;
      seen = text;
    }
  }
  stop = true;
  pdfs.join();
  EXPECT_EQ(wrong, 0) << "par exemple " << seen;
}

// The shared libraries look the functions up by name: the program's definitions must be the
// ones found first, not the C library's, or libxlsxwriter and PoDoFo would still share its
// buffer.
TEST(ClockBuffers, TheLibrariesFindTheProgramsDefinitionsNotTheCLibrarys) {
  render::use_clock_buffers_per_thread();
  void* c_library = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
  ASSERT_NE(c_library, nullptr);
  using Clock = struct tm* (*)(const time_t*);
  const std::pair<const char*, Clock> ours[] = {{"gmtime", &gmtime}, {"localtime", &localtime}};
  for (const auto& [name, definition] : ours) {
    void* found = dlsym(RTLD_DEFAULT, name);
    EXPECT_NE(found, dlsym(c_library, name)) << name;
    EXPECT_EQ(found, reinterpret_cast<void*>(definition)) << name;
  }
  dlclose(c_library);
}

}  // namespace
}  // namespace tampon
