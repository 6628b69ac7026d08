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

int exit_code_for(const Diagnostics& diagnostics) {
  bool input_failure = false, error = false;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::Error) continue;
    error = true;
    input_failure = input_failure || d.code == "source-outside" || d.code == "source-not-regular";
  }
  return input_failure ? 3 : error ? 1 : 0;
}

}  // namespace tampon::cli
