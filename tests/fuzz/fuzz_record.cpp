// The record loader on one file, through the code `validate` uses (load::decode_file), read as
// each record kind in turn (so that any record file is a seed as it is). Promise: findings,
// never a crash, and a refused file says why.
#include "fuzz_support.hpp"
#include "load/decode_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  std::string_view text = fuzz::text_of(data, size);
  for (int kind = 0; kind < 7; ++kind) {
    load::FileResult result = load::decode_file(text, static_cast<RecordKind>(kind), 0);
    fuzz::check_findings(result.diagnostics, text);
    if (result.input_failure && count_errors(result.diagnostics) == 0)
      fuzz::broken("un fichier refusé sans erreur qui dise pourquoi");
  }
  return 0;
}
