#include "small_model.hpp"

#include <stdexcept>

namespace tampon::testing {
namespace {

Date d(const char* iso) {
  auto date = Date::parse(iso);
  if (!date) throw std::invalid_argument(iso);
  return *date;
}

Structure structure(std::string id, std::string nom, StructureType type, std::string dep) {
  Structure s;
  s.id = std::move(id);
  s.nom = std::move(nom);
  s.type = type;
  s.siret = "21590139700012";
  s.adresse = {"1 rue de la Mairie", "59360", "Bazuel"};
  s.departement = std::move(dep);
  s.representant = {"Serge Simeon", "Maire"};
  s.contact = {"Jeanne Martin", "jeanne.martin@example.org", "03 27 00 00 00"};
  return s;
}

Conseiller conseiller(std::string id, std::string structure, std::string prenom, std::string nom,
                      bool public_name) {
  Conseiller c;
  c.id = std::move(id);
  c.prenom = std::move(prenom);
  c.nom = std::move(nom);
  c.courriel = c.prenom == "Lou" ? "lou.bernard@example.org" : "camille.durand@example.org";
  c.structure = std::move(structure);
  c.publication_nom = public_name;
  c.contrat.type = ContractType::CddDroitPublic;
  c.contrat.debut = d("2021-04-01");
  c.contrat.salaire_brut_mensuel = Money::cents(173317);
  return c;
}

TrancheLine tranche(int number, int pct, const char* due, std::int64_t euros, TrancheStatus status,
                    const char* paid = nullptr) {
  TrancheLine t;
  t.number = number;
  t.pct = pct;
  t.regime = "relance-2021";
  t.anchor = d("2021-04-12");
  t.due = d(due);
  t.amount = Money::euros(euros);
  t.status = status;
  if (paid) {
    t.paid_date = d(paid);
    t.paid_amount = t.amount;
  }
  return t;
}

PostState post(int numero, std::optional<std::string> who, std::int64_t euros,
               std::vector<TrancheLine> tranches) {
  PostState p;
  p.numero = numero;
  p.conseiller = std::move(who);
  p.contrat = ContractType::CddDroitPublic;
  p.amount = Money::euros(euros);
  p.tranches = std::move(tranches);
  p.provisional = !p.conseiller;
  for (auto& t : p.tranches) t.provisional = p.provisional;
  return p;
}

Convention convention(std::string id, std::string structure) {
  return Convention{std::move(id),
                    std::move(structure),
                    "relance-2021",
                    d("2021-04-02"),
                    d("2021-04-01"),
                    d("2023-03-31"),
                    std::nullopt,
                    std::nullopt,
                    {},
                    {}};
}

ConventionState state(const Model& m, const char* id, std::vector<PostState> posts) {
  ConventionState cs;
  cs.record = m.convention(id);
  cs.structure = m.structure(cs.record->structure);
  ConventionVersion v{"", d("2023-03-31"), std::move(posts), {}};
  for (const auto& p : v.posts) v.total = v.total + p.amount;
  cs.versions.push_back(std::move(v));
  return cs;
}

}  // namespace

std::unique_ptr<Model> small_model() {
  using S = TrancheStatus;
  auto m = std::make_unique<Model>();
  m->as_of = d("2022-06-15");
  m->records.structures = {
      structure("centre-social-les-dunes", "Centre social Les Dunes", StructureType::Association,
                "62"),
      structure("mairie-de-bazuel", "Mairie de Bazuel", StructureType::Commune, "59")};
  m->records.conseillers = {
      conseiller("cn-0001", "mairie-de-bazuel", "Camille", "Durand", false),
      conseiller("cn-0002", "centre-social-les-dunes", "Lou", "Bernard", true)};
  m->records.conventions = {convention("cv-2021-0001", "mairie-de-bazuel"),
                            convention("cv-2021-0002", "centre-social-les-dunes")};
  m->index();
  m->conventions = {state(*m, "cv-2021-0001",
                          {post(1, "cn-0001", 50000,
                                {tranche(1, 20, "2021-05-12", 10000, S::Versee, "2021-05-14"),
                                 tranche(2, 30, "2021-10-12", 15000, S::Versee, "2021-10-20"),
                                 tranche(3, 50, "2022-04-12", 25000, S::Exigible)}),
                           post(2, std::nullopt, 40000,
                                {tranche(1, 20, "2021-05-02", 8000, S::Provisoire),
                                 tranche(2, 30, "2021-10-02", 12000, S::Provisoire),
                                 tranche(3, 50, "2022-04-02", 20000, S::Provisoire)})}),
                    state(*m, "cv-2021-0002",
                          {post(1, "cn-0002", 35000,
                                {tranche(1, 20, "2021-05-12", 7000, S::Versee, "2021-05-20"),
                                 tranche(2, 30, "2022-10-12", 10500, S::AVenir)})})};
  m->index();
  return m;
}

}  // namespace tampon::testing
