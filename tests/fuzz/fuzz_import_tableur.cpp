// `tampon import tableur` on CSV files (one per sheet, named after it: structures.csv,
// conventions.postes.csv…), given as parts "=== <name>.csv" (fuzz_parts.hpp): the importer's
// own layer, above the CSV reader fuzz_csv searches (headers matched to fields, cells typed,
// lists joined to their owner, records written as YAML). The same code reads the sheets of an
// .xlsx. Promises: import_check.hpp.
#include <string>

#include "cli/commands.hpp"
#include "fuzz_parts.hpp"
#include "import_check.hpp"

namespace {

// A sheet's file name as a user would give it: lower-case letters and dots, ending in .csv.
bool plausible_name(const std::string& name) {
  if (name.size() < 5 || name.size() > 40 || !name.ends_with(".csv")) return false;
  for (char c : name)
    if (!(c >= 'a' && c <= 'z') && c != '.') return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  fuzz::ImportScratch s;
  cli::Options options;
  options.subcommand = "tableur";
  options.project = s.project;
  options.jobs = 1;
  options.quiet = true;
  for (const fuzz::Part& part : fuzz::parts_of(fuzz::text_of(data, size))) {
    if (!plausible_name(part.name) || s.inputs.contains(part.name)) continue;
    s.write(part.name, part.bytes);
    options.files.push_back(s.root / part.name);
  }
  if (options.files.empty() || options.files.size() > 8) return 0;
  auto before = s.data_files();
  int status;
  bool committed = false;
  {
    fuzz::Silence quiet;
    status = cli::run_import(options, &committed);
  }
  fuzz::check_import(s, status, before, committed);
  return 0;
}
