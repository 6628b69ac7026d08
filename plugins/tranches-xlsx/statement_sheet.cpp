#include "statement_sheet.hpp"

#include <string>

namespace tampon::xlsx {
namespace {

constexpr std::string_view k_headers[kStatementCols] = {
    "Convention",        "Structure",     "Poste",    "Conseiller",
    "Tranche",           "Pourcentage",   "Échéance", "Montant",
    "Date de versement", "Montant versé", "Statut"};

void write_header(Sheet& sheet) {
  for (int col = 0; col < kStatementCols; ++col)
    sheet.text(0, col, k_headers[col], sheet.formats().header);
}

/// One tranche; returns the paid amount written (zero when the cells stay empty). A suspended
/// payment carries a date and an amount in the model, but no money was paid: its paid cells
/// stay empty and the status says why.
Money write_row(Sheet& sheet, int row, const TrancheRow& line) {
  const Formats& f = sheet.formats();
  const TrancheLine& t = *line.tranche;
  sheet.text(row, kColConvention, line.convention->record->id);
  sheet.text(row, kColStructure, line.convention->record->structure);
  sheet.integer(row, kColPoste, line.post->numero);
  if (line.post->conseiller) sheet.text(row, kColConseiller, *line.post->conseiller);
  sheet.integer(row, kColTranche, t.number);
  sheet.number(row, kColPct, t.pct / 100.0, f.percent);
  sheet.date(row, kColDue, t.due);
  sheet.money(row, kColAmount, t.amount);
  Money paid = paid_amount(t);
  if (t.status == TrancheStatus::Versee && t.paid_date) sheet.date(row, kColPaidDate, *t.paid_date);
  if (t.status == TrancheStatus::Versee) sheet.money(row, kColPaidAmount, paid);
  // A tranche due after the conseiller's contract was broken off is flagged (domain.md §6).
  sheet.text(row, kColStatus, name(t.status), t.after_rupture ? f.flagged : f.text);
  return paid;
}

std::string sum_of(int col, int first_row, int last_row) {
  if (last_row < first_row) return "0";
  return "SUM(" + cell_ref(first_row, col) + ":" + cell_ref(last_row, col) + ")";
}

}  // namespace

StatementLayout write_statement_sheet(Sheet& sheet, std::span<const TrancheRow> rows) {
  StatementLayout layout;
  sheet.table_setup(0, static_cast<int>(rows.size()), kStatementCols - 1);
  write_header(sheet);
  int row = layout.first_row;
  for (const TrancheRow& line : rows) {
    layout.total_paid += write_row(sheet, row, line);
    layout.total_amount += line.tranche->amount;
    ++row;
  }
  layout.last_row = row - 1;
  // One empty row keeps the totals out of the filtered range and out of a pivot's source.
  layout.total_row = row + 1;
  const Formats& f = sheet.formats();
  sheet.text(layout.total_row, kColConvention, "Total", f.bold);
  sheet.money_formula(layout.total_row, kColAmount,
                      sum_of(kColAmount, layout.first_row, layout.last_row), layout.total_amount);
  sheet.money_formula(layout.total_row, kColPaidAmount,
                      sum_of(kColPaidAmount, layout.first_row, layout.last_row), layout.total_paid);
  sheet.fit_columns();
  return layout;
}

}  // namespace tampon::xlsx
