// domain.md §5, recruitment and training delays.
#include <gtest/gtest.h>

#include "support.hpp"

namespace tampon::testing {
namespace {

Conseiller& cn(Project& p) { return p.input.records.conseillers[0]; }

TEST(LateSelection, FifteenDaysPassSixteenWarn) {
  Project p = valid_project();
  cn(p).recrutement->presentation = d("2021-02-23");  // selection 2021-03-10: 15 days
  EXPECT_FALSE(p.run().has("late-selection"));
  cn(p).recrutement->presentation = d("2021-02-22");  // 16 days
  Outcome out = p.run();
  auto found = out.with("late-selection");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "recrutement.selection"));
  EXPECT_NE(found[0].message.find("16 jours"), std::string::npos) << found[0].message;
  EXPECT_TRUE(out.model.invalid.empty());  // a warning invalidates nothing
}

TEST(LateContract, FifteenDaysPassSixteenWarn) {
  Project p = valid_project();
  cn(p).recrutement->signature_contrat = d("2021-03-25");  // selection 2021-03-10: 15 days
  EXPECT_FALSE(p.run().has("late-contract"));
  cn(p).recrutement->signature_contrat = d("2021-03-26");
  Outcome out = p.run();
  auto found = out.with("late-contract");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "recrutement.signature_contrat"));
}

TEST(LateTraining, FifteenDaysAfterTheContractStartPassSixteenWarn) {
  Project p = valid_project();
  cn(p).formation->depart = d("2021-04-16");  // contract 2021-04-01: 15 days
  EXPECT_FALSE(p.run().has("late-training"));
  cn(p).formation->depart = d("2021-04-17");
  Outcome out = p.run();
  auto found = out.with("late-training");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "formation.depart"));
}

TEST(ContractAfterTraining, SignatureAfterTheDepartureIsAnError) {
  Project p = valid_project();
  cn(p).recrutement->signature_contrat = d("2021-04-12");  // same day: allowed
  EXPECT_FALSE(p.run().has("contract-after-training"));
  cn(p).recrutement->signature_contrat = d("2021-04-13");
  Outcome out = p.run();
  auto found = out.with("contract-after-training");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].severity, Severity::Error);
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "recrutement.signature_contrat"));
}

TEST(ContractAfterTraining, WithoutSignatureDateTheContractStartCounts) {
  Project p = valid_project();
  cn(p).recrutement.reset();
  cn(p).formation->depart = d("2021-03-31");
  Outcome out = p.run();
  auto found = out.with("contract-after-training");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "contrat.debut"));
}

class TrainingHours : public ::testing::TestWithParam<std::pair<int, bool>> {};

TEST_P(TrainingHours, OnlyTheFourLengthsAreAllowed) {
  auto [hours, allowed] = GetParam();
  Project p = valid_project();
  cn(p).formation->heures = hours;
  Outcome out = p.run();
  EXPECT_EQ(out.has("training-hours"), !allowed) << hours << ": " << out.codes();
  if (!allowed) {
    EXPECT_EQ(out.with("training-hours")[0].where,
              out.at(out.conseiller("cn-1").locs, "formation.heures"));
  }
}

INSTANTIATE_TEST_SUITE_P(Lengths, TrainingHours,
                         ::testing::Values(std::pair{105, true}, std::pair{280, true},
                                           std::pair{350, true}, std::pair{420, true},
                                           std::pair{0, false}, std::pair{104, false},
                                           std::pair{140, false}, std::pair{421, false}));

TEST(TrainingHoursExemption, ExemptionNeedsNoLength) {
  Project p = valid_project();
  cn(p).formation->heures.reset();
  EXPECT_TRUE(p.run().has("training-hours"));
  cn(p).formation->exemption = true;
  EXPECT_FALSE(p.run().has("training-hours"));
  cn(p).formation->heures = 12;
  EXPECT_FALSE(p.run().has("training-hours"));
}

TEST(LateCoordinatorRecruitment, SixMonthsAfterNotificationPassOneDayMoreWarns) {
  Project p = valid_project();
  cn(p).role = Role::Coordinateur;
  cn(p).recrutement->notification_poste = d("2020-09-20");  // + 6 months = 2021-03-20
  EXPECT_FALSE(p.run().has("late-coordinator-recruitment"));
  cn(p).recrutement->notification_poste = d("2020-09-19");
  Outcome out = p.run();
  auto found = out.with("late-coordinator-recruitment");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "recrutement.signature_contrat"));
  // Not a coordinator: no such delay.
  cn(p).role = Role::Conseiller;
  EXPECT_FALSE(p.run().has("late-coordinator-recruitment"));
}

TEST(LateCoordinatorRecruitment, DelayComesFromBaremes) {
  Project p = valid_project();
  cn(p).role = Role::Coordinateur;
  cn(p).recrutement->notification_poste = d("2021-01-15");
  EXPECT_FALSE(p.run().has("late-coordinator-recruitment"));
  p.input.baremes.limits.coordinator_recruitment_max_months = 2;
  EXPECT_TRUE(p.run().has("late-coordinator-recruitment"));
}

}  // namespace
}  // namespace tampon::testing
