// The schemas templates are checked against: the views of a small, complete fixture in which
// every optional value is present and every list has an element, so that each key any real
// view can hold appears at least once.
#include "view_schema.hpp"

#include "document_view.hpp"

namespace tampon::convention_pdf {
namespace {

Date day(const char* iso) { return *Date::parse(iso); }

Structure fixture_structure() {
  Structure s;
  s.id = "structure";
  s.nom = "Structure";
  s.type = StructureType::Commune;
  s.siret = "21590139700012";
  s.adresse = {"1 rue", "59000", "Lille"};
  s.departement = "974";
  s.representant = {"Représentant", "Maire"};
  return s;
}

Convention fixture_convention() {
  Convention c;
  c.id = "convention";
  c.structure = "structure";
  c.regime = "regime";
  c.signature = day("2021-04-02");
  c.debut = day("2021-04-01");
  c.fin = day("2023-03-31");
  c.dossier = "DS-1";
  return c;
}

Avenant fixture_avenant() {
  Avenant a;
  a.id = "avenant";
  a.convention = "convention";
  a.numero = 1;
  a.date = day("2022-01-10");
  a.postes_ajoutes.push_back(Poste{});
  a.postes_retires.push_back(2);
  a.substitution = Substitution{1, ContractType::CdiDroitPublic};
  a.nouvelle_fin = day("2024-03-31");
  a.motif = "Motif";
  return a;
}

PostState fixture_post() {
  PostState p;
  p.numero = 1;
  p.conseiller = "conseiller";
  p.derogation = "Dérogation";
  p.removed_on = day("2022-01-10");
  p.added_by = "avenant";
  p.overseas_increase = true;
  p.provisional = true;
  TrancheLine t;
  t.number = 1;
  t.pct = 100;
  t.regime = "regime";
  t.provisional = true;
  p.tranches.push_back(t);
  return p;
}

/// The model and convention state of the fixture; kept alive while the views are built.
struct Fixture {
  Model model;
  Fixture() {
    model.records.structures.push_back(fixture_structure());
    Conseiller c;
    c.id = "conseiller";
    c.prenom = "Prénom";
    c.nom = "Nom";
    model.records.conseillers.push_back(c);
    model.records.conventions.push_back(fixture_convention());
    model.records.avenants.push_back(fixture_avenant());
    Regime r;
    r.id = "regime";
    r.label = "Régime";
    r.tranches.push_back({100, 1});
    model.baremes.regimes.push_back(r);
    model.baremes.overseas.push_back({{"974"}, "La Réunion, Mayotte", Money::euros(67500), ""});
    ConventionState state;
    state.record = &model.records.conventions[0];
    state.structure = &model.records.structures[0];
    state.regime = &model.baremes.regimes[0];
    state.avenants.push_back(&model.records.avenants[0]);
    ConventionVersion v0{"", state.record->fin, {fixture_post()}, Money::euros(1)};
    ConventionVersion v1 = v0;
    v1.avenant = "avenant";
    state.versions = {v0, v1};
    model.conventions.push_back(state);
    model.index();
  }
};

}  // namespace

const Data& convention_schema() {
  static const Data schema = [] {
    Fixture f;
    return convention_view(f.model, f.model.conventions[0]);
  }();
  return schema;
}

const Data& avenant_schema() {
  static const Data schema = [] {
    Fixture f;
    return avenant_view(f.model, f.model.conventions[0], f.model.records.avenants[0]);
  }();
  return schema;
}

}  // namespace tampon::convention_pdf
