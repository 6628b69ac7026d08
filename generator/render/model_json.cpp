#include "render/model_json.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace tampon::render {
namespace {

using Json = nlohmann::ordered_json;

Json money(Money m) { return Json{{"centimes", m.cents()}, {"euros", m.plain()}}; }
Json date(const std::optional<Date>& d) { return d ? Json(d->iso()) : Json(nullptr); }

Json structure_json(const Structure& s) {
  return Json{{"id", s.id},
              {"nom", s.nom},
              {"type", name(s.type)},
              {"famille", name(s.family())},
              {"siret", s.siret},
              {"commune", s.adresse.commune},
              {"code_postal", s.adresse.code_postal},
              {"departement", s.departement},
              {"representant", {{"nom", s.representant.nom}, {"qualite", s.representant.qualite}}}};
}

Json conseiller_json(const Conseiller& c) {
  Json j{{"id", c.id}, {"structure", c.structure}, {"role", name(c.role)}};
  if (c.publication_nom) j["nom_public"] = c.prenom + " " + c.nom;  // consented only
  j["contrat"] = {{"type", name(c.contrat.type)},
                  {"debut", c.contrat.debut.iso()},
                  {"fin", date(c.contrat.fin)},
                  {"heures_hebdo", c.contrat.heures_hebdo}};
  if (c.formation)
    j["formation"] = {{"depart", date(c.formation->depart)},
                      {"heures", c.formation->heures ? Json(*c.formation->heures) : Json(nullptr)},
                      {"exemption", c.formation->exemption}};
  if (c.rupture) j["rupture"] = {{"date", c.rupture->date.iso()}};
  return j;
}

Json tranche_json(const TrancheLine& t) {
  return Json{{"numero", t.number},
              {"pourcentage", t.pct},
              {"regime", t.regime},
              {"ancre", t.anchor.iso()},
              {"echeance", t.due.iso()},
              {"montant", money(t.amount)},
              {"provisoire", t.provisional},
              {"apres_rupture", t.after_rupture},
              {"statut", name(t.status)},
              {"date_versement", date(t.paid_date)},
              {"montant_verse", t.paid_amount ? money(*t.paid_amount) : Json(nullptr)}};
}

Json post_json(const PostState& p) {
  Json tranches = Json::array();
  for (const auto& t : p.tranches) tranches.push_back(tranche_json(t));
  return Json{{"numero", p.numero},
              {"role", name(p.role)},
              {"conseiller", p.conseiller ? Json(*p.conseiller) : Json(nullptr)},
              {"contrat", name(p.contrat)},
              {"montant", money(p.amount)},
              {"majoration_outre_mer", p.overseas_increase},
              {"derogation", p.derogation ? Json(*p.derogation) : Json(nullptr)},
              {"ajoute_par", p.added_by.empty() ? Json(nullptr) : Json(p.added_by)},
              {"retire_le", date(p.removed_on)},
              {"provisoire", p.provisional},
              {"tranches", tranches}};
}

Json convention_json(const ConventionState& state) {
  const auto& version = state.current();
  Json posts = Json::array();
  for (const auto& p : version.posts) posts.push_back(post_json(p));
  Json avenants = Json::array();
  for (const Avenant* a : state.avenants)
    avenants.push_back({{"id", a->id},
                        {"numero", a->numero},
                        {"date", a->date.iso()},
                        {"objet", name(a->objet)},
                        {"motif", a->motif}});
  return Json{{"id", state.record->id},
              {"structure", state.record->structure},
              {"regime", state.record->regime},
              {"signature", state.record->signature.iso()},
              {"debut", state.record->debut.iso()},
              {"fin", version.fin.iso()},
              {"dossier", state.record->dossier ? Json(*state.record->dossier) : Json(nullptr)},
              {"total", money(version.total)},
              {"postes", posts},
              {"avenants", avenants}};
}

// The records to serialise, in model order (sorted by id).
struct Selection {
  std::vector<const Structure*> structures;
  std::vector<const Conseiller*> conseillers;
  std::vector<const ConventionState*> conventions;
};

Selection everything(const Model& model) {
  Selection all;
  for (const auto& s : model.records.structures) all.structures.push_back(&s);
  for (const auto& c : model.records.conseillers) all.conseillers.push_back(&c);
  for (const auto& state : model.conventions) all.conventions.push_back(&state);
  return all;
}

// Ids sorted in a std::set give the model's order back; lookups keep it O(selection).
Selection named(const Model& model, std::span<const RecordRef> only) {
  std::set<std::string> structures, conseillers, conventions;
  for (const auto& ref : only) {
    if (ref.kind == RecordKind::Structure) structures.insert(ref.id);
    if (ref.kind == RecordKind::Conseiller) conseillers.insert(ref.id);
    if (ref.kind == RecordKind::Convention) conventions.insert(ref.id);
    if (ref.kind == RecordKind::Avenant)
      if (const Avenant* a = model.avenant(ref.id)) conventions.insert(a->convention);
    if (ref.kind == RecordKind::Versement)  // natural key "cv-…/poste-1/tranche-2"
      conventions.insert(ref.id.substr(0, ref.id.find('/')));
  }
  Selection picked;
  for (const auto& id : structures)
    if (const Structure* s = model.structure(id)) picked.structures.push_back(s);
  for (const auto& id : conseillers)
    if (const Conseiller* c = model.conseiller(id)) picked.conseillers.push_back(c);
  for (const auto& id : conventions)
    if (const ConventionState* state = model.convention_state(id))
      picked.conventions.push_back(state);
  return picked;
}

}  // namespace

nlohmann::ordered_json model_to_json(const Model& model) {
  static constexpr RecordKind k_all[] = {RecordKind::Structure, RecordKind::Conseiller,
                                         RecordKind::Convention};
  return model_to_json(model, k_all);
}

nlohmann::ordered_json model_to_json(const Model& model, std::span<const RecordKind> kinds) {
  return model_to_json(model, kinds, {});
}

nlohmann::ordered_json model_to_json(const Model& model, std::span<const RecordKind> kinds,
                                     std::span<const RecordRef> only) {
  auto reads = [&](RecordKind kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  };
  Selection selection = only.empty() ? everything(model) : named(model, only);
  Json out{{"format", "tampon-records/1"}, {"date_reference", model.as_of.iso()}};
  if (reads(RecordKind::Structure)) {
    Json& structures = out["structures"] = Json::array();
    for (const Structure* s : selection.structures)
      if (model.is_valid({RecordKind::Structure, s->id})) structures.push_back(structure_json(*s));
  }
  if (reads(RecordKind::Conseiller)) {
    Json& conseillers = out["conseillers"] = Json::array();
    for (const Conseiller* c : selection.conseillers)
      if (model.is_valid({RecordKind::Conseiller, c->id}))
        conseillers.push_back(conseiller_json(*c));
  }
  if (reads(RecordKind::Convention) || reads(RecordKind::Avenant) || reads(RecordKind::Versement)) {
    Json& conventions = out["conventions"] = Json::array();
    for (const ConventionState* state : selection.conventions)
      if (model.is_valid({RecordKind::Convention, state->record->id}))
        conventions.push_back(convention_json(*state));
  }
  return out;
}

}  // namespace tampon::render
