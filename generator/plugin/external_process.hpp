#pragma once
/// Runs one external program to completion: input on its stdin, stdout collected, the tail of
/// stderr kept, a deadline after which its whole process group is killed. Safe to call from
/// several threads at once (each call owns its pipes; none leaks into another child).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tampon::external {

struct ProcessRequest {
  std::filesystem::path program;
  std::vector<std::string> args;  ///< after argv[0]
  std::string_view input;         ///< written to stdin, which is then closed
  /// Added to (or replacing in) the host's environment.
  std::vector<std::pair<std::string, std::string>> env;
  std::chrono::milliseconds timeout{60'000};
  std::size_t max_output = std::size_t{256} << 20;  ///< stdout cap: beyond it the run fails
};

struct ProcessResult {
  enum class End { Exited, Signaled, TimedOut, OutputTooLarge };
  End end = End::Exited;
  int exit_code = -1;  ///< when Exited
  int signal = 0;      ///< when Signaled
  std::string out;     ///< everything written on stdout (up to max_output)
  std::string err;     ///< the last 64 KiB written on stderr
  bool ok() const { return end == End::Exited && exit_code == 0; }
};

/// Runs the program (no shell, no PATH lookup). Throws Fatal, in French, only when it
/// cannot be started at all (missing, not executable, no interpreter).
ProcessResult run_process(const ProcessRequest& request);

/// The last `count` lines of `text` (no trailing empty line), control characters replaced.
std::vector<std::string> last_lines(std::string_view text, std::size_t count);

/// "s'est terminé avec le code 2", "a été tué par le signal 11", … (French, for messages).
std::string describe_end(const ProcessResult& result, std::chrono::milliseconds timeout);

/// "2.5" → 2500 ms; nullopt unless a plain positive number of seconds (at most 10^6).
std::optional<std::chrono::milliseconds> parse_timeout(std::string_view seconds);

/// The timeout of external programs: TAMPON_EXTERNAL_TIMEOUT (seconds, decimals allowed,
/// > 0) when set and valid, else 60 s.
std::chrono::milliseconds timeout_from_env();

}  // namespace tampon::external
