#include <string>

#include "justification_sheets.hpp"
#include "render/xlsx/form.hpp"

namespace tampon::xlsx {
namespace {

enum Col { kConvention, kPoste, kConseiller, kTranche, kPct, kDue, kAmount, kPaid, kStatus, kCols };

constexpr std::string_view k_headers[kCols] = {
    "Convention", "Poste",   "Conseiller",        "Tranche", "Pourcentage",
    "Échéance",   "Montant", "Date de versement", "Statut"};

void write_row(Sheet& sheet, int row, const TrancheRow& line, const std::string& status) {
  const Formats& f = sheet.formats();
  const TrancheLine& t = *line.tranche;
  sheet.text(row, kConvention, line.convention->record->id);
  sheet.integer(row, kPoste, line.post->numero);
  if (line.post->conseiller) sheet.text(row, kConseiller, *line.post->conseiller);
  sheet.integer(row, kTranche, t.number);
  sheet.number(row, kPct, t.pct / 100.0, f.percent);
  sheet.date(row, kDue, t.due);
  sheet.money(row, kAmount, t.amount);
  if (t.paid_date && t.status == TrancheStatus::Versee) sheet.date(row, kPaid, *t.paid_date);
  sheet.text(row, kStatus, status, t.after_rupture ? f.flagged : f.text);
}

}  // namespace

void write_upcoming_sheet(Sheet& sheet, const JustificationData& data) {
  const Formats& f = sheet.formats();
  sheet.table_setup(0, static_cast<int>(data.upcoming.size()), kCols - 1);
  for (int col = 0; col < kCols; ++col) sheet.text(0, col, k_headers[col], f.header);
  int row = 1;
  Money total;
  for (std::size_t i = 0; i < data.upcoming.size(); ++i) {
    const TrancheRow& line = data.upcoming[i];
    write_row(sheet, row++, line, data.upcoming_status[i]);
    total += line.tranche->amount;
  }
  int last = row - 1;
  sheet.text(last + 2, kConvention, "Total", f.bold);
  sheet.money_formula(
      last + 2, kAmount,
      last < 1 ? "0" : "SUM(" + cell_ref(1, kAmount) + ":" + cell_ref(last, kAmount) + ")", total);
  sheet.label(last + 4, 0,
              "Tranches non versées au " + date_fr(data.quarter.last_day()) + " ; statut au " +
                  date_fr(data.as_of) + ".",
              f.note);
  sheet.fit_columns(6, 60);
  protect_sheet(sheet);
}

}  // namespace tampon::xlsx
