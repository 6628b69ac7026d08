#pragma once
/// `tampon serve` (outputs.md): builds the website into `<out>/site`, serves it on 127.0.0.1
/// with cpp-httplib, watches content/, templates/ and data/, rebuilds what changed and reloads
/// the open page. Only files under the site folder are ever served.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "tampon/emitter.hpp"

namespace tampon::serve {

struct ServeOptions {
  ProjectContext project;          ///< project_dir, shipped_dir
  Date as_of;                      ///< --as-of: the reference date of the model
  std::filesystem::path out_dir;   ///< the site is written to out_dir / "site"
  std::string host = "127.0.0.1";  ///< loopback only: anything else is refused (exit 2)
  int port = 8000;                 ///< 0 = any free port (tests)
  const Emitter* site = nullptr;   ///< the "site" emitter of the emitter set
  bool quiet = false;
  unsigned jobs = 0;                             ///< loader threads; 0 = number of cores
  std::chrono::milliseconds poll_interval{150};  ///< how often sources are checked
  /// Called once the server listens, with the actual port (tests use port 0).
  std::function<void(int port)> on_listening;
  /// Polled between checks; returning true stops the server (tests). Default: Ctrl-C.
  std::function<bool()> should_stop;
};

/// Runs until interrupted. Returns the process exit code (outputs.md): 0 after a clean stop,
/// 2 for a bad host or port, 3 when the port cannot be bound or the site cannot be written.
int serve_site(const ServeOptions& options);

}  // namespace tampon::serve
