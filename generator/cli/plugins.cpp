#include <iostream>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/session.hpp"

namespace tampon::cli {

int run_plugins(const Options& options) {
  Diagnostics diagnostics;
  auto set = make_emitter_set(options, diagnostics);
  for (const auto& loaded : set->all()) {
    const auto& info = loaded.emitter->info();
    std::cout << info.name << " " << info.version << "  (" << loaded.origin << ", interface v"
              << loaded.abi_version << ")\n";
    if (!info.description.empty()) std::cout << "  " << info.description << "\n";
    std::cout << "  lit :";
    if (info.reads.empty()) std::cout << " (aucun enregistrement)";
    for (auto kind : info.reads) std::cout << " " << name(kind);
    std::cout << "\n";
    for (const auto& output : info.outputs)
      std::cout << "  produit : " << output.path_pattern << "\n";
  }
  if (!diagnostics.empty()) print_diagnostics(diagnostics, options);
  return count_errors(diagnostics) ? k_exit_io : k_exit_ok;
}

}  // namespace tampon::cli
