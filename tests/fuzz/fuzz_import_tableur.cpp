// `tampon import tableur` on CSV files (one per sheet, named after it: structures.csv,
// conventions.postes.csv…), given as parts "=== <name>.csv" (fuzz_parts.hpp): the importer's
// own layer, above the CSV reader fuzz_csv searches (headers matched to fields, cells typed,
// lists joined to their owner, records written as YAML). The same code reads the sheets of an
// .xlsx. Promises (docs/commandes.md): all or nothing, nothing written outside data/, and the
// records written say what the cells said: each file it writes reads back through the record
// loader with no finding of YAML syntax, duplicate or unknown key, or wrong type (a cell that
// breaks out of its string, or a value the loader refuses, would show as one).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "cli/commands.hpp"
#include "fuzz_parts.hpp"
#include "fuzz_support.hpp"
#include "load/decode_file.hpp"
#include "load/source_files.hpp"

namespace {
namespace fs = std::filesystem;

// A sheet's file name as a user would give it: lower-case letters and dots, ending in .csv.
bool plausible_name(const std::string& name) {
  if (name.size() < 5 || name.size() > 40 || !name.ends_with(".csv")) return false;
  for (char c : name)
    if (!(c >= 'a' && c <= 'z') && c != '.') return false;
  return true;
}

// Diagnostics printed by the command go nowhere while it runs.
struct Silence {
  std::streambuf* saved = std::cerr.rdbuf(nullptr);
  ~Silence() {
    std::cerr.rdbuf(saved);
    std::cerr.clear();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  const fs::path root = fuzz::scratch() / "import";
  const fs::path project = root / "projet";
  std::error_code ec;
  fs::remove_all(root, ec);
  fs::create_directories(project / "data");
  cli::Options options;
  options.subcommand = "tableur";
  options.project = project;
  options.jobs = 1;
  options.quiet = true;
  std::set<std::string> inputs;
  for (const fuzz::Part& part : fuzz::parts_of(fuzz::text_of(data, size))) {
    if (!plausible_name(part.name) || !inputs.insert(part.name).second) continue;
    std::ofstream(root / part.name, std::ios::binary) << part.bytes;
    options.files.push_back(root / part.name);
  }
  if (options.files.empty() || options.files.size() > 8) return 0;
  int status;
  {
    Silence quiet;
    status = cli::run_import(options);
  }
  if (status < 0 || status > 3) fuzz::broken("code de sortie " + std::to_string(status));
  // Nothing but the inputs, the project folder and what the import wrote under data/.
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const fs::path& p = it->path();
    std::string relative = p.lexically_relative(root).generic_string();
    if (it->is_symlink()) fuzz::broken("lien symbolique écrit : " + relative);
    if (relative == "projet" || relative == "projet/data" || relative.starts_with("projet/data/") ||
        inputs.contains(relative))
      continue;
    fuzz::broken("écrit hors de data/ : " + relative);
  }
  Diagnostics listing;
  bool failed = false;
  auto files = load::list_record_files(project, listing, failed);
  if (status != 0 && !files.empty()) fuzz::broken("import refusé mais des fiches écrites");
  for (const load::SourceFile& file : files) {
    std::ifstream in(file.absolute, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    load::FileResult read = load::decode_file(text, file.kind, 0);
    for (const Diagnostic& d : read.diagnostics)
      if (d.code == "yaml-syntax" || d.code == "duplicate-key" || d.code == "unknown-field" ||
          d.code == "wrong-type" || d.code == "empty-file")
        fuzz::broken(file.relative + " relu avec « " + d.code + " » : " + d.message + "\n" + text);
  }
  return 0;
}
