#include <algorithm>
#include <thread>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/session.hpp"
#include "host/emitter_builds.hpp"

namespace tampon::cli {

int run_validate(const Options& options) {
  Session& session = open_session_until_exit(options);
  Diagnostics& diagnostics = session.diagnostics;
  if (!session.input_failure) {
    // Emitters check their own inputs (templates, content) so validate reports them too.
    auto set = make_emitter_set(options, diagnostics);
    if (auto selected = select_emitters(*set, options)) {
      unsigned jobs =
          options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
      EmitterBuilds builds(session.model, *selected, session.project, jobs);
      Diagnostics found = check_emitters(builds, session, options.jobs);
      diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    } else {
      return k_exit_usage;
    }
  }
  apply_strict(diagnostics, options);
  print_diagnostics(diagnostics, options, &session.model.records);
  if (session.input_failure) return k_exit_io;
  return exit_code_for(diagnostics);
}

}  // namespace tampon::cli
