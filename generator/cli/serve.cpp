#include <iostream>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "serve/serve.hpp"

namespace tampon::cli {

int run_serve(const Options& options) {
  Diagnostics diagnostics;
  auto set = make_emitter_set(options, diagnostics);
  serve::ServeOptions serve_options;
  serve_options.command = options;
  serve_options.site = set->find("site");
  return serve::serve_site(serve_options);
}

}  // namespace tampon::cli
