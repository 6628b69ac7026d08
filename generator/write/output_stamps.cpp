#include "write/output_stamps.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

#include "io/sha256.hpp"
#include "io/whole_file.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_header = "tampon-stamps 1";
constexpr std::uintmax_t k_max_bytes = 512u << 20;

template <typename T>
bool parse_number(std::string_view& line, T& value) {
  auto space = line.find(' ');
  if (space == std::string_view::npos) return false;
  auto [ptr, ec] = std::from_chars(line.data(), line.data() + space, value);
  if (ec != std::errc() || ptr != line.data() + space) return false;
  line.remove_prefix(space + 1);
  return true;
}

std::int64_t nanoseconds(const timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

}  // namespace

bool stamp_of(const fs::path& path, FileStamp& stamp) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  stamp = FileStamp{static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_size),
                    nanoseconds(st.st_mtim), nanoseconds(st.st_ctim)};
  return true;
}

OutputStamps::Folder::~Folder() {
  if (fd >= 0) ::close(fd);
}

bool OutputStamps::rebind(const fs::path& out_dir) {
  auto out = std::make_shared<Folder>();
  out->path = out_dir;
  out->fd = ::open(out_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  m_out = out->fd >= 0 ? std::move(out) : nullptr;
  return m_out != nullptr;
}

OutputStamps OutputStamps::read(const fs::path& out_dir) {
  OutputStamps stamps;
  stamps.rebind(out_dir);
  fs::path path = out_dir / k_file_name;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::uintmax_t>(st.st_size) > k_max_bytes)
    return stamps;
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return stamps;
  std::string text;
  bool ok = read_whole_fd(fd, text, static_cast<std::size_t>(st.st_size));
  ::close(fd);
  if (!ok || !text.starts_with(std::string(k_header) + "\n")) return stamps;
  std::string_view rest(text);
  rest.remove_prefix(k_header.size() + 1);
  while (!rest.empty()) {
    auto end = rest.find('\n');
    if (end == std::string_view::npos) return {};
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    Entry entry;
    auto space = line.find(' ');
    if (space != 64) return {};
    entry.sha256 = std::string(line.substr(0, 64));
    line.remove_prefix(65);
    if (!parse_number(line, entry.stamp.inode) || !parse_number(line, entry.stamp.size) ||
        !parse_number(line, entry.stamp.mtime_ns) || !parse_number(line, entry.stamp.ctime_ns) ||
        line.empty())
      return {};
    stamps.m_stamps.emplace(std::string(line), std::move(entry));
  }
  return stamps;
}

bool OutputStamps::known(const fs::path& out_dir, const std::string& relative, std::uint64_t size,
                         std::string_view sha256) const {
  const FileStamp* recorded_stamp = recorded(relative, sha256);
  if (!recorded_stamp || recorded_stamp->size != size) return false;
  FileStamp now;
  if (m_out && m_out->path == out_dir) {
    struct stat st {};
    if (::fstatat(m_out->fd, relative.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(st.st_mode))
      return false;
    now = FileStamp{static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_size),
                    nanoseconds(st.st_mtim), nanoseconds(st.st_ctim)};
  } else if (!stamp_of(out_dir / relative, now)) {
    return false;
  }
  return now == *recorded_stamp;
}

bool OutputStamps::holds(const fs::path& out_dir, const std::string& relative, std::uint64_t size,
                         std::string_view sha256, FileStamp* seen) const {
  FileStamp now;
  if (m_out && m_out->path == out_dir) {  // the same file as `out_dir / relative`, looked up
    struct stat st {};                    // from --out's descriptor
    if (::fstatat(m_out->fd, relative.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(st.st_mode))
      return false;
    now = FileStamp{static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_size),
                    nanoseconds(st.st_mtim), nanoseconds(st.st_ctim)};
  } else if (!stamp_of(out_dir / relative, now)) {
    return false;
  }
  if (now.size != size) return false;
  if (auto it = m_stamps.find(relative);
      it != m_stamps.end() && it->second.stamp == now && it->second.sha256 == sha256) {
    if (seen) *seen = now;
    return true;
  }
  ++m_hashed.n;
  fs::path path = out_dir / relative;
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  std::string actual = sha256_fd(fd);
  ::close(fd);
  // Stamped before hashing: a change while it is read changes its ctime, so this stamp no
  // longer matches and the next build hashes the file again.
  if (actual != sha256) return false;
  if (seen) *seen = now;
  return true;
}

const FileStamp* OutputStamps::recorded(const std::string& relative,
                                        std::string_view sha256) const {
  auto it = m_stamps.find(relative);
  return it != m_stamps.end() && it->second.sha256 == sha256 ? &it->second.stamp : nullptr;
}

std::string OutputStamps::text_of(const fs::path& out_dir,
                                  const std::vector<StampedOutput>& files) {
  std::string text(k_header);
  text += '\n';
  char digits[24];
  auto number = [&](auto value) {
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    text.append(digits, end);
    text += ' ';
  };
  text.reserve(files.size() * 160);
  for (const auto& [relative, sha256, seen] : files) {
    FileStamp stamp;
    if (sha256.size() != 64) continue;
    if (seen)
      stamp = *seen;
    else if (!stamp_of(out_dir / relative, stamp))
      continue;
    text += sha256;
    text += ' ';
    number(stamp.inode);
    number(stamp.size);
    number(stamp.mtime_ns);
    number(stamp.ctime_ns);
    text += relative;
    text += '\n';
  }
  return text;
}

}  // namespace tampon
