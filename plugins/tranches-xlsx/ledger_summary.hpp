#pragma once
/// The second sheet of the global ledger: amounts by due month (rows) and status (columns),
/// each cell a SUMIFS over the `Échéancier` sheet stored with its computed value, so the
/// figures are both checkable and right in readers that do not recalculate.
#include <span>

#include "statement_sheet.hpp"

namespace tampon::xlsx {

inline constexpr std::string_view k_ledger_summary_sheet = "Par mois et statut";

void write_ledger_summary(Sheet& sheet, std::span<const TrancheRow> rows,
                          const StatementLayout& statement);

}  // namespace tampon::xlsx
