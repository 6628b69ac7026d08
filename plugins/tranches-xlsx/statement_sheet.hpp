#pragma once
/// The `Échéancier` sheet shared by the per-convention statements and the global ledger:
/// a header row, one row per tranche with the columns of outputs.md in their order, then a
/// totals row (formulas stored with their computed value).
#include <span>
#include <string_view>

#include "render/xlsx/sheet.hpp"
#include "render/xlsx/tranche_rows.hpp"

namespace tampon::xlsx {

inline constexpr std::string_view k_statement_sheet = "Échéancier";

/// Column indexes of the statement (outputs.md order).
enum StatementCol {
  kColConvention,
  kColStructure,
  kColPoste,
  kColConseiller,
  kColTranche,
  kColPct,
  kColDue,
  kColAmount,
  kColPaidDate,
  kColPaidAmount,
  kColStatus,
  kStatementCols
};

/// Where things landed, for formulas on other sheets.
struct StatementLayout {
  int first_row = 1;  ///< first tranche row (0-based); the header is row 0
  int last_row = 0;   ///< last tranche row; equals first_row - 1 when there is none
  int total_row = 0;  ///< the totals row
  Money total_amount;
  Money total_paid;
};

/// Writes the sheet in row order (fit for constant-memory workbooks).
StatementLayout write_statement_sheet(Sheet& sheet, std::span<const TrancheRow> rows);

}  // namespace tampon::xlsx
