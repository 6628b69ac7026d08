#include "io/source_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "tampon/emitter.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

// O_NONBLOCK: opening a FIFO for reading does not wait for a writer. O_NOFOLLOW: a link as the
// last component fails with ELOOP, and is then resolved and checked before being opened.
constexpr int k_open_flags = O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC;

std::string resolved(const char* path) {
  char buffer[PATH_MAX];
  if (::realpath(path, buffer) == nullptr) return {};
  return buffer;
}

SourceStatus failed(SourceProblem problem, int error = 0, std::string target = {}) {
  return SourceStatus{problem, error, std::move(target)};
}

SourceStatus from_errno(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return failed(SourceProblem::missing, error);
    case EACCES:
    case EPERM:
      return failed(SourceProblem::denied, error);
    case ENXIO:  // a socket, or a device without its driver
      return failed(SourceProblem::not_regular, error);
    case EISDIR:
      return failed(SourceProblem::directory, error);
    default:
      return failed(SourceProblem::unreadable, error);
  }
}

SourceStatus from_mode(mode_t mode) {
  if (S_ISREG(mode)) return {};
  if (S_ISDIR(mode)) return failed(SourceProblem::directory);
  return failed(SourceProblem::not_regular);
}

/// Where the open descriptor really is: /proc/self/fd says it without a race (the file it
/// names is the one open). Empty when /proc is not mounted.
std::string real_path_of(int fd) {
  char link[64], buffer[PATH_MAX];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = ::readlink(link, buffer, sizeof buffer - 1);
  if (n <= 0) return {};
  return std::string(buffer, static_cast<std::size_t>(n));
}

}  // namespace

SourceRoot::SourceRoot(const fs::path& base, std::string_view folder) {
  std::string real = resolved(base.c_str());
  if (real.empty()) {
    std::error_code ec;
    real = fs::absolute(base, ec).lexically_normal().string();
  }
  while (real.size() > 1 && real.back() == '/') real.pop_back();
  m_real = folder.empty() ? real : (real == "/" ? "" : real) + "/" + std::string(folder);
}

SourceRoot SourceRoot::of(const ProjectContext& project, const fs::path& file,
                          std::string_view folder) {
  auto rel = file.lexically_relative(project.project_dir);
  bool in_project = !rel.empty() && *rel.begin() != "..";
  return SourceRoot(in_project ? project.project_dir : project.shipped_dir, folder);
}

bool SourceRoot::contains(std::string_view real) const {
  if (m_real.empty()) return true;
  return real.size() > m_real.size() && real.starts_with(m_real) && real[m_real.size()] == '/';
}

std::string_view source_problem_code(const SourceStatus& status) {
  switch (status.problem) {
    case SourceProblem::outside:
      return "source-outside";
    case SourceProblem::not_regular:
    case SourceProblem::directory:
      return "source-not-regular";
    case SourceProblem::too_large:
      return "file-too-large";
    default:
      return "unreadable-file";
  }
}

std::string source_problem_message(const SourceStatus& status) {
  switch (status.problem) {
    case SourceProblem::none:
      return "fichier lisible";
    case SourceProblem::missing:
      return "fichier introuvable (lien symbolique cassé, ou fichier supprimé pendant la "
             "lecture) : recréez-le ou supprimez le lien";
    case SourceProblem::denied:
      return "accès refusé : donnez le droit de lecture sur ce fichier";
    case SourceProblem::outside:
      return fmt::format(
          "lien symbolique qui mène hors de son dossier du projet (vers « {} ») : il n'est pas "
          "lu, pour ne jamais publier un fichier étranger au projet ; copiez le fichier dans le "
          "projet à la place du lien",
          status.target);
    case SourceProblem::not_regular:
      return "ce n'est pas un fichier ordinaire (tube nommé, socket ou périphérique) : il "
             "n'est pas lu ; supprimez-le ou remplacez-le par un fichier";
    case SourceProblem::directory:
      return "c'est un dossier, pas un fichier : renommez-le ou supprimez-le";
    case SourceProblem::too_large:
      return "fichier trop gros pour être lu";
    case SourceProblem::unreadable:
      break;
  }
  return fmt::format("fichier illisible ({}) : vérifiez qu'il existe et ses droits d'accès",
                     std::strerror(status.error));
}

Diagnostic source_diagnostic(const SourceStatus& status, std::string file,
                             std::string_view generic_code) {
  Diagnostic d;
  d.where.file = std::move(file);
  d.severity = Severity::Error;
  d.code = source_problem_code(status);
  if (d.code == "unreadable-file" && !generic_code.empty()) d.code = generic_code;
  d.message = source_problem_message(status);
  return d;
}

Diagnostic walk_diagnostic(const SourceStatus& status, std::string file,
                           std::string_view generic_code) {
  Diagnostic d = source_diagnostic(status, std::move(file), generic_code);
  if (status.problem == SourceProblem::not_regular) {
    d.severity = Severity::Warning;
    d.code = "source-skipped";
    d.message =
        "ce n'est pas un fichier ordinaire (tube nommé, socket ou périphérique) : il est "
        "ignoré et n'est pas publié";
  }
  return d;
}

int open_source(const fs::path& path, const SourceRoot& root, SourceStatus& status,
                FileIdentity* identity) {
  status = {};
  int fd = ::open(path.c_str(), k_open_flags);
  if (fd < 0 && errno == ELOOP) {
    // The file is a link: follow it only to a file inside the root.
    std::string target = resolved(path.c_str());
    if (target.empty()) {
      status = failed(SourceProblem::missing, errno);
      return -1;
    }
    if (!root.contains(target)) {
      status = failed(SourceProblem::outside, 0, target);
      return -1;
    }
    fd = ::open(target.c_str(), k_open_flags);
  }
  if (fd < 0) {
    status = from_errno(errno);
    return -1;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    status = from_errno(errno);
  } else if (!S_ISREG(st.st_mode)) {
    status = from_mode(st.st_mode);
  } else if (root.checks()) {
    // A folder on the way may be a link too (content/docs -> /etc): where is it really?
    std::string real = real_path_of(fd);
    if (real.empty()) real = resolved(path.c_str());
    if (!root.contains(real)) status = failed(SourceProblem::outside, 0, real);
  }
  if (!status) {
    ::close(fd);
    return -1;
  }
  if (identity) {  // from the fstat above: the file open is the one checked
    if (auto id = file_identity(st)) *identity = *id;
  }
  return fd;
}

SourceStatus read_source(const fs::path& path, const SourceRoot& root, std::string& out,
                         std::size_t cap) {
  SourceStatus status;
  FileIdentity identity;
  int fd = open_source(path, root, status, &identity);
  if (fd < 0) return status;
  // Sized from the file (one allocation, one read), but a file that grows while read is read
  // only up to one byte past the cap.
  std::size_t size = 0;
  out.assign(static_cast<std::size_t>(std::min<std::uintmax_t>(identity.size, cap)) + 1, '\0');
  while (true) {
    if (size == out.size()) {
      if (size > cap) break;
      out.resize(std::min(std::max<std::size_t>(out.size() * 2, 4096), cap + 1));
    }
    ssize_t got = ::read(fd, out.data() + size, out.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      status = failed(SourceProblem::unreadable, errno);
      break;
    }
    if (got == 0) break;
    size += static_cast<std::size_t>(got);
  }
  ::close(fd);
  if (status && size > cap) status = failed(SourceProblem::too_large);
  if (!status) {
    out.clear();
    return status;
  }
  out.resize(size);
  return status;
}

SourceStatus classify_entry(const fs::path& path, const SourceRoot& root) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return from_errno(errno);
  if (!S_ISLNK(st.st_mode)) return from_mode(st.st_mode);
  std::string target = resolved(path.c_str());
  if (target.empty()) return failed(SourceProblem::missing, errno);
  if (!root.contains(target)) return failed(SourceProblem::outside, 0, target);
  if (::stat(target.c_str(), &st) != 0) return from_errno(errno);
  return from_mode(st.st_mode);
}

}  // namespace tampon
