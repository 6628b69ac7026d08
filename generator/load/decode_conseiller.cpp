#include "load/decoders.hpp"

namespace tampon::load {
namespace {

void read_recrutement(FileDecoder& d, MapReader& r, Conseiller& c, LocList& locs) {
  auto* b = r.block("recrutement");
  if (!b) return;
  MapReader m(d, *b, r.field("recrutement").fields, "recrutement", &locs);
  Recrutement rec;
  rec.presentation = m.date("presentation");
  rec.selection = m.date("selection");
  rec.signature_contrat = m.date("signature_contrat");
  rec.notification_poste = m.date("notification_poste");
  c.recrutement = rec;
}

void read_contrat(FileDecoder& d, MapReader& r, Conseiller& c, LocList& locs) {
  auto* b = r.block("contrat");
  if (!b) return;
  MapReader m(d, *b, r.field("contrat").fields, "contrat", &locs);
  Contrat& k = c.contrat;
  k.type = m.choice<ContractType>("type").value_or(ContractType{});
  k.debut = m.date("debut").value_or(Date{});
  k.fin = m.date("fin");  // when it is required is a rule (generator/rules), in the table too
  k.heures_hebdo = m.number("heures_hebdo").value_or(35);
  k.salaire_brut_mensuel = m.money("salaire_brut_mensuel").value_or(Money{});
  k.aides_emploi = m.money("aides_emploi").value_or(Money{});
}

void read_formation(FileDecoder& d, MapReader& r, Conseiller& c, LocList& locs) {
  auto* b = r.block("formation");
  if (!b) return;
  MapReader m(d, *b, r.field("formation").fields, "formation", &locs);
  Formation f;
  f.depart = m.date("depart");
  f.heures = m.integer("heures");  // 105/280/350/420: a rule
  f.exemption = m.boolean("exemption").value_or(false);
  c.formation = f;
}

void read_rupture(FileDecoder& d, MapReader& r, Conseiller& c, LocList& locs) {
  auto* b = r.block("rupture");
  if (!b) return;
  MapReader m(d, *b, r.field("rupture").fields, "rupture", &locs);
  auto date = m.date("date");
  auto motif = m.text("motif");
  if (date) c.rupture = Rupture{*date, motif.value_or("")};
}

}  // namespace

void decode_conseiller(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Conseiller> rec;
  MapReader r(d, map, record_table(RecordKind::Conseiller).fields, "", &rec.locs);
  auto id = record_id(d, r, "ce conseiller est ignoré");
  if (!id) return;
  Conseiller& c = rec.record;
  c.id = *id;
  c.locs.record = d.loc(map);
  c.prenom = r.text("prenom").value_or("");
  c.nom = r.text("nom").value_or("");
  c.courriel = r.text("courriel").value_or("");
  c.structure = r.id("structure").value_or("");
  c.role = r.choice<Role>("role").value_or(Role::Conseiller);
  c.publication_nom = r.boolean("publication_nom").value_or(false);
  read_recrutement(d, r, c, rec.locs);
  read_contrat(d, r, c, rec.locs);
  read_formation(d, r, c, rec.locs);
  read_rupture(d, r, c, rec.locs);
  (void)r.text("id_pilotage");  // import pilotage's link; no output reads it
  out.conseillers.push_back(std::move(rec));
}

}  // namespace tampon::load
