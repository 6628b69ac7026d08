#include "load/decoders.hpp"

namespace tampon::load {
namespace {

constexpr std::string_view k_keys[] = {
    "id",          "prenom",  "nom",       "courriel", "structure",  "role", "publication_nom",
    "recrutement", "contrat", "formation", "rupture",  "id_pilotage"};
constexpr std::string_view k_recrutement[] = {"presentation", "selection", "signature_contrat",
                                              "notification_poste"};
constexpr std::string_view k_contrat[] = {
    "type", "debut", "fin", "heures_hebdo", "salaire_brut_mensuel", "aides_emploi"};
constexpr std::string_view k_formation[] = {"depart", "heures", "exemption"};
constexpr std::string_view k_rupture[] = {"date", "motif"};

void read_recrutement(FileDecoder& d, MapReader& r, Conseiller& c, LocList& locs) {
  auto* b = r.block("recrutement", Need::Optional, NodeKind::Mapping);
  if (!b) return;
  MapReader m(d, *b, k_recrutement, "recrutement", &locs);
  Recrutement rec;
  rec.presentation = m.date("presentation", Need::Optional);
  rec.selection = m.date("selection", Need::Optional);
  rec.signature_contrat = m.date("signature_contrat", Need::Optional);
  rec.notification_poste = m.date("notification_poste", Need::Optional);
  c.recrutement = rec;
}

void read_contrat(FileDecoder& d, MapReader& r, Conseiller& c, LocList& locs) {
  auto* b = r.block("contrat", Need::Required, NodeKind::Mapping);
  if (!b) return;
  MapReader m(d, *b, k_contrat, "contrat", &locs);
  Contrat& k = c.contrat;
  k.type = m.choice<ContractType>("type", Need::Required).value_or(ContractType{});
  k.debut = m.date("debut", Need::Required).value_or(Date{});
  k.fin = m.date("fin", Need::Optional);  // when it is required is a rule (generator/rules)
  k.heures_hebdo = m.number("heures_hebdo", Need::Required, 1, 48).value_or(35);
  k.salaire_brut_mensuel = m.money("salaire_brut_mensuel", Need::Required).value_or(Money{});
  k.aides_emploi = m.money("aides_emploi", Need::Optional).value_or(Money{});
}

void read_formation(FileDecoder& d, MapReader& r, Conseiller& c, LocList& locs) {
  auto* b = r.block("formation", Need::Optional, NodeKind::Mapping);
  if (!b) return;
  MapReader m(d, *b, k_formation, "formation", &locs);
  Formation f;
  f.depart = m.date("depart", Need::Optional);
  f.heures = m.integer("heures", Need::Optional, 0, 10000);  // 105/280/350/420: a rule
  f.exemption = m.boolean("exemption", Need::Optional).value_or(false);
  c.formation = f;
}

void read_rupture(FileDecoder& d, MapReader& r, Conseiller& c, LocList& locs) {
  auto* b = r.block("rupture", Need::Optional, NodeKind::Mapping);
  if (!b) return;
  MapReader m(d, *b, k_rupture, "rupture", &locs);
  auto date = m.date("date", Need::Required);
  auto motif = m.text("motif", Need::Required);
  if (date) c.rupture = Rupture{*date, motif.value_or("")};
}

}  // namespace

void decode_conseiller(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Conseiller> rec;
  MapReader r(d, map, k_keys, "", &rec.locs);
  auto id = record_id(d, r, "ce conseiller est ignoré");
  if (!id) return;
  Conseiller& c = rec.record;
  c.id = *id;
  c.locs.record = d.loc(map);
  c.prenom = r.text("prenom", Need::Required).value_or("");
  c.nom = r.text("nom", Need::Required).value_or("");
  c.courriel = r.text("courriel", Need::Required).value_or("");
  c.structure = r.id("structure", Need::Required).value_or("");
  c.role = r.choice<Role>("role", Need::Required).value_or(Role::Conseiller);
  c.publication_nom = r.boolean("publication_nom", Need::Optional).value_or(false);
  read_recrutement(d, r, c, rec.locs);
  read_contrat(d, r, c, rec.locs);
  read_formation(d, r, c, rec.locs);
  read_rupture(d, r, c, rec.locs);
  (void)r.text("id_pilotage", Need::Optional);  // import pilotage's link; no output reads it
  out.conseillers.push_back(std::move(rec));
}

}  // namespace tampon::load
