#include "render/xlsx/library_messages.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <mutex>

namespace tampon::xlsx {
namespace {

thread_local std::string* t_capture = nullptr;

ssize_t write_stderr(void*, const char* bytes, std::size_t size) {
  if (t_capture != nullptr) {
    t_capture->append(bytes, size);
    return static_cast<ssize_t>(size);
  }
  std::size_t done = 0;
  while (done < size) {
    ssize_t put = ::write(STDERR_FILENO, bytes + done, size - done);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return done > 0 ? static_cast<ssize_t>(done) : -1;
    done += static_cast<std::size_t>(put);
  }
  return static_cast<ssize_t>(size);
}

void route_stderr_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    cookie_io_functions_t io{nullptr, write_stderr, nullptr, nullptr};
    FILE* routed = ::fopencookie(nullptr, "w", io);
    if (routed == nullptr) return;  // out of memory: the library's lines show, nothing worse
    std::setvbuf(routed, nullptr, _IONBF, 0);
    std::fflush(stderr);
    stderr = routed;  // never closed: the previous stream stays valid for whoever holds it
  });
}

}  // namespace

CaptureLibraryMessages::CaptureLibraryMessages() : m_outer(t_capture) {
  route_stderr_once();
  t_capture = &m_text;
}

CaptureLibraryMessages::~CaptureLibraryMessages() { t_capture = m_outer; }

}  // namespace tampon::xlsx
