#include <iostream>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/session.hpp"
#include "serve/serve.hpp"

namespace tampon::cli {

int run_serve(const Options& options) {
  Diagnostics diagnostics;
  auto set = make_emitter_set(options, diagnostics);
  const Emitter* site = set->find("site");
  if (!site) {
    std::cerr << "tampon: erreur: aucun émetteur « site » n'est disponible\n";
    return k_exit_usage;
  }
  serve::ServeOptions serve_options;
  serve_options.project = make_project_context(options);
  serve_options.as_of = options.as_of;
  serve_options.out_dir = options.out;
  serve_options.host = options.host;
  serve_options.port = options.port;
  serve_options.site = site;
  serve_options.quiet = options.quiet;
  serve_options.jobs = options.jobs;
  return serve::serve_site(serve_options);
}

}  // namespace tampon::cli
