#include "convention_summary.hpp"

#include <string>
#include <vector>

namespace tampon::xlsx {
namespace {

constexpr std::string_view k_sheet = k_statement_sheet;

std::string sum_range(const StatementLayout& s, int col) {
  int last = std::max(s.last_row, s.first_row);
  return "SUM(" + range_ref(k_sheet, s.first_row, last, col) + ")";
}

/// Label / value rows about the convention; returns the next free row. Long values overflow into
/// the empty cells on their right instead of widening the post table's columns.
int write_identity(Sheet& sheet, const Model& model, const ConventionState& cs, int row) {
  const Formats& f = sheet.formats();
  const Convention& c = *cs.record;
  auto label = [&](std::string_view text) { sheet.text(row, 0, text, f.bold); };
  label("Convention");
  sheet.label(row++, 1, c.id);
  if (c.dossier) {
    label("Dossier");
    sheet.label(row++, 1, *c.dossier);
  }
  label("Structure");
  sheet.label(row++, 1, cs.structure ? cs.structure->nom : c.structure);
  label("Identifiant de la structure");
  sheet.label(row++, 1, c.structure);
  if (cs.structure) {
    label("SIRET");
    sheet.label(row++, 1, cs.structure->siret);
  }
  label("Régime");
  sheet.label(row++, 1, cs.regime ? c.regime + " — " + cs.regime->label : c.regime);
  label("Signature");
  sheet.date(row++, 1, c.signature);
  label("Début");
  sheet.date(row++, 1, c.debut);
  label("Fin");
  sheet.date(row++, 1, cs.versions.empty() ? c.fin : cs.current().fin);
  for (const Avenant* avenant : cs.avenants) {
    label("Avenant n° " + std::to_string(avenant->numero));
    sheet.label(row++, 1,
                avenant->id + " du " + date_fr(avenant->date) + " (" +
                    std::string(label_fr(avenant->objet)) + ")");
  }
  label("Situation au");
  sheet.date(row++, 1, model.as_of);
  return row;
}

/// Totals as formulas over the statement sheet, cached with the model's figures.
int write_totals(Sheet& sheet, const ConventionState& cs, const StatementLayout& s, int row) {
  const Formats& f = sheet.formats();
  sheet.text(row, 0, "Nombre de postes", f.bold);
  sheet.integer(row++, 1,
                static_cast<long long>(cs.versions.empty() ? 0 : cs.current().posts.size()));
  int granted = row;
  sheet.text(row, 0, "Total accordé", f.bold);
  sheet.money_formula(row++, 1, sum_range(s, kColAmount), s.total_amount, f.money);
  int paid = row;
  sheet.text(row, 0, "Total versé", f.bold);
  sheet.money_formula(row++, 1, sum_range(s, kColPaidAmount), s.total_paid, f.money);
  sheet.text(row, 0, "Reste à verser", f.bold);
  sheet.money_formula(row++, 1, cell_ref(granted, 1) + "-" + cell_ref(paid, 1),
                      s.total_amount - s.total_paid, f.money_total);
  return row;
}

struct PostFigures {
  Money granted, paid;
};

PostFigures figures_of(const PostState& post) {
  PostFigures out;
  for (const TrancheLine& t : post.tranches) {
    out.granted += t.amount;
    out.paid += paid_amount(t);
  }
  return out;
}

void write_post_row(Sheet& sheet, const PostState& post, const StatementLayout& s, int row) {
  const Formats& f = sheet.formats();
  int last = std::max(s.last_row, s.first_row);
  std::string posts = range_ref(k_sheet, s.first_row, last, kColPoste);
  std::string key = cell_ref(row, 0);
  PostFigures fig = figures_of(post);
  sheet.integer(row, 0, post.numero);
  sheet.text(row, 1, label_fr(post.role));
  if (post.conseiller) sheet.text(row, 2, *post.conseiller);
  sheet.text(row, 3, label_fr(post.contrat));
  sheet.money_formula(
      row, 4,
      "SUMIF(" + posts + "," + key + "," + range_ref(k_sheet, s.first_row, last, kColAmount) + ")",
      fig.granted, f.money);
  sheet.money_formula(row, 5,
                      "SUMIF(" + posts + "," + key + "," +
                          range_ref(k_sheet, s.first_row, last, kColPaidAmount) + ")",
                      fig.paid, f.money);
  sheet.money_formula(row, 6, cell_ref(row, 4) + "-" + cell_ref(row, 5), fig.granted - fig.paid,
                      f.money);
  sheet.text(row, 7, post.provisional ? "provisoire" : "définitif");
  if (!post.added_by.empty()) sheet.text(row, 8, post.added_by);
  if (post.removed_on) sheet.date(row, 9, *post.removed_on);
  if (post.derogation) sheet.text(row, 10, *post.derogation);
}

int write_posts(Sheet& sheet, const ConventionState& cs, const StatementLayout& s, int row) {
  constexpr std::string_view headers[] = {
      "Poste",          "Rôle",       "Conseiller", "Contrat",   "Montant accordé", "Versé",
      "Reste à verser", "Échéancier", "Ajouté par", "Retiré le", "Dérogation"};
  for (int col = 0; col < 11; ++col) sheet.text(row, col, headers[col], sheet.formats().header);
  ++row;
  if (cs.versions.empty()) return row;
  for (const PostState& post : cs.current().posts) write_post_row(sheet, post, s, row++);
  return row;
}

std::vector<std::string> notes_of(const Model& model, const ConventionState& cs) {
  std::vector<std::string> notes;
  if (cs.versions.empty()) return notes;
  for (const PostState& post : cs.current().posts) {
    std::string poste = "Poste " + std::to_string(post.numero);
    if (post.provisional)
      notes.push_back(poste +
                      " : échéancier provisoire (conseiller ou date de départ en formation "
                      "encore inconnus), ancré sur la date de signature.");
    const Conseiller* who = post.conseiller ? model.conseiller(*post.conseiller) : nullptr;
    for (const TrancheLine& t : post.tranches) {
      if (!t.after_rupture) continue;
      std::string why =
          who && who->rupture ? " (rupture du contrat le " + date_fr(who->rupture->date) + ")" : "";
      notes.push_back(poste + ", tranche " + std::to_string(t.number) + " : échéance du " +
                      date_fr(t.due) + " postérieure à la fin anticipée du contrat" + why +
                      " ; les surcoûts restent à la charge de la structure.");
    }
  }
  return notes;
}

}  // namespace

void write_convention_summary(Sheet& sheet, const Model& model, const ConventionState& convention,
                              const StatementLayout& statement) {
  const Formats& f = sheet.formats();
  sheet.text(0, 0, "Échéancier de la convention " + convention.record->id, f.title);
  int row = write_identity(sheet, model, convention, 2);
  row = write_totals(sheet, convention, statement, row + 1);
  row = write_posts(sheet, convention, statement, row + 1);
  auto notes = notes_of(model, convention);
  if (!notes.empty()) sheet.text(++row, 0, "Remarques", f.bold);
  for (const std::string& note : notes) sheet.text(++row, 0, note, f.note);
  worksheet_set_portrait(sheet.raw());
  worksheet_set_paper(sheet.raw(), 9);
  worksheet_fit_to_pages(sheet.raw(), 1, 0);
  sheet.fit_columns(6, 45);
}

}  // namespace tampon::xlsx
