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

// domain.md §6 retrait-postes: "a post that was never filled keeps nothing: its tranches
// were provisional, so never due" (cv-2021-0007-av1 kept 18 750 € and two tranches).
TEST(RetraitPostes, NeverFilledPostKeepsNoAmountAndNoTranche) {
  Project p = valid_project();
  p.input.records.conventions[0].postes.push_back(poste(2, std::nullopt, CT::CddDroitPublic));
  Avenant a = avenant("av-1", "cv-1", 1, "2021-12-01", AvenantObjet::RetraitPostes);
  a.postes_retires = {2};
  p.add(a);
  Outcome out = p.run();
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  const auto& st = out.state("cv-1");
  ASSERT_EQ(st.versions.size(), 2u);
  // Before: provisional tranches on the signature, 2021-05-02 and 2021-11-02 already past.
  EXPECT_TRUE(st.versions[0].posts[1].provisional);
  const PostState& removed = out.post("cv-1", 2);
  EXPECT_EQ(removed.removed_on, d("2021-12-01"));
  EXPECT_TRUE(removed.tranches.empty());
  EXPECT_EQ(removed.amount, Money{});
  EXPECT_FALSE(removed.provisional);
  EXPECT_EQ(st.current().total, out.post("cv-1", 1).amount);
}

// A tranche paid before the avenant stays, even on a provisional schedule (domain.md §6:
// "keeps only the tranches already paid or due on a known anchor").
TEST(RetraitPostes, KeepsATranchePaidBeforeTheAvenant) {
  Project p = valid_project();
  p.input.records.conventions[0].postes.push_back(poste(2, std::nullopt, CT::CddDroitPublic));
  Avenant a = avenant("av-1", "cv-1", 1, "2021-12-01", AvenantObjet::RetraitPostes);
  a.postes_retires = {2};
  p.add(a);
  Versement v;
  v.convention = "cv-1";
  v.poste = 2;
  v.tranche = 1;
  v.date = d("2021-05-14");
  v.montant = Money::euros(10000);
  p.add(v);
  Outcome out = p.run();
  const PostState& removed = out.post("cv-1", 2);
  ASSERT_EQ(removed.tranches.size(), 1u) << out.codes();
  EXPECT_EQ(removed.amount, Money::euros(10000));
}

// domain.md §6 substitution-coordinateur: "It adds no money to the first convention"
// (cv-2021-0005-av1 went from 150 000 € to 200 000 €).
TEST(SubstitutionCoordinateur, AddsNoMoneyToTheFirstConvention) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-09-01", AvenantObjet::SubstitutionCoordinateur);
  a.substitution = Substitution{1, CT::CdiDroitPublic};
  p.add(a);
  Outcome out = p.run();
  const auto& st = out.state("cv-1");
  ASSERT_EQ(st.versions.size(), 2u);
  EXPECT_EQ(st.versions[1].total, st.versions[0].total);
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(post.role, Role::Coordinateur);
  EXPECT_EQ(post.contrat, CT::CdiDroitPublic);
  EXPECT_EQ(post.amount, Money::euros(50000));
  ASSERT_EQ(post.tranches.size(), 3u);
  for (const auto& t : post.tranches) EXPECT_EQ(t.regime, "relance-2021");
  EXPECT_EQ(post.coordinator_from, d("2023-04-01"));  // 2021-04-01 + 24 months
  EXPECT_EQ(out.state("cv-1").versions[0].posts[0].role, Role::Conseiller);
}

Convention coordinator_convention(std::optional<std::string> holder) {
  Poste coord = poste(1, std::move(holder), CT::CdiDroitPublic);
  coord.role = Role::Coordinateur;
  coord.substitue = PosteRef{"cv-1", 1};
  Convention c = convention("cv-2", "s-1", "coordinateur-2023", {coord});
  c.signature = d("2023-03-15");
  c.debut = d("2023-04-01");
  c.fin = d("2025-03-31");
  return c;
}

// domain.md §6: the coordinator convention's post "commence à courir à compter de
// l'échéance de la période initiale de financement" of the post it replaces [002 III.b].
TEST(SubstitutionCoordinateur, CoordinatorConventionShowsWhenItsFinancingStarts) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-09-01", AvenantObjet::SubstitutionCoordinateur);
  a.substitution = Substitution{1, CT::CdiDroitPublic};
  p.add(a);
  p.add(coordinator_convention(std::nullopt));
  Outcome out = p.run();
  EXPECT_FALSE(out.has("substitution-incomplete")) << out.codes();
  const PostState& coord = out.post("cv-2", 1);
  EXPECT_EQ(coord.financing_start, d("2023-04-01"));
  EXPECT_EQ(coord.amount, Money::euros(50000));
  ASSERT_EQ(coord.tranches.size(), 1u);
  EXPECT_EQ(coord.tranches[0].due, d("2023-04-15"));  // the regime's rule: signature + 1 month
  EXPECT_EQ(out.post("cv-1", 1).coordinator_convention, "cv-2");
}

// domain.md §6: "A coordinator post that replaces a post continues it: its holder may be the
// replaced post's holder" — no double-assignment.
TEST(DoubleAssignment, CoordinatorPostReplacingAPostMayKeepItsHolder) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-09-01", AvenantObjet::SubstitutionCoordinateur);
  a.substitution = Substitution{1, CT::CdiDroitPublic};
  p.add(a);
  Convention c = coordinator_convention("cn-1");
  c.debut = d("2023-03-01");  // overlaps the first convention, which ends 2023-03-31
  p.add(c);
  Outcome out = p.run();
  EXPECT_FALSE(out.has("double-assignment")) << out.codes();
  // Without `substitue` the same overlap is a double assignment.
  p.input.records.conventions[1].postes[0].substitue.reset();
  EXPECT_TRUE(p.run().has("double-assignment"));
}

// domain.md §6: "A `substitue` naming no substitution avenant, or an avenant whose post no
// coordinator convention takes over, is a warning `substitution-incomplete`".
TEST(SubstitutionIncomplete, AvenantWithoutCoordinatorConvention) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-09-01", AvenantObjet::SubstitutionCoordinateur);
  a.substitution = Substitution{1, CT::CdiDroitPublic};
  p.add(a);
  Outcome out = p.run();
  auto found = out.with("substitution-incomplete");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].where, out.at(out.avenant("av-1").locs, "substitution.poste"));
  EXPECT_TRUE(out.model.is_valid({RecordKind::Avenant, "av-1"}));
}

TEST(SubstitutionIncomplete, CoordinatorPostWithoutAvenant) {
  Project p = valid_project();
  p.add(coordinator_convention(std::nullopt));
  Outcome out = p.run();
  auto found = out.with("substitution-incomplete");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-2").locs, "postes[0].substitue"));
}

TEST(SubstitutionIncomplete, SubstitueNamingAnUnknownPostDangles) {
  Project p = valid_project();
  Convention c = coordinator_convention(std::nullopt);
  c.postes[0].substitue->poste = 7;
  p.add(c);
  Outcome out = p.run();
  auto found = out.with("dangling-reference");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-2").locs, "postes[0].substitue.poste"));
}

// domain.md §6 "An avenant's PDF shows the convention before and after, and the new
// schedule": after every kind of avenant, the total is the sum of the schedule.
TEST(Avenants, AfterTotalEqualsTheSumOfTheSchedule) {
  Project p = valid_project();
  p.input.records.conventions[0].postes.push_back(poste(2, std::nullopt, CT::CddDroitPublic));
  Avenant add = avenant("av-1", "cv-1", 1, "2021-09-01", AvenantObjet::AjoutPostes);
  add.postes_ajoutes = {poste(3, std::nullopt, CT::CddDroitPublic)};
  Avenant remove = avenant("av-2", "cv-1", 2, "2021-12-01", AvenantObjet::RetraitPostes);
  remove.postes_retires = {2};
  Avenant sub = avenant("av-3", "cv-1", 3, "2022-09-01", AvenantObjet::SubstitutionCoordinateur);
  sub.substitution = Substitution{1, CT::CdiDroitPublic};
  Avenant longer = avenant("av-4", "cv-1", 4, "2022-10-01", AvenantObjet::Prolongation);
  longer.nouvelle_fin = d("2024-03-31");
  p.add(add).add(remove).add(sub).add(longer);
  p.add(coordinator_convention(std::nullopt));
  Outcome out = p.run();
  const auto& st = out.state("cv-1");
  ASSERT_EQ(st.versions.size(), 5u) << out.codes();
  for (const auto& v : st.versions) {
    Money scheduled;
    for (const auto& post : v.posts)
      for (const auto& t : post.tranches) scheduled += t.amount;
    EXPECT_EQ(scheduled, v.total) << (v.avenant.empty() ? "signée" : v.avenant);
  }
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
