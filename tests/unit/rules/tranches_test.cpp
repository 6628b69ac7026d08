// domain.md §4 and §4.1: schedules, amounts, anchors, provisional schedules, statuses.
#include <gtest/gtest.h>

#include "support.hpp"

namespace tampon::testing {
namespace {

std::vector<std::string> dues(const PostState& p) {
  std::vector<std::string> out;
  for (const auto& t : p.tranches) out.push_back(t.due.iso());
  return out;
}

std::vector<std::int64_t> cents(const PostState& p) {
  std::vector<std::int64_t> out;
  for (const auto& t : p.tranches) out.push_back(t.amount.cents());
  return out;
}

TEST(Tranches, Relance2020CountsFromTheSignature) {
  Project p = valid_project();
  p.input.records.conventions[0].regime = "relance-2020";
  Outcome out = p.run();
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(dues(post), (std::vector<std::string>{"2021-05-02", "2021-10-02", "2022-04-02"}));
  EXPECT_EQ(cents(post), (std::vector<std::int64_t>{1000000, 1500000, 2500000}));
  EXPECT_EQ(post.tranches[0].anchor_label, "signature de la convention");
  EXPECT_FALSE(post.provisional);
}

TEST(Tranches, Relance2021CountsFromTheTrainingDeparture) {
  Outcome out = valid_project().run();
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(dues(post), (std::vector<std::string>{"2021-05-12", "2021-10-12", "2022-04-12"}));
  EXPECT_EQ(post.tranches[1].anchor, d("2021-04-12"));
  EXPECT_EQ(post.tranches[1].offset_months, 6);
  EXPECT_EQ(post.tranches[1].pct, 30);
  EXPECT_EQ(post.tranches[2].number, 3);
}

TEST(Tranches, Coordinateur2023PaysEverythingOneMonthAfterSignature) {
  Project p = valid_project();
  p.input.records.conventions[0].regime = "coordinateur-2023";
  p.input.records.conventions[0].postes[0].role = Role::Coordinateur;
  Outcome out = p.run();
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(dues(post), (std::vector<std::string>{"2021-05-02"}));
  EXPECT_EQ(cents(post), (std::vector<std::int64_t>{5000000}));
}

TEST(Tranches, MonthArithmeticClampsToTheEndOfFebruaryInLeapAndCommonYears) {
  Project p = valid_project();
  p.input.records.conventions[0].regime = "relance-2020";
  p.input.records.conventions[0].signature = d("2020-01-31");
  p.input.records.conventions[0].debut = d("2020-02-01");
  EXPECT_EQ(p.run().post("cv-1", 1).tranches[0].due, d("2020-02-29"));
  p.input.records.conventions[0].signature = d("2021-01-31");
  EXPECT_EQ(p.run().post("cv-1", 1).tranches[0].due, d("2021-02-28"));
  p.input.records.conventions[0].signature = d("2021-08-31");  // + 6 months = 28 Feb 2022
  EXPECT_EQ(p.run().post("cv-1", 1).tranches[1].due, d("2022-02-28"));
}

TEST(Tranches, FloorToTheCentWithTheRemainderOnTheLast) {
  Project p = valid_project();
  p.input.records.conventions[0].postes[0].montant = eur(33333.33);
  p.input.records.conventions[0].postes[0].derogation = "examen ad hoc";
  Outcome out = p.run();
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(cents(post), (std::vector<std::int64_t>{666666, 999999, 1666668}));
  EXPECT_EQ(post.tranches[0].how.back().rule, "tranche-floor");
  EXPECT_EQ(post.tranches[2].how.back().rule, "tranche-remainder");
}

TEST(Tranches, AddUpExactlyToThePostAndSumPerConvention) {
  Project p = valid_project();
  p.input.records.conseillers[0].contrat.aides_emploi = eur(1234.57);
  p.input.records.conventions[0].postes.push_back(
      poste(2, std::nullopt, ContractType::CddDroitPublic));
  Outcome out = p.run();
  const auto& v = out.state("cv-1").current();
  Money sum;
  for (const auto& post : v.posts) {
    Money post_sum;
    for (const auto& t : post.tranches) post_sum += t.amount;
    EXPECT_EQ(post_sum, post.amount);
    sum += post_sum;
  }
  EXPECT_EQ(v.total, sum);
  EXPECT_EQ(v.total, eur(100000 - 1234.57));
}

TEST(Tranches, Relance2021WithoutConseillerOrTrainingDateIsProvisionalOnTheSignature) {
  Project p = valid_project();
  p.input.records.conventions[0].postes.push_back(
      poste(2, std::nullopt, ContractType::CddDroitPublic));
  p.add(conseiller("cn-2", "s-1"));
  p.input.records.conseillers[1].formation->depart.reset();
  p.input.records.conventions[0].postes.push_back(poste(3, "cn-2"));
  Outcome out = p.run(d("2024-01-01"));
  for (int numero : {2, 3}) {
    const PostState& post = out.post("cv-1", numero);
    EXPECT_TRUE(post.provisional) << numero;
    EXPECT_EQ(post.tranches[0].due, d("2021-05-02")) << numero;
    EXPECT_TRUE(post.tranches[0].provisional);
    EXPECT_EQ(post.tranches[0].status, TrancheStatus::Provisoire);
  }
  EXPECT_FALSE(out.post("cv-1", 1).provisional);
}

TEST(Tranches, PostAddedByAnAvenantCountsFromTheAvenantDate) {
  Project p = valid_project();
  p.input.records.conventions[0].regime = "relance-2020";
  Avenant a = avenant("av-1", "cv-1", 1, "2022-06-15", AvenantObjet::AjoutPostes);
  a.postes_ajoutes = {poste(2, std::nullopt, ContractType::CddDroitPublic)};
  p.add(a);
  Outcome out = p.run();
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  const auto& st = out.state("cv-1");
  ASSERT_EQ(st.versions.size(), 2u);
  EXPECT_EQ(st.versions[0].posts.size(), 1u);
  const PostState& added = out.post("cv-1", 2);
  EXPECT_EQ(added.added_by, "av-1");
  EXPECT_EQ(dues(added), (std::vector<std::string>{"2022-07-15", "2022-12-15", "2023-06-15"}));
  EXPECT_EQ(st.current().total, Money::euros(100000));
}

// domain.md §4.1, in order: versee/suspendue, provisoire, a-venir, risque-suspension, exigible.
Project reported_project(const char* last_month) {
  Project p = valid_project();
  for (Month m{2021, 4}; m <= *Month::parse(last_month); m = m.next())
    p.add(rapport("s-1", "cn-1", m.iso()));
  return p;
}

TEST(TrancheStatus, PaidSuspendedDueAndComing) {
  Project p = reported_project("2021-10");
  p.add(Versement{"cv-1", 1, 1, d("2021-05-20"), Money::euros(10000), VersementStatut::Versee, {}});
  Outcome out = p.run(d("2021-11-01"));
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(post.tranches[0].status, TrancheStatus::Versee);
  EXPECT_EQ(post.tranches[0].paid_date, d("2021-05-20"));
  EXPECT_EQ(post.tranches[0].paid_amount, Money::euros(10000));
  EXPECT_EQ(post.tranches[1].status, TrancheStatus::Exigible);
  EXPECT_EQ(post.tranches[2].status, TrancheStatus::AVenir);
  // The due date itself is not "after" the reference date: exigible on the day.
  EXPECT_EQ(p.run(d("2021-10-12")).post("cv-1", 1).tranches[1].status, TrancheStatus::Exigible);
  EXPECT_EQ(p.run(d("2021-10-11")).post("cv-1", 1).tranches[1].status, TrancheStatus::AVenir);
}

TEST(TrancheStatus, SuspendedPaymentWinsOverEverythingElse) {
  Project p = valid_project();
  p.add(Versement{"cv-1", 1, 2, d("2021-10-20"), Money{}, VersementStatut::Suspendue, {}});
  Outcome out = p.run(d("2021-11-01"));
  EXPECT_EQ(out.post("cv-1", 1).tranches[1].status, TrancheStatus::Suspendue);
}

TEST(TrancheStatus, MissingMonthlyReportPutsADueTrancheAtRisk) {
  Project p = reported_project("2021-09");  // 2021-10 is missing on 2021-11-01
  Outcome out = p.run(d("2021-11-01"));
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(post.tranches[0].status, TrancheStatus::RisqueSuspension);
  EXPECT_EQ(post.tranches[2].status, TrancheStatus::AVenir);
  // The month of the reference date is not owed yet.
  EXPECT_EQ(p.run(d("2021-10-31")).post("cv-1", 1).tranches[0].status, TrancheStatus::Exigible);
}

TEST(TrancheStatus, TranchesDueAfterARuptureAreFlagged) {
  Project p = valid_project();
  p.input.records.conseillers[0].rupture = Rupture{d("2021-12-31"), "démission"};
  Outcome out = p.run();
  const PostState& post = out.post("cv-1", 1);
  EXPECT_FALSE(post.tranches[1].after_rupture);
  EXPECT_TRUE(post.tranches[2].after_rupture);
}

}  // namespace
}  // namespace tampon::testing
