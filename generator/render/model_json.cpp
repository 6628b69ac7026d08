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

// Calls `start(name)` at each section of the document ("structures", "conseillers",
// "conventions", those `kinds` may see) and `item(json)` for each valid record in it, in
// model order: the one walk behind the document and its streamed text.
template <class Start, class Item>
void for_each_section(const Model& model, std::span<const RecordKind> kinds,
                      std::span<const RecordRef> only, Start&& start, Item&& item) {
  auto reads = [&](RecordKind kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  };
  Selection selection = only.empty() ? everything(model) : named(model, only);
  if (reads(RecordKind::Structure)) {
    start("structures");
    for (const Structure* s : selection.structures)
      if (model.is_valid({RecordKind::Structure, s->id})) item(structure_json(*s));
  }
  if (reads(RecordKind::Conseiller)) {
    start("conseillers");
    for (const Conseiller* c : selection.conseillers)
      if (model.is_valid({RecordKind::Conseiller, c->id})) item(conseiller_json(*c));
  }
  if (reads(RecordKind::Convention) || reads(RecordKind::Avenant) || reads(RecordKind::Versement)) {
    start("conventions");
    for (const ConventionState* state : selection.conventions)
      if (model.is_valid({RecordKind::Convention, state->record->id}))
        item(convention_json(*state));
  }
}

Json header(const Model& model) {
  return Json{{"format", "tampon-records/1"}, {"date_reference", model.as_of.iso()}};
}

constexpr RecordKind k_all_kinds[] = {RecordKind::Structure, RecordKind::Conseiller,
                                      RecordKind::Convention};

}  // namespace

nlohmann::ordered_json model_to_json(const Model& model) {
  return model_to_json(model, k_all_kinds);
}

nlohmann::ordered_json model_to_json(const Model& model, std::span<const RecordKind> kinds) {
  return model_to_json(model, kinds, {});
}

nlohmann::ordered_json model_to_json(const Model& model, std::span<const RecordKind> kinds,
                                     std::span<const RecordRef> only) {
  Json out = header(model);
  Json* section = nullptr;
  for_each_section(
      model, kinds, only, [&](const char* name) { section = &(out[name] = Json::array()); },
      [&](Json&& record) { section->push_back(std::move(record)); });
  return out;
}

std::string model_to_json_text(const Model& model) {
  // Written as dump(2) writes the whole document, one record at a time: each record is
  // dumped alone and indented by the two levels it sits at (a JSON string holds no raw line
  // feed, so every '\n' of a dump starts a line).
  std::string out = header(model).dump(2);
  out.pop_back();  // the header's closing "\n}"
  out.pop_back();
  bool first = true;  // the current section has no record yet
  bool open = false;  // a section was started
  auto close = [&] {
    if (open) out += first ? "]" : "\n  ]";
  };
  for_each_section(
      model, k_all_kinds, {},
      [&](const char* name) {
        close();
        out += ",\n  ";
        out += Json(name).dump();
        out += ": [";
        first = true;
        open = true;
      },
      [&](Json&& record) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        std::string text = record.dump(2);
        std::string_view rest = text;
        for (auto cut = rest.find('\n'); cut != std::string_view::npos; cut = rest.find('\n')) {
          out.append(rest.substr(0, cut + 1)).append("    ");
          rest.remove_prefix(cut + 1);
        }
        out += rest;
      });
  close();
  out += "\n}";
  return out;
}

}  // namespace tampon::render
