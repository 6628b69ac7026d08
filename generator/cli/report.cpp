#include "cli/report.hpp"

#include <iostream>

#include "diag/print.hpp"

namespace tampon::cli {

void apply_strict(Diagnostics& diagnostics, const Options& options) {
  if (!options.strict) return;
  for (auto& d : diagnostics) d.severity = Severity::Error;
}

namespace {
std::string count_fr(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n <= 1 ? singular : plural);
}
}  // namespace

std::string records_read_fr(const RecordSet& r) {
  return "lus : " + count_fr(r.structures.size(), "structure", "structures") + ", " +
         count_fr(r.conseillers.size(), "conseiller", "conseillers") + ", " +
         count_fr(r.conventions.size(), "convention", "conventions") + ", " +
         count_fr(r.avenants.size(), "avenant", "avenants") + ", " +
         count_fr(r.versements.size(), "versement", "versements") + ", " +
         count_fr(r.rapports.size(), "rapport", "rapports") + ", " +
         count_fr(r.depenses.size(), "déclaration de dépenses", "déclarations de dépenses");
}

std::string records_of_kind_fr(std::string_view kind, std::size_t n) {
  if (kind == "depense") return count_fr(n, "déclaration de dépenses", "déclarations de dépenses");
  std::string singular(kind);
  return count_fr(n, singular.c_str(), (singular + "s").c_str());
}

void print_diagnostics(Diagnostics diagnostics, const Options& options, const RecordSet* read) {
  sort_diagnostics(diagnostics);
  if (options.format == Format::Json) {
    print_json(std::cout, diagnostics);
    return;
  }
  print_text(std::cerr, diagnostics);
  if (!options.quiet || !diagnostics.empty())
    std::cerr << (read ? records_read_fr(*read) + " ; " : "") << summary_line(diagnostics) << "\n";
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
