#pragma once
/// Entry point of an emitter built as a shared module and loaded with `--plugin-dir` or
/// TAMPON_PLUGIN_PATH. The host reads `api_version` before anything else and refuses a module
/// built for another version. Bump TAMPON_PLUGIN_API_VERSION on ANY change to the headers in
/// generator/api/tampon/: C++ types cross this boundary, so plugin and host must be built with
/// the same compiler, standard library and Tampon headers.
#include <cstdint>

// 2: FieldLocs stores interned path numbers instead of path strings.
// 3: RenderContext::write (a virtual function: the vtable changed); Model indexes records by
//    structure (its layout changed).
// 4: SmicTable holds per-territory rates (SmicTerritory), for Mayotte's own SMIC.
// 4 also: Poste::substitue, Structure iban/bic/deliberation, Convention deliberation,
//    Baremes::Financeur (conventions fit to sign).
// 5: emitter API v2 (issue 14): the reference date is `Model::as_of` only (ProjectContext lost
//    its copy); Diagnostic has constructors (Diagnostic::error, Diagnostic::warning).
// 6: EmitterInfo::codes: emitters declare their own diagnostic codes (issue 14).
// 7: Emitter::prepare and BuildState (what an emitter reads for one build, handed back to
//    check, plan and render), PrepareContext (the build's threads, source reads that record
//    their digest); OutputJob::id (a typed JobId) and OutputJob::fingerprint replace `key`
//    (issue 14).
// 8: PrepareContext::take_previous: `tampon serve` builds in one process and hands each
//    emitter its previous BuildState and the files changed since (issue 14, point 2).
#define TAMPON_PLUGIN_API_VERSION 8u

namespace tampon {
class Emitter;
}

extern "C" {
struct TamponPluginInfo {
  std::uint32_t api_version;  ///< TAMPON_PLUGIN_API_VERSION the module was built with
  const char* name;           ///< emitter name, must match create()->info().name
  const char* version;
  tampon::Emitter* (*create)();
  void (*destroy)(tampon::Emitter*);
};
/// The one symbol the host looks up.
const TamponPluginInfo* tampon_plugin_info(void);
}
