// The C library's gmtime() and localtime() return one static buffer that every thread shares
// (glibc: the same buffer for both). Two libraries read the clock that way on the render
// threads: libxlsxwriter formats each workbook's creation date with gmtime() then strftime(),
// and PoDoFo 0.9.8 reads the current time with localtime() for each document and annotation
// it creates. A PDF begun on one thread between the two calls of a workbook closing on another
// put today's date and time into the workbook's docProps/core.xml: same inputs, other bytes
// (an échéancier of an incremental build then differed from a build from scratch, about once
// in ten runs of the per-record fingerprint tests under load).
//
// These definitions, in the executable, take the place of the C library's for every shared
// library it loads (ELF symbol interposition: the linker exports them because libxlsxwriter
// and PoDoFo refer to them), with one buffer per thread, as POSIX allows: the result is valid
// until the next call on the same thread. tests/unit/xlsx/clock_buffers_test.cpp checks both
// the race and that the tool exports them.
#include "render/clock_buffers.hpp"

#include <time.h>

extern "C" {

struct tm* gmtime(const time_t* timer) noexcept {
  thread_local struct tm buffer;
  return gmtime_r(timer, &buffer);
}

struct tm* localtime(const time_t* timer) noexcept {
  thread_local struct tm buffer;
  return localtime_r(timer, &buffer);
}

}  // extern "C"

namespace tampon::render {

void use_clock_buffers_per_thread() {}

}  // namespace tampon::render
