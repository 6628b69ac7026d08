// `tampon import justification` on a form sent back by a structure: the workbook given as its
// parts (fuzz_parts.hpp), stored in a valid archive (archive_parts.hpp), imported into a copy
// of the sample project, where the form is rendered again to compare its protected cells. The
// file every town hall and association sends back, so the most exposed input of all: above the
// XLSX reader fuzz_xlsx_parts searches, the identity cell, the comparison with the form
// Tampon makes, the amounts, dates and attestation typed in, and the declarations written.
// Seeds: the sample's form for ccas-de-kourou, 2024-T1, as Tampon writes it and as openpyxl
// saves it once filled in. Promises: import_check.hpp.
#include <filesystem>

#include "archive_parts.hpp"
#include "cli/commands.hpp"
#include "import_check.hpp"
#include "tampon/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  auto parts = fuzz::parts_of(fuzz::text_of(data, size));
  if (parts.empty() || parts.size() > 64) return 0;
  fuzz::ImportScratch s;
  s.copy_sample_data();
  s.inputs.insert("2024-T1.xlsx");
  if (!fuzz::write_archive(s.root / "2024-T1.xlsx", parts)) return 0;
  cli::Options options;
  options.subcommand = "justification";
  options.project = s.project;
  options.as_of = *Date::parse("2024-06-30");
  options.jobs = 1;
  options.quiet = true;
  options.files.push_back(s.root / "2024-T1.xlsx");
  auto before = s.data_files();
  int status;
  bool committed = false;
  {
    fuzz::Silence quiet;
    status = cli::run_import_justification(options, &committed);
  }
  fuzz::check_import(s, status, before, committed);
  return 0;
}
