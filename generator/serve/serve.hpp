#pragma once
/// `tampon serve` (outputs.md): builds the website into `<out>/site` as `tampon build --only
/// site` does (the same files, the same manifest: serve/build_loop.hpp), serves it on
/// 127.0.0.1 with cpp-httplib, watches content/, templates/site/ and data/, builds again on
/// each change and reloads the open page. Only files under the site folder are ever served;
/// HTML pages are served with the reload script added, never written with it.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "cli/options.hpp"
#include "tampon/emitter.hpp"

namespace tampon::serve {

struct ServeOptions {
  /// The command line: --project, --out, --as-of, --jobs, --format, --quiet, --strict,
  /// --host (loopback only: anything else is refused, exit 2), --port (0 = any free port).
  cli::Options command;
  const Emitter* site = nullptr;                 ///< the "site" emitter of the emitter set
  std::chrono::milliseconds poll_interval{150};  ///< how often sources are checked
  /// Called once the server listens, with the actual port (tests use port 0).
  std::function<void(int port)> on_listening;
  /// Polled between checks; returning true stops the server (tests). Default: Ctrl-C.
  std::function<bool()> should_stop;
};

/// Runs until interrupted. Returns the process exit code (outputs.md): 0 after a clean stop,
/// 2 for a bad host or port, 3 when the port cannot be bound, the data cannot be read or the
/// site cannot be written.
int serve_site(const ServeOptions& options);

/// `html` with the reload script of the preview before its last `</body>` (at the end when it
/// has none).
std::string with_preview_script(std::string html);

}  // namespace tampon::serve
