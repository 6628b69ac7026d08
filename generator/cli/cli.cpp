#include "cli/cli.hpp"

#include <cstdio>

namespace tampon::cli {

int run(int, char**) {
  std::fputs("tampon: en construction\n", stderr);
  return 2;
}

}  // namespace tampon::cli
