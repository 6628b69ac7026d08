// `tampon import pilotage` on a CSV export of the tableau de pilotage, with the shipped
// mappings, into a project that may already hold records: the input is parts
// (fuzz_parts.hpp), "=== export.csv" for the export and "=== data/<folder>/<name>.yaml" for
// records already there, which a newer export updates by their `id_pilotage` (and refuses to
// overwrite when edited by hand). Above the CSV reader fuzz_csv searches and the mapping
// reader fuzz_pilotage_mapping searches: the export recognised from its headers, cells
// converted (dates JJ/MM/AAAA, « non renseignée »), records matched and written.
// Promises: import_check.hpp.
#include <string>

#include "cli/commands.hpp"
#include "fuzz_parts.hpp"
#include "import_check.hpp"

namespace {

// data/<folder>/<name>.yaml with a plain name: a record file the project could hold.
bool record_file_name(const std::string& name) {
  if (!name.starts_with("data/") || !name.ends_with(".yaml") || name.size() > 80) return false;
  int slashes = 0;
  for (char c : name) {
    if (c == '/')
      ++slashes;
    else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-' && c != '.')
      return false;
  }
  return slashes == 2 && name.find("..") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  fuzz::ImportScratch s;
  cli::Options options;
  options.subcommand = "pilotage";
  options.project = s.project;
  options.jobs = 1;
  options.quiet = true;
  std::string_view input = fuzz::text_of(data, size);
  auto parts = fuzz::parts_of(input);
  if (parts.empty()) parts.push_back({"export.csv", input});  // a bare export
  bool have_export = false;
  for (const fuzz::Part& part : parts) {
    if (part.name == "export.csv" && !have_export) {
      s.write("export.csv", part.bytes);
      have_export = true;
    } else if (record_file_name(part.name)) {
      std::filesystem::create_directories((s.project / part.name).parent_path());
      std::ofstream(s.project / part.name, std::ios::binary) << part.bytes;
    }
  }
  if (!have_export) return 0;
  options.files.push_back(s.root / "export.csv");
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
