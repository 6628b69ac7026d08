#include "support/model_fixture.hpp"

namespace tampon::testing {
namespace {

Date day(const char* iso) { return *Date::parse(iso); }

Regime relance_2021() {
  Regime r;
  r.id = "relance-2021";
  r.label = "France Relance 2021 — Conseillers numériques France Services";
  r.role = Role::Conseiller;
  r.eligible = {Family::Collectivite};
  r.anchor = Anchor::FormationDepart;
  r.tranches = {{20, 1}, {30, 6}, {50, 12}};
  r.schedule_source = "[004 §4]";
  GridRow row;
  row.id = "public-50000";
  row.families = {Family::Collectivite, Family::PublicRattache};
  row.contracts = {ContractType::CddDroitPublic, ContractType::CdiDroitPublic};
  row.amount = Money::euros(50000);
  row.months = 24;
  row.overseas = OverseasPolicy::Increased;
  r.grid.push_back(row);
  return r;
}

Structure bazuel() {
  Structure s;
  s.id = "commune-de-bazuel";
  s.nom = "Commune de Bazuel";
  s.type = StructureType::Commune;
  s.siret = "21590139700012";
  s.adresse = {"2 place de l’Église", "59360", "Bazuel"};
  s.departement = "59";
  s.representant = {"Martine Lefebvre", "Maire"};
  s.contact = {"Jean Secret", "jean.secret@example.org", "03 27 00 00 00"};
  return s;
}

Conseiller camille() {
  Conseiller c;
  c.id = "cn-0001";
  c.prenom = "Camille";
  c.nom = "Durand";
  c.courriel = "camille.durand@example.org";
  c.structure = "commune-de-bazuel";
  c.contrat.type = ContractType::CddDroitPublic;
  c.formation = Formation{day("2021-04-12"), 280, false};
  return c;
}

Convention make_convention() {
  Convention c;
  c.id = "cv-2021-0042";
  c.structure = "commune-de-bazuel";
  c.regime = "relance-2021";
  c.signature = day("2021-04-02");
  c.debut = day("2021-04-01");
  c.fin = day("2023-03-31");
  c.dossier = "DS-4242424";
  Poste occupied{
      1,           Role::Conseiller, "cn-0001", std::nullopt, Money::euros(50000), std::nullopt,
      std::nullopt};
  Poste vacant{2,
               Role::Conseiller,
               std::nullopt,
               ContractType::CddDroitPublic,
               Money::cents(3076544),
               "Temps partiel validé par le comité départemental",
               std::nullopt};
  c.postes = {occupied, vacant};
  return c;
}

Avenant make_avenant() {
  Avenant a;
  a.id = "cv-2021-0042-av1";
  a.convention = "cv-2021-0042";
  a.numero = 1;
  a.date = day("2022-06-15");
  a.objet = AvenantObjet::AjoutPostes;
  a.postes_ajoutes = {Poste{3, Role::Conseiller, std::nullopt, ContractType::CddDroitPublic,
                            std::nullopt, std::nullopt, std::nullopt}};
  a.motif = "Ouverture d’une seconde permanence";
  return a;
}

PostState post(const Regime& regime, int numero, std::optional<std::string> who, Money amount,
               Date anchor, bool provisional) {
  PostState p;
  p.numero = numero;
  p.conseiller = std::move(who);
  p.contrat = ContractType::CddDroitPublic;
  p.amount = amount;
  p.provisional = provisional;
  p.tranches = tranches_of(regime, amount, anchor, provisional);
  return p;
}

}  // namespace

std::vector<TrancheLine> tranches_of(const Regime& regime, Money amount, Date anchor,
                                     bool provisional) {
  std::vector<TrancheLine> out;
  Money scheduled;
  for (std::size_t i = 0; i < regime.tranches.size(); ++i) {
    TrancheLine t;
    t.number = static_cast<int>(i) + 1;
    t.pct = regime.tranches[i].pct;
    t.regime = regime.id;
    t.anchor = anchor;
    t.offset_months = regime.tranches[i].offset_months;
    t.due = anchor.plus_months(t.offset_months);
    t.provisional = provisional;
    t.amount = i + 1 == regime.tranches.size() ? amount - scheduled : amount.percent_floor(t.pct);
    scheduled += t.amount;
    out.push_back(t);
  }
  return out;
}

ModelFixture::ModelFixture() {
  model.records.structures.push_back(bazuel());
  model.records.conseillers.push_back(camille());
  model.records.conventions.push_back(make_convention());
  model.records.avenants.push_back(make_avenant());
  model.baremes.regimes.push_back(relance_2021());
  model.baremes.overseas.push_back(
      {{"974", "976"}, "La Réunion, Mayotte", Money::euros(67500), ""});
  const Regime& regime = model.baremes.regimes.front();

  ConventionState s;
  s.record = &model.records.conventions.front();
  s.structure = &model.records.structures.front();
  s.regime = &regime;
  s.avenants = {&model.records.avenants.front()};
  ConventionVersion signed_version;
  signed_version.fin = s.record->fin;
  signed_version.posts = {
      post(regime, 1, "cn-0001", Money::euros(50000), day("2021-04-12"), false),
      post(regime, 2, std::nullopt, Money::cents(3076544), day("2021-04-02"), true)};
  signed_version.posts[1].derogation = s.record->postes[1].derogation;
  signed_version.total = Money::cents(8076544);
  ConventionVersion after = signed_version;
  after.avenant = "cv-2021-0042-av1";
  after.posts.push_back(
      post(regime, 3, std::nullopt, Money::euros(50000), day("2022-06-15"), true));
  after.posts.back().added_by = "cv-2021-0042-av1";
  after.total = Money::cents(13076544);
  s.versions = {signed_version, after};
  model.conventions.push_back(s);
  model.as_of = day("2022-09-01");
  model.index();
}

}  // namespace tampon::testing
