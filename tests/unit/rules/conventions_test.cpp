// domain.md §6: convention length, assignments, posts, avenant kinds.
#include <gtest/gtest.h>

#include "support.hpp"

namespace tampon::testing {
namespace {

using CT = ContractType;

TEST(ConventionTooLong, ThirtySixMonthsPassThirtySevenFail) {
  Project p = valid_project();
  p.input.records.conventions[0].fin = d("2024-03-31");  // 2021-04-01 → 36 months
  EXPECT_FALSE(p.run().has("convention-too-long"));
  p.input.records.conventions[0].fin = d("2024-04-01");  // one day into month 37
  Outcome out = p.run();
  auto found = out.with("convention-too-long");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-1").locs, "fin"));
  EXPECT_NE(found[0].message.find("37 mois"), std::string::npos) << found[0].message;
}

TEST(ConventionTooLong, LimitComesFromBaremes) {
  Project p = valid_project();
  p.input.baremes.convention_max_months = 12;
  EXPECT_TRUE(p.run().has("convention-too-long"));
}

TEST(ConventionTooLong, ProlongationStaysWithinTheLimit) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-06-15", AvenantObjet::Prolongation);
  a.nouvelle_fin = d("2024-03-31");
  p.add(a);
  Outcome ok = p.run();
  EXPECT_TRUE(ok.diagnostics.empty()) << ok.codes();
  EXPECT_EQ(ok.state("cv-1").current().fin, d("2024-03-31"));
  EXPECT_EQ(ok.state("cv-1").versions[0].fin, d("2023-03-31"));
  p.input.records.avenants[0].nouvelle_fin = d("2024-04-30");
  Outcome out = p.run();
  auto found = out.with("convention-too-long");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.avenant("av-1").locs, "nouvelle_fin"));
  EXPECT_FALSE(out.model.is_valid({RecordKind::Avenant, "av-1"}));
  EXPECT_FALSE(out.model.is_valid({RecordKind::Convention, "cv-1"}));
}

TEST(DoubleAssignment, TwoPostsOverTheSamePeriod) {
  Project p = valid_project();
  p.add(convention("cv-2", "s-1", "relance-2021", {poste(1, "cn-1")}));
  Outcome out = p.run();
  auto found = out.with("double-assignment");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-2").locs, "postes[0].conseiller"));
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].where, out.at(out.convention("cv-1").locs, "postes[0].conseiller"));
}

TEST(DoubleAssignment, SuccessiveConventionsAreFine) {
  Project p = valid_project();
  Convention next = convention("cv-2", "s-1", "relance-2021", {poste(1, "cn-1")});
  next.debut = d("2023-04-01");
  next.signature = d("2023-04-01");
  next.fin = d("2025-03-31");
  p.add(next);
  EXPECT_FALSE(p.run().has("double-assignment"));
  p.input.records.conventions[1].debut = d("2023-03-31");  // one day of overlap
  EXPECT_TRUE(p.run().has("double-assignment"));
}

TEST(DoubleAssignment, TwiceInOneConvention) {
  Project p = valid_project();
  p.input.records.conventions[0].postes.push_back(poste(2, "cn-1"));
  Outcome out = p.run();
  ASSERT_EQ(out.with("double-assignment").size(), 1u) << out.codes();
  EXPECT_EQ(out.with("double-assignment")[0].where,
            out.at(out.convention("cv-1").locs, "postes[1].conseiller"));
}

TEST(PostsExceeded, MoreConseillersInPostThanPosts) {
  Project p = valid_project();
  Conseiller second = conseiller("cn-2", "s-1");
  second.contrat.debut = d("2021-05-01");
  second.contrat.fin = d("2022-10-31");
  second.formation->depart = d("2021-05-10");
  second.recrutement.reset();
  p.add(second);
  Outcome out = p.run();
  auto found = out.with("posts-exceeded");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-2").locs, "structure"));
  EXPECT_NE(found[0].message.find("2 conseillers en poste le 2021-05-01"), std::string::npos)
      << found[0].message;
  // A vacant post for the second conseiller makes it fit.
  p.input.records.conventions[0].postes.push_back(poste(2, std::nullopt, CT::CddDroitPublic));
  EXPECT_FALSE(p.run().has("posts-exceeded"));
}

TEST(PostsExceeded, CountsPostsAfterAvenants) {
  Project p = valid_project();
  p.input.records.conventions[0].postes.push_back(poste(2, std::nullopt, CT::CddDroitPublic));
  Conseiller second = conseiller("cn-2", "s-1");
  second.contrat.debut = d("2022-07-01");
  second.contrat.fin = d("2023-12-31");
  second.formation->depart = d("2022-07-04");
  second.recrutement.reset();
  p.add(second);
  Avenant a = avenant("av-1", "cv-1", 1, "2022-06-15", AvenantObjet::RetraitPostes);
  a.postes_retires = {2};
  p.add(a);
  Outcome out = p.run();
  EXPECT_TRUE(out.has("posts-exceeded")) << out.codes();
}

TEST(PostsExceeded, AConseillerWhoLeftNoLongerCounts) {
  Project p = valid_project();
  p.input.records.conseillers[0].rupture = Rupture{d("2021-12-31"), "démission"};
  Conseiller second = conseiller("cn-2", "s-1");
  second.contrat.debut = d("2022-01-03");
  second.contrat.fin = d("2023-03-31");
  second.formation->depart = d("2022-01-10");
  second.recrutement.reset();
  p.add(second);
  Outcome out = p.run();
  EXPECT_FALSE(out.has("posts-exceeded")) << out.codes();
}

TEST(OccupiedPostRemoved, RetraitOnlyRemovesVacantPosts) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-06-15", AvenantObjet::RetraitPostes);
  a.postes_retires = {1};
  p.add(a);
  Outcome out = p.run();
  auto found = out.with("occupied-post-removed");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.avenant("av-1").locs, "postes_retires[0]"));
  EXPECT_FALSE(out.post("cv-1", 1).removed_on.has_value());  // left as it was
}

TEST(RetraitPostes, KeepsTheTranchesAlreadyDueAndDropsTheOthers) {
  Project p = valid_project();
  p.input.records.conventions[0].regime = "relance-2020";
  p.input.records.conventions[0].postes.push_back(poste(2, std::nullopt, CT::CddDroitPublic));
  Avenant a = avenant("av-1", "cv-1", 1, "2021-12-01", AvenantObjet::RetraitPostes);
  a.postes_retires = {2};
  p.add(a);
  Outcome out = p.run();
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  const auto& st = out.state("cv-1");
  ASSERT_EQ(st.versions.size(), 2u);
  EXPECT_EQ(st.versions[0].total, Money::euros(100000));
  const PostState& removed = out.post("cv-1", 2);
  EXPECT_EQ(removed.removed_on, d("2021-12-01"));
  ASSERT_EQ(removed.tranches.size(), 2u);  // 2021-05-02 and 2021-10-02 were due
  EXPECT_EQ(removed.amount, Money::euros(25000));
  EXPECT_EQ(st.current().total, Money::euros(75000));
  EXPECT_EQ(st.before(out.avenant("av-1")), &st.versions[0]);
}

TEST(SubstitutionCoordinateur, CoordinatorFinancingStartsWhenTheInitialPeriodEnds) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-09-01", AvenantObjet::SubstitutionCoordinateur);
  a.substitution = Substitution{1, CT::CdiDroitPublic};
  p.add(a);
  Outcome out = p.run();
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(post.role, Role::Coordinateur);
  EXPECT_EQ(post.contrat, CT::CdiDroitPublic);
  ASSERT_EQ(post.tranches.size(), 4u);
  const TrancheLine& coord = post.tranches[3];
  EXPECT_EQ(coord.number, 4);
  EXPECT_EQ(coord.regime, "coordinateur-2023");
  EXPECT_EQ(coord.anchor, d("2023-04-01"));  // 2021-04-01 + 24 months
  EXPECT_EQ(coord.due, d("2023-05-01"));
  EXPECT_EQ(coord.amount, Money::euros(50000));
  EXPECT_EQ(post.amount, Money::euros(100000));
  EXPECT_EQ(out.state("cv-1").versions[0].posts[0].role, Role::Conseiller);
}

TEST(SubstitutionCoordinateur, ContractMustBeInTheCoordinatorGrid) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-09-01", AvenantObjet::SubstitutionCoordinateur);
  a.substitution = Substitution{1, CT::CdiDroitPrive};
  p.add(a);
  Outcome out = p.run();
  auto found = out.with("contract-not-allowed");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.avenant("av-1").locs, "substitution.contrat"));
}

TEST(AjoutPostes, IsPricedByTheConventionRegime) {
  Project p;
  p.add(structure("s-1", StructureType::Association));
  p.add(convention("cv-1", "s-1", "relance-2021", {poste(1, std::nullopt, CT::CdiDroitPrive)}));
  Avenant a = avenant("av-1", "cv-1", 1, "2022-06-15", AvenantObjet::AjoutPostes);
  a.postes_ajoutes = {poste(2, std::nullopt, CT::CddDroitPrive)};
  p.add(a);
  Outcome out = p.run();
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  EXPECT_EQ(out.post("cv-1", 2).amount, Money::euros(32000));
  EXPECT_EQ(out.state("cv-1").current().total, Money::euros(72000));
  // A mismatching amount on an added post is reported in the avenant.
  p.input.records.avenants[0].postes_ajoutes[0].montant = Money::euros(40000);
  Outcome bad = p.run();
  ASSERT_EQ(bad.with("amount-mismatch").size(), 1u) << bad.codes();
  EXPECT_EQ(bad.with("amount-mismatch")[0].where,
            bad.at(bad.avenant("av-1").locs, "postes_ajoutes[0].montant"));
}

TEST(Avenants, VersionsFollowTheAvenantNumbers) {
  Project p = valid_project();
  Avenant second = avenant("av-b", "cv-1", 2, "2022-09-01", AvenantObjet::Prolongation);
  second.nouvelle_fin = d("2024-03-31");
  Avenant first = avenant("av-a", "cv-1", 1, "2022-06-15", AvenantObjet::AjoutPostes);
  first.postes_ajoutes = {poste(2, std::nullopt, CT::CddDroitPublic)};
  p.add(second).add(first);
  Outcome out = p.run();
  const auto& st = out.state("cv-1");
  ASSERT_EQ(st.versions.size(), 3u);
  EXPECT_EQ(st.versions[0].avenant, "");
  EXPECT_EQ(st.versions[1].avenant, "av-a");
  EXPECT_EQ(st.versions[2].avenant, "av-b");
  EXPECT_EQ(st.versions[2].posts.size(), 2u);
  EXPECT_EQ(st.after(out.avenant("av-b")), &st.versions[2]);
}

}  // namespace
}  // namespace tampon::testing
