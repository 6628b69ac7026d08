#pragma once
/// Diagnostic codes across the tool and its emitters. The tool's own codes are in the rule
/// table (rules/rule_table.cpp); each emitter declares its own in `EmitterInfo::codes`. The
/// host holds emitters to that declaration, so `tampon explain rule` and the manual know every
/// code a build can print.
#include <span>
#include <vector>

#include "rules/validate.hpp"
#include "tampon/emitter.hpp"

namespace tampon {

/// Every code: the rule table, then each emitter's declared codes in emitter order (their
/// `section` is the emitter's name). Views into the table and the emitters' infos.
std::vector<RuleInfo> rule_catalog(std::span<const Emitter* const> emitters);

/// The findings of `emitter` (from `check` or `render`) as the host passes them on: a code the
/// emitter declared takes the severity declared; a code of the rule table (a shared reader's,
/// the document engine's) stays as reported; any other code is an emitter bug, turned into an
/// `emitter-output` error that names it.
void vet_findings(const Emitter& emitter, Diagnostics& findings);

}  // namespace tampon
