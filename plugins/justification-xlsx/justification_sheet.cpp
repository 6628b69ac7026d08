#include <string>

#include "justification_sheets.hpp"
#include "render/fr_format.hpp"
#include "render/xlsx/form.hpp"
#include "render/xlsx/justification_form.hpp"

namespace tampon::xlsx {
namespace {

using namespace form;

constexpr std::string_view k_headers[kCols] = {"Convention",
                                               "Poste",
                                               "Conseiller",
                                               "Subvention reçue à la fin du trimestre",
                                               "Salaires bruts du trimestre",
                                               "Charges patronales du trimestre",
                                               "Autres frais du trimestre",
                                               "Dépenses du trimestre",
                                               "Dépenses des trimestres précédents",
                                               "Dépenses cumulées",
                                               "Solde (reçu − dépensé)",
                                               "Taux de consommation",
                                               "Références des justificatifs",
                                               "Date des justificatifs"};

/// The day the form is due back: the last day of the month after the quarter.
Date return_by(Quarter q) { return q.next().first_month().last_day(); }

std::string identity(const JustificationData& data) {
  std::string out = std::string(k_form_version) + ";structure=" + data.structure->id +
                    ";trimestre=" + data.quarter.iso() + ";arrete-au=" + data.as_of.iso() +
                    ";conventions=";
  bool first = true;
  for (const ConventionState* cs : data.conventions) {
    if (cs->versions.empty()) continue;
    const std::string& avenant = cs->current().avenant;
    out += (first ? "" : ",") + cs->record->id + "@" + (avenant.empty() ? "initiale" : avenant);
    first = false;
  }
  return out;
}

void write_header_block(Sheet& sheet, const JustificationData& data) {
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
  sheet.label(k_identity_row, 0, "Formulaire", f.bold);
  sheet.label(k_identity_row, k_identity_col, identity(data), f.note);
  sheet.label(6, 0, "À renvoyer", f.bold);
  sheet.label(6, 1,
              "au plus tard le " + date_fr(return_by(data.quarter)) +
                  ", à Banque des Territoires, en réponse au courriel qui vous l'a transmis : ce "
                  "fichier complété, au format .xlsx, sans changer son nom.");
}

void write_instructions(Sheet& sheet) {
  const Formats& f = sheet.formats();
  sheet.label(8, 0, "Mode d'emploi", f.bold);
  sheet.label(9, 0,
              "1. Pour chaque poste, saisissez dans les cellules grises soulignées les dépenses "
              "du trimestre (salaires bruts, charges patronales, autres frais, en euros avec deux "
              "décimales au plus),");
  sheet.label(10, 0,
              "    puis la référence de leurs justificatifs (bulletins de paie, factures) et leur "
              "date, comprise dans le trimestre. Les montants déjà déclarés sont pré-remplis : "
              "corrigez-les si besoin.");
  sheet.label(11, 0,
              "2. Les autres cellules sont protégées ; les dépenses cumulées, le solde et le taux "
              "de consommation se calculent seuls.");
  sheet.label(12, 0,
              "3. Remplissez l'attestation ci-dessous, enregistrez le fichier au format .xlsx et "
              "renvoyez-le.");
}

void write_attestation(Sheet& sheet, const JustificationData& data) {
  const Formats& f = sheet.formats();
  sheet.label(13, 0, "Attestation", f.bold);
  sheet.label(13, k_attestation_col, "Je certifie exacts les montants déclarés.", f.bold);
  const std::pair<int, const char*> fields[] = {{k_signataire_row, "Nom et prénom du signataire"},
                                                {k_qualite_row, "Qualité du signataire"},
                                                {k_date_row, "Date"},
                                                {k_lieu_row, "Lieu"}};
  for (const auto& [row, label] : fields) {
    sheet.label(row, 0, label);
    input_blank(sheet, row, k_attestation_col, row == k_date_row ? f.input_date : f.input_text);
  }
  std::string max = std::to_string(k_attestation_max_length);
  for (int row : {k_signataire_row, k_qualite_row, k_lieu_row})
    validate_length(
        sheet, row, k_attestation_col, row, 1, k_attestation_max_length,
        {"Texte trop long", "Saisissez un texte de " + max + " caractères au plus.", "", ""});
  validate_dates_from(
      sheet, k_date_row, k_attestation_col, data.quarter.first_day(),
      {"Date refusée",
       "La date de l'attestation ne peut pas précéder le début du trimestre (" +
           date_fr(data.quarter.first_day()) + ").",
       "Date",
       "Saisissez la date de signature, par exemple " + date_fr(return_by(data.quarter)) + "."});
}

void write_input_money(Sheet& sheet, int row, int col, Money value, bool prefill) {
  if (prefill) return sheet.money(row, col, value, sheet.formats().input_money);
  input_blank(sheet, row, col, sheet.formats().input_money);
}

/// Consumption rate = cumulated expenses / received; empty when nothing was received yet.
void write_rate(Sheet& sheet, int row, Money received, Money spent, lxw_format* format) {
  std::string d = cell_ref(row, kReceived), l = cell_ref(row, kCumulated);
  std::string formula = "IF(" + d + "=0,\"\"," + l + "/" + d + ")";
  if (received.cents() == 0) return sheet.formula_text(row, kRate, formula, "", format);
  sheet.formula(row, kRate, formula,
                static_cast<double>(spent.cents()) / static_cast<double>(received.cents()), format);
}

bool declared(const JustificationData& data, const std::string& convention) {
  for (const std::string& id : data.undeclared)
    if (id == convention) return false;
  return true;
}

void write_line(Sheet& sheet, int row, const JustificationLine& line, bool prefill) {
  const Formats& f = sheet.formats();
  sheet.text(row, kConvention, line.convention);
  if (line.poste) sheet.integer(row, kPoste, *line.poste);
  if (!line.conseiller.empty())
    sheet.text(row, kConseiller,
               line.conseiller_nom.empty() ? line.conseiller
                                           : line.conseiller_nom + " (" + line.conseiller + ")");
  sheet.money(row, kReceived, line.received);
  write_input_money(sheet, row, kQSalaires, line.quarter.salaires, prefill);
  write_input_money(sheet, row, kQCharges, line.quarter.charges, prefill);
  write_input_money(sheet, row, kQFrais, line.quarter.frais, prefill);
  sheet.money_formula(row, kQTotal,
                      "SUM(" + cell_ref(row, kQSalaires) + ":" + cell_ref(row, kQFrais) + ")",
                      line.quarter.total());
  sheet.money(row, kPrevious, line.previous_total());
  sheet.money_formula(row, kCumulated, cell_ref(row, kPrevious) + "+" + cell_ref(row, kQTotal),
                      line.cumulated.total());
  sheet.money_formula(row, kBalance, cell_ref(row, kReceived) + "-" + cell_ref(row, kCumulated),
                      line.balance());
  write_rate(sheet, row, line.received, line.cumulated.total(), f.rate);
  std::string refs;
  for (const std::string& r : line.justificatifs) refs += (refs.empty() ? "" : " ; ") + r;
  if (refs.empty())
    input_blank(sheet, row, kJustificatifs, f.input_text);
  else
    sheet.text(row, kJustificatifs, refs, f.input_text);
  input_blank(sheet, row, kJustifDate, f.input_date);
}

void validate_lines(Sheet& sheet, int first, int last, const JustificationData& data) {
  if (last < first) return;
  validate_amounts(sheet, first, kQSalaires, last, kQFrais,
                   {"Montant refusé",
                    "Saisissez un montant en euros, positif ou nul, avec deux décimales au plus "
                    "(par exemple 1234,56).",
                    "Montant en euros", "Positif ou nul, deux décimales au plus."});
  std::string max = std::to_string(k_reference_max_length);
  validate_length(sheet, first, kJustificatifs, last, 0, k_reference_max_length,
                  {"Référence trop longue",
                   "Les références des justificatifs tiennent en " + max +
                       " caractères au plus : abrégez-les ou séparez-les par « ; ».",
                   "", ""});
  std::string from = date_fr(data.quarter.first_day()), to = date_fr(data.quarter.last_day());
  validate_dates(sheet, first, kJustifDate, last, data.quarter.first_day(), data.quarter.last_day(),
                 {"Date hors du trimestre",
                  "La date des justificatifs doit être comprise dans le trimestre, du " + from +
                      " au " + to + ".",
                  "Date", "Entre le " + from + " et le " + to + "."});
}

void write_totals(Sheet& sheet, int first, int last, const JustificationData& data) {
  int row = last + 2;
  sheet.text(row, kConvention, "Total", sheet.formats().bold);
  Money sums[kCols] = {};
  for (const JustificationLine& l : data.lines) {
    sums[kReceived] += l.received;
    sums[kQSalaires] += l.quarter.salaires;
    sums[kQCharges] += l.quarter.charges;
    sums[kQFrais] += l.quarter.frais;
    sums[kQTotal] += l.quarter.total();
    sums[kPrevious] += l.previous_total();
    sums[kCumulated] += l.cumulated.total();
    sums[kBalance] += l.balance();
  }
  for (int col :
       {kReceived, kQSalaires, kQCharges, kQFrais, kQTotal, kPrevious, kCumulated, kBalance}) {
    std::string range =
        last < first ? "0" : "SUM(" + cell_ref(first, col) + ":" + cell_ref(last, col) + ")";
    sheet.money_formula(row, col, range, sums[col]);
  }
  write_rate(sheet, row, sums[kReceived], sums[kCumulated], sheet.formats().rate);
}

int write_situations(Sheet& sheet, int row, const JustificationData& data) {
  const Formats& f = sheet.formats();
  sheet.label(row++, 0, "Situation des versements", f.bold);
  if (data.situations.empty())
    sheet.label(row++, 0, "Aucun versement suspendu, en attente ou en risque : rien à faire.");
  for (const std::string& s : data.situations) sheet.label(row++, 0, s);
  return row + 1;
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
                    data.quarter.iso() + " : saisissez les dépenses du trimestre.",
                f.note);
}

}  // namespace

void write_justification_sheet(Sheet& sheet, const JustificationData& data) {
  write_header_block(sheet, data);
  write_instructions(sheet);
  write_attestation(sheet, data);
  form_setup(sheet, k_header_row);
  // Long headers wrap; a taller header row shows them whole.
  worksheet_set_row(sheet.raw(), static_cast<lxw_row_t>(k_header_row), 45, nullptr);
  for (int col = 0; col < kCols; ++col)
    sheet.text(k_header_row, col, k_headers[col], sheet.formats().header_wrap);
  int row = k_first_line_row;
  for (const JustificationLine& line : data.lines)
    write_line(sheet, row++, line, declared(data, line.convention));
  int last = row - 1;
  validate_lines(sheet, k_first_line_row, last, data);
  write_totals(sheet, k_first_line_row, last, data);
  int next = write_situations(sheet, last + 4, data);
  write_notes(sheet, next, data);
  sheet.fit_columns(10, 40);
  protect_sheet(sheet);
}

}  // namespace tampon::xlsx
