// The mappings of `tampon import pilotage` (templates/pilotage/*.yaml, --mapping): any bytes.
// Promise: a mapping, or findings placed inside the file, each with its code and message;
// never a crash, never a mapping with a field and no way to read it.
#include "cli/pilotage_mapping.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  std::string_view text = fuzz::text_of(data, size);
  Diagnostics found;
  auto mapping = cli::pilotage::parse_mapping(text, "correspondance.yaml", found);
  fuzz::check_findings(found, text);
  if (mapping && !found.empty()) fuzz::broken("une correspondance lue malgré une erreur");
  if (!mapping && found.empty()) fuzz::broken("une correspondance refusée sans constat");
  if (mapping)
    for (const auto& f : mapping->fields)
      if (f.rule.columns.empty() && !f.rule.fallback)
        fuzz::broken("le champ « " + f.path + " » n'a ni colonne ni valeur par défaut");
  return 0;
}
