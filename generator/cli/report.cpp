#include "cli/report.hpp"

#include <iostream>

#include "diag/print.hpp"

namespace tampon::cli {

void apply_strict(Diagnostics& diagnostics, const Options& options) {
  if (!options.strict) return;
  for (auto& d : diagnostics) d.severity = Severity::Error;
}

void print_diagnostics(Diagnostics diagnostics, const Options& options) {
  sort_diagnostics(diagnostics);
  if (options.format == Format::Json) {
    print_json(std::cout, diagnostics);
    return;
  }
  print_text(std::cerr, diagnostics);
  if (!options.quiet || !diagnostics.empty()) std::cerr << summary_line(diagnostics) << "\n";
}

}  // namespace tampon::cli
