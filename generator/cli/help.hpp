#pragma once
#include <iosfwd>

namespace tampon::cli {

void print_help(std::ostream& out);

}  // namespace tampon::cli
