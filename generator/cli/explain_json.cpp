// `tampon explain convention ID --format json`: the same derivation records as the text, for
// a spreadsheet, a script or the back office. Amounts in cents (integers) and as decimal
// strings; dates ISO; every code as the records spell it, with its French label beside it.
#include "cli/explain_json.hpp"

#include "core/fr_text.hpp"
#include "model/derive.hpp"
#include "tampon/enums.hpp"

namespace tampon::cli {
namespace {

using nlohmann::ordered_json;

ordered_json money(Money m) { return {{"centimes", m.cents()}, {"euros", m.plain()}}; }

ordered_json derivations(const std::vector<Derivation>& how) {
  ordered_json out = ordered_json::array();
  for (const Derivation& d : how) {
    ordered_json line = {{"regle", d.rule}, {"texte", d.text}};
    if (!d.grid_row.empty()) line["ligne_grille"] = d.grid_row;
    if (!d.source.empty()) {
      line["source"] = d.source;
      line["source_libelle"] = text::source_in_words(d.source);
    }
    out.push_back(std::move(line));
  }
  return out;
}

ordered_json tranche(const Model& model, const ConventionState& s, const PostState& p,
                     const TrancheLine& t) {
  ordered_json out = {{"numero", t.number},
                      {"regime", t.regime},
                      {"pourcentage", t.pct},
                      {"montant", money(t.amount)},
                      {"point_de_depart", t.anchor.iso()},
                      {"point_de_depart_libelle", t.anchor_label},
                      {"delai_mois", t.offset_months},
                      {"echeance", t.due.iso()},
                      {"provisoire", t.provisional},
                      {"apres_rupture", t.after_rupture},
                      {"statut", name(t.status)},
                      {"statut_libelle", label_fr(t.status)}};
  if (t.paid_date) out["verse_le"] = t.paid_date->iso();
  if (t.paid_amount) out["montant_verse"] = money(*t.paid_amount);
  // Why this status on statuts_au (domain.md §4.1): the fact that decides, in French, and for
  // risque-suspension every owed month without a monthly report.
  model::StatusReason why = model::status_reason(model, s, p, t);
  out["statut_raison"] = why.text;
  if (t.status == TrancheStatus::RisqueSuspension) {
    ordered_json months = ordered_json::array();
    for (const Month& m : why.missing_months) months.push_back(m.iso());
    out["mois_sans_rapport"] = std::move(months);
  }
  if (!why.source.empty()) {
    out["statut_source"] = why.source;
    out["statut_source_libelle"] = text::source_in_words(why.source);
  }
  out["calcul"] = derivations(t.how);
  return out;
}

ordered_json post(const Model& model, const ConventionState& s, const PostState& p) {
  ordered_json out = {{"numero", p.numero},
                      {"role", name(p.role)},
                      {"conseiller", p.conseiller ? ordered_json(*p.conseiller) : ordered_json()},
                      {"contrat", name(p.contrat)},
                      {"contrat_libelle", label_fr(p.contrat)},
                      {"montant", money(p.amount)},
                      {"majoration_outre_mer", p.overseas_increase},
                      {"provisoire", p.provisional}};
  if (!p.added_by.empty()) out["ajoute_par"] = p.added_by;
  if (p.removed_on) out["retire_le"] = p.removed_on->iso();
  if (p.derogation) out["derogation"] = *p.derogation;
  if (p.financing_start) out["financement_a_partir_du"] = p.financing_start->iso();
  if (p.coordinator_from) out["coordinateur_a_partir_du"] = p.coordinator_from->iso();
  if (!p.coordinator_convention.empty()) out["convention_coordinateur"] = p.coordinator_convention;
  out["calcul_montant"] = derivations(p.amount_how);
  ordered_json tranches = ordered_json::array();
  for (const TrancheLine& t : p.tranches) tranches.push_back(tranche(model, s, p, t));
  out["tranches"] = std::move(tranches);
  return out;
}

}  // namespace

std::optional<nlohmann::ordered_json> explain_convention_json(const Model& model,
                                                              std::string_view convention_id) {
  const ConventionState* s = model.convention_state(convention_id);
  if (!s) return std::nullopt;
  const Convention& c = *s->record;
  ordered_json out = {{"convention", c.id},
                      {"structure",
                       {{"id", s->structure->id},
                        {"nom", s->structure->nom},
                        {"famille", name(s->structure->family())},
                        {"famille_libelle", label_fr(s->structure->family())},
                        {"departement", s->structure->departement},
                        {"territoire", s->territory}}},
                      {"regime", {{"id", s->regime->id}, {"libelle", s->regime->label}}},
                      {"signature", c.signature.iso()},
                      {"debut", c.debut.iso()},
                      {"fin", c.fin.iso()},
                      {"statuts_au", model.as_of.iso()}};
  ordered_json versions = ordered_json::array();
  for (const ConventionVersion& v : s->versions) {
    ordered_json version = {
        {"avenant", v.avenant.empty() ? ordered_json() : ordered_json(v.avenant)},
        {"fin", v.fin.iso()},
        {"total", money(v.total)}};
    ordered_json posts = ordered_json::array();
    for (const PostState& p : v.posts) posts.push_back(post(model, *s, p));
    version["postes"] = std::move(posts);
    versions.push_back(std::move(version));
  }
  out["versions"] = std::move(versions);
  return out;
}

}  // namespace tampon::cli
