#include "cli/import_support.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/parallel.hpp"
#include "io/whole_file.hpp"
#include "tampon/date.hpp"

namespace tampon::cli {
namespace fs = std::filesystem;

std::string french_number(std::string_view s) {
  // "1 850,50" / "1850,5" / "1850.50" → "1850.50"; empty when not a number.
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;  // no-break space
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0xAF) {
      i += 2;  // narrow no-break space
      continue;
    }
    out += c == ',' ? '.' : static_cast<char>(c);
  }
  std::size_t i = 0, digits = 0;
  if (i < out.size() && out[i] == '-') ++i;
  while (i < out.size() && out[i] >= '0' && out[i] <= '9') ++i, ++digits;
  if (i < out.size() && out[i] == '.') {
    ++i;
    std::size_t frac = 0;
    while (i < out.size() && out[i] >= '0' && out[i] <= '9') ++i, ++frac;
    if (!frac) return {};
  }
  return digits && i == out.size() ? out : std::string();
}

std::optional<std::string> date_text(std::string_view s) {
  // ISO, or JJ/MM/AAAA as French spreadsheets show dates.
  if (auto d = Date::parse(s)) return d->iso();
  if (s.size() == 10 && s[2] == '/' && s[5] == '/') {
    std::string iso = std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" +
                      std::string(s.substr(0, 2));
    if (auto d = Date::parse(iso)) return d->iso();
  }
  return std::nullopt;
}

std::size_t FileToWrite::size() const {
  if (text) return text->size();
  std::size_t n = 0;
  for (std::string_view piece : pieces) n += piece.size();
  return n;
}

namespace {

/// Closes the descriptor on every path out.
struct Fd {
  int fd = -1;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  bool close() {
    int f = fd;
    fd = -1;
    return ::close(f) == 0;
  }
};

bool write_fd(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t put = ::write(fd, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  return true;
}

/// The file's content as pieces (one when it is a whole text).
std::vector<std::string_view> pieces_of(const FileToWrite& file) {
  if (file.text) return {std::string_view(*file.text)};
  return file.pieces;
}

OnDisk compare_one(const FileToWrite& file) {
  Fd in(::open(file.path.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.fd < 0) return OnDisk::Missing;
  struct stat st {};
  if (::fstat(in.fd, &st) != 0 || !S_ISREG(st.st_mode)) return OnDisk::Different;
  std::size_t size = file.size();
  if (static_cast<std::uint64_t>(st.st_size) != size) return OnDisk::Different;
  std::string current;
  if (!read_whole_fd(in.fd, current, size) || current.size() != size) return OnDisk::Different;
  std::string_view rest(current);
  for (std::string_view piece : pieces_of(file)) {
    if (rest.substr(0, piece.size()) != piece) return OnDisk::Different;
    rest.remove_prefix(piece.size());
  }
  return OnDisk::Same;
}

bool write_pieces(int fd, const FileToWrite& file) {
  for (std::string_view piece : pieces_of(file))
    if (!write_fd(fd, piece)) return false;
  return true;
}

/// "a/b/c.yaml" → "a/b" ("." for a bare name) and "c.yaml".
std::string folder_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string(".") : std::string(path.substr(0, slash));
}
std::string_view name_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

enum class Linked { Done, Failed, Fallback };

/// A new file: written unnamed in its folder, then linked under its name. Fallback where the
/// file system has no O_TMPFILE, /proc is not mounted, or the name was taken meanwhile.
Linked link_new(const FileToWrite& file) {
  const std::string& path = file.path;
#ifdef O_TMPFILE
  Fd out(::open(folder_of(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666));
  if (out.fd < 0) return Linked::Fallback;
  if (!write_pieces(out.fd, file)) return Linked::Failed;
  char proc[40];
  std::snprintf(proc, sizeof proc, "/proc/self/fd/%d", out.fd);
  if (::linkat(AT_FDCWD, proc, AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) != 0)
    return Linked::Fallback;
  return out.close() ? Linked::Done : Linked::Failed;
#else
  (void)path;
  return Linked::Fallback;
#endif
}

/// Any file: written under a temporary name in the same folder, then renamed over its name.
bool replace(const FileToWrite& file) {
  const std::string& path = file.path;
  static const long pid = static_cast<long>(::getpid());
  std::string temp = fmt::format("{}/.{}.tampon-{}.tmp", folder_of(path), name_of(path), pid);
  bool ok = false;
  {
    Fd out(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
    if (out.fd < 0) return false;
    ok = write_pieces(out.fd, file) && out.close();
  }
  if (ok && ::rename(temp.c_str(), path.c_str()) == 0) return true;
  ::unlink(temp.c_str());
  return false;
}

}  // namespace

std::vector<OnDisk> compare_on_disk(std::span<const FileToWrite> files, unsigned jobs) {
  // Each folder is listed once: a file it does not hold is Missing without a system call of its
  // own (a first import of the national set creates 160 000 files). A folder that exists but
  // cannot be listed has its files opened one by one.
  using Names = std::optional<std::unordered_set<std::string>>;
  std::map<std::string, Names, std::less<>> listed;
  std::vector<const Names*> names_of(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto [it, inserted] = listed.try_emplace(folder_of(files[i].path));
    names_of[i] = &it->second;
    if (!inserted) continue;
    DIR* dir = ::opendir(it->first.c_str());
    if (!dir) {
      if (errno == ENOENT || errno == ENOTDIR) it->second.emplace();
      continue;
    }
    it->second.emplace();
    while (const dirent* e = ::readdir(dir)) it->second->insert(e->d_name);
    ::closedir(dir);
  }
  std::vector<OnDisk> out(files.size(), OnDisk::Missing);
  for_each_index(files.size(), jobs, [&](std::size_t i) {
    const Names& names = *names_of[i];
    if (!names || names->contains(std::string(name_of(files[i].path))))
      out[i] = compare_one(files[i]);
  });
  return out;
}

std::size_t write_files_atomically(std::span<const FileToWrite> files, unsigned jobs) {
  std::set<std::string> dirs;
  for (const auto& f : files) dirs.insert(folder_of(f.path));
  for (const auto& d : dirs) {
    std::error_code ec;
    fs::create_directories(d, ec);  // a failure shows when writing
  }
  std::atomic<std::size_t> first_failure{files.size()};
  for_each_index(files.size(), jobs, [&](std::size_t i) {
    if (first_failure.load(std::memory_order_relaxed) < i) return;
    Linked done = files[i].replaces ? Linked::Fallback : link_new(files[i]);
    if (done == Linked::Fallback) done = replace(files[i]) ? Linked::Done : Linked::Failed;
    if (done == Linked::Done) return;
    std::size_t seen = first_failure.load();
    while (i < seen && !first_failure.compare_exchange_weak(seen, i)) {
    }
  });
  return first_failure.load();
}

}  // namespace tampon::cli
