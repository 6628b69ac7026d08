#pragma once
/// Shared by `export tableur` and `import tableur` (tableur_export.cpp, tableur_import.cpp).
#include <string>

namespace tampon::cli {

/// Prints a French usage error and returns the usage exit code (2).
int tableur_usage(const std::string& message);

}  // namespace tampon::cli
