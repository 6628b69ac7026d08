#include "plugin/external_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <thread>

#include "tampon/diagnostic.hpp"

extern char** environ;

namespace tampon::external {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t k_err_keep = 64 * 1024;
constexpr std::size_t k_chunk = 64 * 1024;

/// One file descriptor, closed when dropped.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(Fd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    reset();
    m_fd = std::exchange(other.m_fd, -1);
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return m_fd; }
  explicit operator bool() const { return m_fd >= 0; }
  void reset() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
  }

 private:
  int m_fd = -1;
};

struct Pipe {
  Fd read, write;
};

// O_CLOEXEC: another thread spawning its own child at the same moment must not inherit our
// ends, or our child's EOF would wait for that other child.
Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw Fatal("création d'un tube impossible");
  return Pipe{Fd(fds[0]), Fd(fds[1])};
}

std::string start_error(const std::filesystem::path& program, int err) {
  std::string why;
  switch (err) {
    case ENOENT:
      why = "programme introuvable (ou interpréteur de sa ligne #! absent)";
      break;
    case EACCES:
      why = "permission refusée : rendez-le exécutable (chmod +x)";
      break;
    case ENOEXEC:
      why =
          "format non exécutable : un script doit commencer par une ligne #! "
          "(par exemple #!/usr/bin/env python3)";
      break;
    default:
      why = std::generic_category().message(err);
  }
  return "impossible de lancer « " + program.string() + " » : " + why;
}

// The host's environment with the request's variables added or replaced.
std::vector<std::string> child_environment(const ProcessRequest& request) {
  std::vector<std::string> env;
  for (char** p = environ; p && *p; ++p) {
    std::string_view entry(*p);
    bool replaced = std::any_of(request.env.begin(), request.env.end(), [&](const auto& kv) {
      return entry.size() > kv.first.size() && entry.starts_with(kv.first) &&
             entry[kv.first.size()] == '=';
    });
    if (!replaced) env.emplace_back(entry);
  }
  for (const auto& [key, value] : request.env) env.push_back(key + "=" + value);
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// The child gets its own process group (killed as a whole on timeout), an empty signal mask
// and SIGPIPE back to its default, whatever the calling thread has.
pid_t spawn(const ProcessRequest& request, int in, int out, int err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err, STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> args{request.program.string()};
  args.insert(args.end(), request.args.begin(), request.args.end());
  auto env = child_environment(request);
  auto argv = pointers(args);
  auto envp = pointers(env);
  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, request.program.c_str(), &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw Fatal(start_error(request.program, rc));
  return pid;
}

/// Blocks SIGPIPE in this thread while it writes to a child that may stop reading: the
/// write then fails with EPIPE instead of killing the host. A SIGPIPE left pending is
/// consumed before the mask is restored.
class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&m_pipe);
    sigaddset(&m_pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
  }
  ~SigpipeBlock() {
    timespec zero{};
    while (sigtimedwait(&m_pipe, nullptr, &zero) == SIGPIPE) {
    }
    pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
  }

 private:
  sigset_t m_pipe, m_old;
};

void feed(Fd& in, std::string_view input, std::size_t& written) {
  std::size_t size = std::min(k_chunk, input.size() - written);
  ssize_t n = ::write(in.get(), input.data() + written, size);
  if (n > 0) written += static_cast<std::size_t>(n);
  // EPIPE: the program stopped reading, which it may do; its exit status tells the rest.
  if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) in.reset();
}

// Appends what is readable; closes the descriptor at end of file.
void drain(Fd& fd, std::string& into) {
  char buffer[k_chunk];
  ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
  if (n > 0) {
    into.append(buffer, static_cast<std::size_t>(n));
  } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
    fd.reset();
  }
}

int millis_until(Clock::time_point deadline) {
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1'000'000));
}

// Exchanges data with the child until it has closed stdout and stderr. False on timeout or
// when stdout outgrows its cap (result.end says which).
bool pump(const ProcessRequest& request, Fd& in, Fd& out, Fd& err, Clock::time_point deadline,
          ProcessResult& result) {
  std::size_t written = 0;
  if (request.input.empty()) in.reset();
  if (in) ::fcntl(in.get(), F_SETFL, ::fcntl(in.get(), F_GETFL) | O_NONBLOCK);
  while (in || out || err) {
    int wait_ms = millis_until(deadline);
    if (wait_ms == 0) {
      result.end = ProcessResult::End::TimedOut;
      return false;
    }
    pollfd fds[3] = {{in.get(), POLLOUT, 0}, {out.get(), POLLIN, 0}, {err.get(), POLLIN, 0}};
    int rc = ::poll(fds, 3, wait_ms);  // negative descriptors are ignored by poll
    if (rc < 0 && errno != EINTR) throw Fatal("attente d'un programme externe impossible");
    if (rc <= 0) continue;
    if (in && fds[0].revents) feed(in, request.input, written);
    if (out && fds[1].revents) drain(out, result.out);
    if (err && fds[2].revents) drain(err, result.err);
    if (result.err.size() > 2 * k_err_keep) result.err.erase(0, result.err.size() - k_err_keep);
    if (result.out.size() > request.max_output) {
      result.end = ProcessResult::End::OutputTooLarge;
      return false;
    }
  }
  return true;
}

void record_status(int status, ProcessResult& result) {
  if (WIFEXITED(status)) {
    result.end = ProcessResult::End::Exited;
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.end = ProcessResult::End::Signaled;
    result.signal = WTERMSIG(status);
  }
}

// Reaps the child once it has closed its outputs; false if it is still running at the
// deadline (it may have handed its pipes to nothing and kept computing).
bool reap_until(pid_t pid, Clock::time_point deadline, ProcessResult& result) {
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    int status = 0;
    pid_t got = ::waitpid(pid, &status, WNOHANG);
    if (got == pid) {
      record_status(status, result);
      return true;
    }
    if (got < 0 && errno != EINTR) throw Fatal("attente d'un programme externe impossible");
    if (Clock::now() >= deadline) {
      result.end = ProcessResult::End::TimedOut;
      return false;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
}

void kill_group(pid_t pid) {
  ::kill(-pid, SIGKILL);  // the child leads its own group: this reaches its children too
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

ProcessResult run_process(const ProcessRequest& request) {
  Pipe in = make_pipe(), out = make_pipe(), err = make_pipe();
  pid_t pid = spawn(request, in.read.get(), out.write.get(), err.write.get());
  in.read.reset();
  out.write.reset();
  err.write.reset();
  ProcessResult result;
  auto deadline = Clock::now() + request.timeout;
  bool done = false;
  try {
    SigpipeBlock block;
    done = pump(request, in.write, out.read, err.read, deadline, result) &&
           reap_until(pid, deadline, result);
  } catch (...) {
    kill_group(pid);
    throw;
  }
  if (!done) kill_group(pid);
  return result;
}

std::vector<std::string> last_lines(std::string_view text, std::size_t count) {
  constexpr std::size_t k_max_line = 300;
  std::vector<std::string> lines;
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  while (!text.empty() && lines.size() < count) {
    auto nl = text.rfind('\n');
    std::string_view line = nl == std::string_view::npos ? text : text.substr(nl + 1);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(0, nl);
    std::string clean;
    for (unsigned char c : line.substr(0, k_max_line))
      clean += ((c < 0x20 && c != '\t') || c == 0x7f) ? '?' : static_cast<char>(c);
    if (line.size() > k_max_line) {
      while (!clean.empty() && (static_cast<unsigned char>(clean.back()) & 0xC0) == 0x80)
        clean.pop_back();  // do not cut a UTF-8 sequence in two
      if (!clean.empty()) clean.pop_back();
      clean += "…";
    }
    lines.push_back(std::move(clean));
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

std::string describe_end(const ProcessResult& result, std::chrono::milliseconds timeout) {
  switch (result.end) {
    case ProcessResult::End::Exited:
      return "s'est terminé avec le code " + std::to_string(result.exit_code);
    case ProcessResult::End::Signaled: {
      const char* abbrev = ::sigabbrev_np(result.signal);
      return "a été interrompu par le signal " + std::to_string(result.signal) +
             (abbrev ? std::string(" (SIG") + abbrev + ")" : std::string());
    }
    case ProcessResult::End::TimedOut: {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(timeout.count()) / 1000);
      return std::string("n'a pas terminé dans le délai de ") + seconds +
             " s et a été arrêté (délai réglable par TAMPON_EXTERNAL_TIMEOUT, en secondes)";
    }
    case ProcessResult::End::OutputTooLarge:
      return "a écrit trop de données sur sa sortie standard et a été arrêté";
  }
  return "s'est terminé de façon inattendue";
}

std::optional<std::chrono::milliseconds> parse_timeout(std::string_view text) {
  double seconds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(seconds) ||
      seconds <= 0 || seconds > 1e6)
    return std::nullopt;
  return std::chrono::milliseconds(static_cast<long long>(std::ceil(seconds * 1000)));
}

std::chrono::milliseconds timeout_from_env() {
  const char* value = std::getenv("TAMPON_EXTERNAL_TIMEOUT");
  auto parsed = value ? parse_timeout(value) : std::nullopt;
  return parsed.value_or(std::chrono::milliseconds(60'000));
}

}  // namespace tampon::external
