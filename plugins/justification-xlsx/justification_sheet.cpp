#include <string>

#include "justification_sheets.hpp"
#include "render/fr_format.hpp"

namespace tampon::xlsx {
namespace {

enum Col {
  kConvention,
  kPoste,
  kConseiller,
  kReceived,
  kQSalaires,
  kQCharges,
  kQFrais,
  kQTotal,
  kCSalaires,
  kCCharges,
  kCFrais,
  kCTotal,
  kJustificatifs,
  kBalance,
  kRate,
  kCols
};

constexpr std::string_view k_headers[kCols] = {"Convention",
                                               "Poste",
                                               "Conseiller",
                                               "Subvention reçue à la fin du trimestre",
                                               "Salaires bruts du trimestre",
                                               "Charges patronales du trimestre",
                                               "Autres frais du trimestre",
                                               "Dépenses du trimestre",
                                               "Salaires bruts cumulés",
                                               "Charges patronales cumulées",
                                               "Autres frais cumulés",
                                               "Dépenses cumulées",
                                               "Justificatifs du trimestre",
                                               "Solde (reçu − dépensé)",
                                               "Taux de consommation"};

/// Header block: structure, SIRET, quarter, date of the statement. Returns the table's row.
int write_header_block(Sheet& sheet, const JustificationData& data) {
  const Formats& f = sheet.formats();
  const Structure& s = *data.structure;
  sheet.label(0, 0, "Justification trimestrielle de l'utilisation de la subvention", f.title);
  sheet.label(1, 0, "Structure", f.bold);
  sheet.label(1, 1, s.nom + " (" + s.id + ")");
  sheet.label(2, 0, "SIRET", f.bold);
  sheet.label(2, 1, s.siret);
  sheet.label(3, 0, "Trimestre", f.bold);
  sheet.label(3, 1,
              data.quarter.iso() + " : " + fr::quarter_long(data.quarter) + ", du " +
                  date_fr(data.quarter.first_day()) + " au " + date_fr(data.quarter.last_day()));
  sheet.label(4, 0, "Date de l'état", f.bold);
  sheet.date(4, 1, data.as_of);
  return 6;
}

void write_expenses(Sheet& sheet, int row, int first_col, const Expenses& e) {
  sheet.money(row, first_col, e.salaires);
  sheet.money(row, first_col + 1, e.charges);
  sheet.money(row, first_col + 2, e.frais);
  sheet.money_formula(row, first_col + 3,
                      "SUM(" + cell_ref(row, first_col) + ":" + cell_ref(row, first_col + 2) + ")",
                      e.total(), sheet.formats().money);
}

/// Consumption rate = cumulated expenses / received; empty when nothing was received yet.
void write_rate(Sheet& sheet, int row, Money received, Money spent, lxw_format* format) {
  std::string d = cell_ref(row, kReceived), l = cell_ref(row, kCTotal);
  std::string formula = "IF(" + d + "=0,\"\"," + l + "/" + d + ")";
  if (received.cents() == 0) return sheet.formula_text(row, kRate, formula, "", format);
  sheet.formula(row, kRate, formula,
                static_cast<double>(spent.cents()) / static_cast<double>(received.cents()), format);
}

void write_line(Sheet& sheet, int row, const JustificationLine& line) {
  sheet.text(row, kConvention, line.convention);
  if (line.poste) sheet.integer(row, kPoste, *line.poste);
  if (!line.conseiller.empty()) sheet.text(row, kConseiller, line.conseiller);
  sheet.money(row, kReceived, line.received);
  write_expenses(sheet, row, kQSalaires, line.quarter);
  write_expenses(sheet, row, kCSalaires, line.cumulated);
  std::string refs;
  for (const std::string& r : line.justificatifs) refs += (refs.empty() ? "" : " ; ") + r;
  if (!refs.empty()) sheet.text(row, kJustificatifs, refs);
  sheet.money_formula(row, kBalance, cell_ref(row, kReceived) + "-" + cell_ref(row, kCTotal),
                      line.balance(), sheet.formats().money);
  write_rate(sheet, row, line.received, line.cumulated.total(), sheet.formats().rate);
}

void write_totals(Sheet& sheet, int first, int last, const JustificationData& data) {
  int row = last + 2;
  sheet.text(row, kConvention, "Total", sheet.formats().bold);
  Money sums[kCols] = {};
  for (const JustificationLine& l : data.lines) {
    sums[kReceived] += l.received;
    const Expenses* blocks[] = {&l.quarter, &l.cumulated};
    int starts[] = {kQSalaires, kCSalaires};
    for (int b = 0; b < 2; ++b) {
      sums[starts[b]] += blocks[b]->salaires;
      sums[starts[b] + 1] += blocks[b]->charges;
      sums[starts[b] + 2] += blocks[b]->frais;
      sums[starts[b] + 3] += blocks[b]->total();
    }
    sums[kBalance] += l.balance();
  }
  for (int col : {kReceived, kQSalaires, kQCharges, kQFrais, kQTotal, kCSalaires, kCCharges,
                  kCFrais, kCTotal, kBalance}) {
    std::string range =
        last < first ? "0" : "SUM(" + cell_ref(first, col) + ":" + cell_ref(last, col) + ")";
    sheet.money_formula(row, col, range, sums[col]);
  }
  write_rate(sheet, row, sums[kReceived], sums[kCTotal], sheet.formats().rate);
}

void write_notes(Sheet& sheet, int row, const JustificationData& data) {
  const Formats& f = sheet.formats();
  sheet.label(row++, 0,
              "Subvention reçue : tranches versées au plus tard le " +
                  date_fr(data.quarter.last_day()) + ".",
              f.note);
  if (data.conventions.empty())
    sheet.label(row++, 0, "Aucune convention en cours ce trimestre.", f.note);
  for (const std::string& id : data.undeclared)
    sheet.label(row++, 0,
                "Aucune déclaration de dépenses reçue pour la convention " + id + " au trimestre " +
                    data.quarter.iso() + " : les dépenses du trimestre sont à zéro.",
                f.note);
}

}  // namespace

void write_justification_sheet(Sheet& sheet, const JustificationData& data) {
  int header = write_header_block(sheet, data);
  sheet.table_setup(header, header + static_cast<int>(data.lines.size()), kCols - 1);
  // Long headers wrap; a taller header row shows them whole. Set before the row is written
  // (constant-memory mode flushes rows as they are left).
  worksheet_set_row(sheet.raw(), static_cast<lxw_row_t>(header), 45, nullptr);
  for (int col = 0; col < kCols; ++col)
    sheet.text(header, col, k_headers[col], sheet.formats().header_wrap);
  int row = header + 1;
  for (const JustificationLine& line : data.lines) write_line(sheet, row++, line);
  int last = row - 1;
  write_totals(sheet, header + 1, last, data);
  write_notes(sheet, last + 4, data);
  sheet.fit_columns(6, 40);
}

}  // namespace tampon::xlsx
