// The table of built-in emitters: one line each. This is the only file that names them all
// (ARCHITECTURE.md, "How to add an emitter").
#include "plugin/builtin_emitters.hpp"

namespace tampon {

std::unique_ptr<Emitter> make_records_json_emitter();
std::unique_ptr<Emitter> make_convention_pdf_emitter();
std::unique_ptr<Emitter> make_tranches_xlsx_emitter();
std::unique_ptr<Emitter> make_justification_xlsx_emitter();
std::unique_ptr<Emitter> make_bulletin_emitter();
std::unique_ptr<Emitter> make_site_emitter();

std::span<const BuiltinEmitter> builtin_emitters() {
  static const BuiltinEmitter k_table[] = {
      {"convention-pdf", make_convention_pdf_emitter, true},
      {"tranches-xlsx", make_tranches_xlsx_emitter, true},
      {"justification-xlsx", make_justification_xlsx_emitter, true},
      {"bulletin", make_bulletin_emitter, true, true},  // no personal data (domain.md §7)
      {"site", make_site_emitter, false},               // reads no record
      {"records-json", make_records_json_emitter, false, false, true},  // reads all, lists none
  };
  return k_table;
}

}  // namespace tampon
