#include "io/whole_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace tampon {
namespace {

/// Closes the descriptor on every path out.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

bool read_whole_fd(int fd, std::string& out, std::size_t size_hint) {
  // The size is a hint: a file that grows or shrinks while read is still read to its end.
  out.assign(size_hint + 1, '\0');
  std::size_t used = 0;
  while (true) {
    if (used == out.size()) out.resize(out.size() * 2 + 4096);
    ssize_t got = ::read(fd, out.data() + used, out.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return false;
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  out.resize(used);
  return true;
}

bool read_whole_file(const std::filesystem::path& path, std::string& out) {
  Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) return false;
  struct stat st {};
  if (::fstat(file.fd, &st) != 0 || S_ISDIR(st.st_mode)) return false;
  return read_whole_fd(file.fd, out, static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 0));
}

bool write_whole_file(const std::filesystem::path& path, std::string_view bytes) {
  Fd file{::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)};
  if (file.fd < 0) return false;
  while (!bytes.empty()) {
    ssize_t put = ::write(file.fd, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  int fd = file.fd;
  file.fd = -1;
  return ::close(fd) == 0;
}

}  // namespace tampon
