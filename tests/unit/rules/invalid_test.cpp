// Model::invalid: records with an error and those depending on them.
#include <gtest/gtest.h>

#include "support.hpp"

namespace tampon::testing {
namespace {

bool valid(const Outcome& out, RecordKind kind, const char* id) {
  return out.model.is_valid({kind, id});
}

Project followed_project() {
  Project p = valid_project();
  p.add(structure("s-2")).add(conseiller("cn-2", "s-2"));
  p.add(convention("cv-2", "s-2", "relance-2021", {poste(1, "cn-2")}));
  p.add(Versement{"cv-1", 1, 1, d("2021-05-20"), Money::euros(10000), VersementStatut::Versee, {}});
  p.add(rapport("s-1", "cn-1", "2021-04"));
  Depense dep;
  dep.structure = "s-1";
  dep.convention = "cv-1";
  dep.trimestre = {2021, 2};
  dep.lignes.push_back({"cn-1", Money{}, Money{}, Money{}, "bulletins"});
  p.add(dep);
  return p;
}

TEST(Invalid, AConseillerErrorReachesItsConventionAndFollowUpButNotOthers) {
  Project p = followed_project();
  p.input.records.conseillers[0].contrat.salaire_brut_mensuel = eur(100);
  Outcome out = p.run();
  ASSERT_TRUE(out.has("salary-below-smic")) << out.codes();
  EXPECT_FALSE(valid(out, RecordKind::Conseiller, "cn-1"));
  EXPECT_FALSE(valid(out, RecordKind::Convention, "cv-1"));
  EXPECT_FALSE(valid(out, RecordKind::Versement, "cv-1/poste-1/tranche-1"));
  EXPECT_FALSE(valid(out, RecordKind::Rapport, "cn-1/2021-04"));
  EXPECT_FALSE(valid(out, RecordKind::Depense, "s-1/cv-1/2021-T2"));
  EXPECT_TRUE(valid(out, RecordKind::Structure, "s-1"));
  EXPECT_TRUE(valid(out, RecordKind::Convention, "cv-2"));
  EXPECT_TRUE(valid(out, RecordKind::Conseiller, "cn-2"));
}

TEST(Invalid, AnInvalidAvenantMakesItsConventionInvalid) {
  Project p = followed_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-06-15", AvenantObjet::RetraitPostes);
  a.postes_retires = {1};
  p.add(a);
  Outcome out = p.run();
  EXPECT_FALSE(valid(out, RecordKind::Avenant, "av-1"));
  EXPECT_FALSE(valid(out, RecordKind::Convention, "cv-1"));
  EXPECT_TRUE(valid(out, RecordKind::Conseiller, "cn-1"));
}

TEST(Invalid, LoaderErrorsMarkTheRecordTheyFallIn) {
  Project p = followed_project();
  // Simulate a loader finding inside cn-2's file, as load_project would report it.
  Outcome placed = p.run();
  Location inside = placed.at(placed.conseiller("cn-2").locs, "contrat.heures_hebdo");
  p.input.diagnostics.push_back(Diagnostic::error(inside, "wrong-type", "texte"));
  Outcome out = p.run();
  EXPECT_FALSE(valid(out, RecordKind::Conseiller, "cn-2"));
  EXPECT_FALSE(valid(out, RecordKind::Convention, "cv-2"));
  EXPECT_TRUE(valid(out, RecordKind::Convention, "cv-1"));
  // The loader's own findings are not repeated in validation's output.
  EXPECT_FALSE(out.has("wrong-type"));
}

TEST(Invalid, LoaderFindingsAlreadyMovedIntoTheOutputCountToo) {
  Project p = followed_project();
  Outcome placed = p.run();
  Location inside = placed.at(placed.conseiller("cn-2").locs, "contrat.heures_hebdo");
  p.passed_in.push_back(Diagnostic::error(inside, "wrong-type", "texte"));
  Outcome out = p.run();
  EXPECT_FALSE(valid(out, RecordKind::Convention, "cv-2"));
  ASSERT_EQ(out.diagnostics.size(), 1u) << out.codes();  // kept, not repeated
  EXPECT_EQ(out.diagnostics[0].code, "wrong-type");
}

TEST(Invalid, DomainRulesSkipRecordsWithFormatErrors) {
  Project p = followed_project();
  p.input.records.conseillers[1].contrat.salaire_brut_mensuel = Money{};  // a decoded default
  Outcome placed = p.run();
  ASSERT_TRUE(placed.has("salary-below-smic"));
  Location at = placed.at(placed.conseiller("cn-2").locs, "contrat.salaire_brut_mensuel");
  p.input.diagnostics.push_back(Diagnostic::error(at, "invalid-amount", "montant"));
  Outcome out = p.run();
  EXPECT_FALSE(out.has("salary-below-smic")) << out.codes();
}

TEST(Invalid, WarningsInvalidateNothing) {
  Project p = followed_project();
  p.input.records.conseillers[0].formation->depart = d("2021-05-01");  // late-training
  Outcome out = p.run();
  ASSERT_TRUE(out.has("late-training")) << out.codes();
  EXPECT_TRUE(out.model.invalid.empty());
}

}  // namespace
}  // namespace tampon::testing
