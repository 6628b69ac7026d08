#include "host/emitter_codes.hpp"

#include <algorithm>

namespace tampon {

std::vector<RuleInfo> rule_catalog(std::span<const Emitter* const> emitters) {
  std::vector<RuleInfo> all(rule_table().begin(), rule_table().end());
  for (const Emitter* emitter : emitters) {
    const EmitterInfo& info = emitter->info();
    for (const DiagnosticCode& c : info.codes)
      all.push_back({c.code, c.severity, info.name, c.summary});
  }
  return all;
}

void vet_findings(const Emitter& emitter, Diagnostics& findings) {
  const EmitterInfo& info = emitter.info();
  for (Diagnostic& d : findings) {
    auto declared = std::ranges::find(info.codes, d.code, &DiagnosticCode::code);
    if (declared != info.codes.end()) {
      d.severity = declared->severity;
    } else if (find_rule(d.code)) {
      // A shared reader's or the document engine's finding, as that code reported it.
    } else {
      d.message = "émetteur « " + info.name + " » : code de diagnostic « " + d.code +
                  " » non déclaré (EmitterInfo::codes) ; message : " + d.message;
      d.code = "emitter-output";
      d.severity = Severity::Error;
    }
  }
}

}  // namespace tampon
