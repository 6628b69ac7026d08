#include <iostream>

#include "cli/commands.hpp"

namespace tampon::cli {

// Wired to generator/serve/ once the site emitter's preview server lands.
int run_serve(const Options&) {
  std::cerr << "tampon: erreur: « serve » n'est pas encore disponible dans cette version\n";
  return k_exit_usage;
}

}  // namespace tampon::cli
