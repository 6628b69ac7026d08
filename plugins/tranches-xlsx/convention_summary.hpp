#pragma once
/// The `Synthèse` sheet of a per-convention statement: who and what (structure, regime,
/// signature, period, avenants), the totals granted / paid / remaining as formulas over the
/// `Échéancier` sheet, one line per post, and notes on provisional schedules and tranches due
/// after a rupture.
#include "statement_sheet.hpp"

namespace tampon::xlsx {

void write_convention_summary(Sheet& sheet, const Model& model, const ConventionState& convention,
                              const StatementLayout& statement);

}  // namespace tampon::xlsx
