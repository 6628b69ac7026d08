#include "sample_model.hpp"

#include <stdexcept>

namespace tampon::testing {
namespace {

Money eur(std::int64_t euros) { return Money::euros(euros); }

Structure structure(std::string id, std::string nom, StructureType type, std::string siret) {
  Structure s;
  s.id = std::move(id);
  s.nom = std::move(nom);
  s.type = type;
  s.siret = std::move(siret);
  s.adresse = {"1 rue de la Mairie", "59360", "Bazuel"};
  s.departement = "59";
  s.representant = {"Serge Simeon", "Maire"};
  s.contact = {"Jeanne Martin", "jeanne.martin@example.org", "03 27 00 00 00"};
  return s;
}

Conseiller conseiller(std::string id, std::string structure, ContractType contract) {
  Conseiller c;
  c.id = std::move(id);
  c.prenom = "Camille";
  c.nom = "Durand";
  c.courriel = c.id + "@example.org";
  c.structure = std::move(structure);
  c.contrat.type = contract;
  c.contrat.debut = d("2021-04-01");
  c.contrat.salaire_brut_mensuel = eur(1700);
  c.formation = Formation{d("2021-04-12"), 280, false};
  return c;
}

Poste poste(int numero, std::optional<std::string> who, ContractType contract) {
  Poste p;
  p.numero = numero;
  p.conseiller = std::move(who);
  p.contrat = contract;
  return p;
}

TrancheLine paid(TrancheLine t, const char* when) {
  t.paid_date = d(when);
  t.paid_amount = t.amount;
  return t;
}

PostState post_state(int numero, std::optional<std::string> who, ContractType contract,
                     Money amount, std::vector<TrancheLine> tranches) {
  PostState p;
  p.numero = numero;
  p.conseiller = std::move(who);
  p.contrat = contract;
  p.amount = amount;
  p.tranches = std::move(tranches);
  return p;
}

Regime regime() {
  Regime r;
  r.id = "relance-2021";
  r.label = "Plan de relance, appel de 2021";
  r.tranches = {{20, 1}, {30, 6}, {50, 12}};
  return r;
}

void fill_records(Model& m) {
  m.records.structures = {
      structure("hyperlink", "=HYPERLINK(\"http://x.invalid\",\"x\")", StructureType::Association,
                "40483304800022"),
      structure("mairie-de-bazuel", "Mairie de Bazuel", StructureType::Commune, "21590139700012")};
  m.records.conseillers = {conseiller("cn-0001", "mairie-de-bazuel", ContractType::CddDroitPublic),
                           conseiller("cn-0002", "mairie-de-bazuel", ContractType::CddDroitPublic),
                           conseiller("cn-0003", "hyperlink", ContractType::CdiDroitPrive)};
  m.records.conseillers[1].rupture = Rupture{d("2022-01-31"), "démission"};
  Convention c1{"cv-2021-0001",
                "mairie-de-bazuel",
                "relance-2021",
                d("2021-04-02"),
                d("2021-04-01"),
                d("2023-03-31"),
                std::string("DS-4242424"),
                std::nullopt,
                {},
                {}};
  c1.postes = {poste(1, "cn-0001", ContractType::CddDroitPublic),
               poste(2, "cn-0002", ContractType::CddDroitPublic),
               poste(3, std::nullopt, ContractType::CddDroitPublic)};
  Convention c2{"cv-2021-0002",
                "hyperlink",
                "relance-2021",
                d("2021-09-01"),
                d("2021-09-01"),
                d("2023-02-28"),
                std::nullopt,
                std::nullopt,
                {},
                {}};
  c2.postes = {poste(1, "cn-0003", ContractType::CdiDroitPrive)};
  m.records.conventions = {c1, c2};
  m.records.versements = {
      {"cv-2021-0001", 1, 1, d("2021-05-14"), eur(10000), VersementStatut::Versee, {}},
      {"cv-2021-0001", 1, 2, d("2021-10-20"), eur(15000), VersementStatut::Versee, {}},
      {"cv-2021-0001", 2, 1, d("2021-05-14"), eur(10000), VersementStatut::Versee, {}},
      {"cv-2021-0002", 1, 1, d("2021-10-18"), eur(8000), VersementStatut::Versee, {}},
      {"cv-2021-0002", 1, 2, d("2022-03-20"), eur(12000), VersementStatut::Suspendue, {}}};
  Depense q3{"mairie-de-bazuel", "cv-2021-0001", {2021, 3}, {}, {}};
  q3.lignes = {{"cn-0001", Money::cents(495000), Money::cents(198000), Money::cents(32050),
                "Bulletins de paie juillet-septembre 2021"},
               {"cn-0002", eur(4800), eur(1900), eur(0), "Bulletins de paie T3 2021"}};
  Depense q1{"mairie-de-bazuel", "cv-2021-0001", {2022, 1}, {}, {}};
  q1.lignes = {{"cn-0001", eur(5000), eur(2000), eur(100), "=cmd|' /C calc'!A0"}};
  m.records.depenses = {q3, q1};
}

ConventionState state_1(const Model& m) {
  using S = TrancheStatus;
  auto cdd = ContractType::CddDroitPublic;
  ConventionState cs;
  cs.record = m.convention("cv-2021-0001");
  cs.structure = m.structure("mairie-de-bazuel");
  cs.regime = m.baremes.regime("relance-2021");
  ConventionVersion v{"", d("2023-03-31"), {}, eur(150000)};
  v.posts.push_back(
      post_state(1, "cn-0001", cdd, eur(50000),
                 {paid(tranche(1, 20, d("2021-05-12"), eur(10000), S::Versee), "2021-05-14"),
                  paid(tranche(2, 30, d("2021-10-12"), eur(15000), S::Versee), "2021-10-20"),
                  tranche(3, 50, d("2022-04-12"), eur(25000), S::Exigible)}));
  TrancheLine late = tranche(3, 50, d("2022-04-12"), eur(25000), S::Exigible);
  late.after_rupture = true;
  v.posts.push_back(
      post_state(2, "cn-0002", cdd, eur(50000),
                 {paid(tranche(1, 20, d("2021-05-12"), eur(10000), S::Versee), "2021-05-14"),
                  tranche(2, 30, d("2021-10-12"), eur(15000), S::RisqueSuspension), late}));
  PostState vacant = post_state(3, std::nullopt, cdd, eur(50000),
                                {tranche(1, 20, d("2021-05-02"), eur(10000), S::Provisoire),
                                 tranche(2, 30, d("2021-10-02"), eur(15000), S::Provisoire),
                                 tranche(3, 50, d("2022-04-02"), eur(25000), S::Provisoire)});
  vacant.provisional = true;
  for (auto& t : vacant.tranches) t.provisional = true;
  v.posts.push_back(vacant);
  cs.versions.push_back(v);
  return cs;
}

ConventionState state_2(const Model& m) {
  using S = TrancheStatus;
  ConventionState cs;
  cs.record = m.convention("cv-2021-0002");
  cs.structure = m.structure("hyperlink");
  cs.regime = m.baremes.regime("relance-2021");
  ConventionVersion v{"", d("2023-02-28"), {}, eur(40000)};
  v.posts.push_back(
      post_state(1, "cn-0003", ContractType::CdiDroitPrive, eur(40000),
                 {paid(tranche(1, 20, d("2021-10-15"), eur(8000), S::Versee), "2021-10-18"),
                  paid(tranche(2, 30, d("2022-03-15"), eur(12000), S::Suspendue), "2022-03-20"),
                  tranche(3, 50, d("2022-09-15"), eur(20000), S::AVenir)}));
  cs.versions.push_back(v);
  return cs;
}

}  // namespace

Date d(const char* iso) {
  auto date = Date::parse(iso);
  if (!date) throw std::invalid_argument(iso);
  return *date;
}

TrancheLine tranche(int number, int pct, Date due, Money amount, TrancheStatus status) {
  TrancheLine t;
  t.number = number;
  t.pct = pct;
  t.regime = "relance-2021";
  t.due = due;
  t.amount = amount;
  t.status = status;
  return t;
}

std::unique_ptr<Model> sample_model() {
  auto m = std::make_unique<Model>();
  m->as_of = d("2022-06-15");
  m->baremes.regimes = {regime()};
  fill_records(*m);
  m->index();
  m->conventions = {state_1(*m), state_2(*m)};
  m->index();
  return m;
}

}  // namespace tampon::testing
