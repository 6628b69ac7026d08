// domain.md §3: grid amounts, DROM increase, deduction, derogation, ceiling, allowed contracts.
#include <gtest/gtest.h>

#include <tuple>

#include "support.hpp"

namespace tampon::testing {
namespace {

using CT = ContractType;

Project with_structure(StructureType type, std::string dep, CT contract) {
  Project p;
  p.add(structure("s-1", type, std::move(dep))).add(conseiller("cn-1", "s-1"));
  p.input.records.conseillers[0].contrat.type = contract;
  if (!is_cdd(contract) && !is_contrat_de_projet(contract))
    p.input.records.conseillers[0].contrat.fin.reset();
  p.add(convention("cv-1", "s-1", "relance-2021", {poste(1, "cn-1")}));
  return p;
}

struct AmountCase {
  StructureType type;
  const char* departement;
  CT contract;
  long euros;
};

class GridAmount : public ::testing::TestWithParam<AmountCase> {};

TEST_P(GridAmount, ComesFromTheRowAndTheDepartement) {
  const auto& c = GetParam();
  Project p = with_structure(c.type, c.departement, c.contract);
  p.input.records.structures[0].contrat_de_projet_autorise = true;
  Outcome out = p.run();
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  EXPECT_EQ(out.post("cv-1", 1).amount, Money::euros(c.euros));
}

INSTANTIATE_TEST_SUITE_P(
    DomainRows, GridAmount,
    ::testing::Values(
        AmountCase{StructureType::Commune, "59", CT::CddDroitPublic, 50000},
        AmountCase{StructureType::Commune, "974", CT::CddDroitPublic, 67500},
        AmountCase{StructureType::Commune, "976", CT::Titulaire, 67500},
        AmountCase{StructureType::Epci, "971", CT::CdiDroitPublic, 70000},
        AmountCase{StructureType::Commune, "973", CT::CddDroitPublic, 70000},
        AmountCase{StructureType::CollectiviteOutreMer, "975", CT::CddDroitPublic, 50000},
        AmountCase{StructureType::CollectiviteOutreMer, "987", CT::CddDroitPublic, 50000},
        AmountCase{StructureType::Association, "59", CT::CdiDroitPrive, 40000},
        AmountCase{StructureType::Association, "974", CT::CdiDroitPrive, 40000},
        AmountCase{StructureType::Association, "59", CT::ContratDeProjetDroitPrive, 40000},
        AmountCase{StructureType::Association, "59", CT::CddDroitPrive, 32000},
        AmountCase{StructureType::Gip, "59", CT::CddDroitPublic, 37500},
        AmountCase{StructureType::Gip, "59", CT::CddDroitPrive, 37500},
        AmountCase{StructureType::Gip, "974", CT::CddDroitPrive, 37500}));

// The same cases against the shipped data/baremes.yaml, read by the real loader.
class GridAmountShipped : public ::testing::TestWithParam<AmountCase> {};

TEST_P(GridAmountShipped, MatchesDomainMd) {
  const auto& c = GetParam();
  const LoadResult& shipped = shipped_defaults();
  ASSERT_TRUE(shipped.diagnostics.empty()) << shipped.diagnostics.front().message;
  Project p = with_structure(c.type, c.departement, c.contract);
  p.input.baremes = shipped.baremes;
  p.input.smic = shipped.smic;
  p.input.records.structures[0].contrat_de_projet_autorise = true;
  Outcome out = p.run();
  // Mayotte (976) has no SMIC rate in smic.yaml before 2022: the salary check only warns.
  std::erase_if(out.diagnostics,
                [&](const Diagnostic& d) { return d.code == "smic-territory-unknown"; });
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  EXPECT_EQ(out.post("cv-1", 1).amount, Money::euros(c.euros));
}

INSTANTIATE_TEST_SUITE_P(
    DomainRows, GridAmountShipped,
    ::testing::Values(
        AmountCase{StructureType::Commune, "59", CT::CddDroitPublic, 50000},
        AmountCase{StructureType::Commune, "974", CT::CddDroitPublic, 67500},
        AmountCase{StructureType::Commune, "976", CT::Titulaire, 67500},
        AmountCase{StructureType::Epci, "971", CT::CdiDroitPublic, 70000},
        AmountCase{StructureType::Ccas, "972", CT::CddDroitPublic, 70000},
        AmountCase{StructureType::CollectiviteOutreMer, "975", CT::CddDroitPublic, 50000},
        AmountCase{StructureType::CollectiviteOutreMer, "988", CT::CddDroitPublic, 50000},
        AmountCase{StructureType::Association, "974", CT::CdiDroitPrive, 40000},
        AmountCase{StructureType::Association, "59", CT::ContratDeProjetDroitPrive, 40000},
        AmountCase{StructureType::Association, "59", CT::CddDroitPrive, 32000},
        AmountCase{StructureType::Gip, "59", CT::CddDroitPublic, 37500},
        AmountCase{StructureType::Gip, "974", CT::CddDroitPrive, 37500}));

TEST(OverseasAmountUnknown, ShippedBaremesLeaveTheThirtySevenFiveHundredRowUnquantified) {
  Project p = with_structure(StructureType::Gip, "971", CT::CddDroitPublic);
  p.input.baremes = shipped_defaults().baremes;
  p.input.smic = shipped_defaults().smic;
  EXPECT_TRUE(p.run().has("overseas-amount-unknown"));
}

TEST(GridAmount, RecordsTheRowAndTheOverseasIncrease) {
  Outcome out = with_structure(StructureType::Commune, "974", CT::CddDroitPublic).run();
  const PostState& post = out.post("cv-1", 1);
  ASSERT_EQ(post.amount_how.size(), 2u);
  EXPECT_EQ(post.amount_how[0].grid_row, "public-50000");
  EXPECT_EQ(post.amount_how[1].rule, "overseas-increase");
  EXPECT_TRUE(post.overseas_increase);
  EXPECT_NE(post.amount_how[1].text.find("67 500,00 €"), std::string::npos)
      << post.amount_how[1].text;
}

// domain.md §3.3: the increase is for the structure's own territory; a Mamoudzou structure
// is in Mayotte, not in "La Réunion, Mayotte", nor Kourou in "Guadeloupe, Martinique, Guyane".
TEST(OverseasIncrease, NamesTheStructuresOwnTerritoryNotAGroup) {
  for (auto [dep, own, other] : {std::tuple{"976", "Mayotte (976)", "La Réunion"},
                                 std::tuple{"973", "Guyane (973)", "Martinique"}}) {
    Outcome out = with_structure(StructureType::Commune, dep, CT::CddDroitPublic).run();
    const PostState& post = out.post("cv-1", 1);
    ASSERT_EQ(post.amount_how.size(), 2u) << dep;
    EXPECT_NE(post.amount_how[1].text.find(own), std::string::npos) << post.amount_how[1].text;
    EXPECT_EQ(post.amount_how[1].text.find(other), std::string::npos) << post.amount_how[1].text;
    EXPECT_EQ(out.state("cv-1").territory, own);
  }
  EXPECT_EQ(with_structure(StructureType::Commune, "59", CT::CddDroitPublic)
                .run()
                .state("cv-1")
                .territory,
            "Nord (59)");
}

TEST(GridAmount, FollowsTheFiguresOfBaremes) {
  Project p = valid_project();
  p.input.baremes.regimes[1].grid[0].amount = Money::euros(55000);
  EXPECT_EQ(p.run().post("cv-1", 1).amount, Money::euros(55000));
}

TEST(AidesEmploi, AreDeductedAndNeverBelowZero) {
  Project p = valid_project();
  p.input.records.conseillers[0].contrat.aides_emploi = eur(12345.67);
  EXPECT_EQ(p.run().post("cv-1", 1).amount, eur(50000 - 12345.67));
  p.input.records.conseillers[0].contrat.aides_emploi = Money::euros(60000);
  Outcome out = p.run();
  EXPECT_EQ(out.post("cv-1", 1).amount, Money{});
  EXPECT_EQ(out.post("cv-1", 1).amount_how.back().rule, "aides-emploi");
}

TEST(AmountMismatch, MontantDifferentFromTheComputedAmountWithoutDerogation) {
  Project p = valid_project();
  p.input.records.conventions[0].postes[0].montant = Money::euros(45000);
  Outcome out = p.run();
  auto found = out.with("amount-mismatch");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-1").locs, "postes[0].montant"));
  EXPECT_NE(found[0].message.find("45 000,00 €"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("50 000,00 €"), std::string::npos) << found[0].message;
  // The post names no contract: the holder's contract type sets the grid row (a note).
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].where, out.at(out.conseiller("cn-1").locs, "contrat.type"));
  // With the contract on the post itself, the amount is the convention's alone.
  p.input.records.conventions[0].postes[0].contrat = CT::CddDroitPublic;
  auto own = p.run().with("amount-mismatch");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_TRUE(own[0].notes.empty());
}

TEST(AmountMismatch, EqualMontantPassesAndCountsTheDeduction) {
  Project p = valid_project();
  p.input.records.conseillers[0].contrat.aides_emploi = Money::euros(5000);
  p.input.records.conventions[0].postes[0].montant = Money::euros(45000);
  Outcome out = p.run();
  EXPECT_FALSE(out.has("amount-mismatch")) << out.codes();
  p.input.records.conventions[0].postes[0].montant = Money::euros(50000);
  EXPECT_TRUE(p.run().has("amount-mismatch"));
}

TEST(AmountMismatch, DerogationAcceptsALowerAmountAndKeepsItsReason) {
  Project p = valid_project();
  p.input.records.conventions[0].postes[0].montant = Money::euros(45000);
  p.input.records.conventions[0].postes[0].derogation = "examen ad hoc du 2021-03-01";
  Outcome out = p.run();
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  const PostState& post = out.post("cv-1", 1);
  EXPECT_EQ(post.amount, Money::euros(45000));
  EXPECT_EQ(post.derogation, "examen ad hoc du 2021-03-01");
  EXPECT_EQ(post.amount_how.back().rule, "derogation");
}

TEST(AmountAboveCeiling, DerogationAboveTheGridAmount) {
  Project p = valid_project();
  p.input.records.conventions[0].postes[0].montant = eur(50000.01);
  p.input.records.conventions[0].postes[0].derogation = "examen ad hoc";
  Outcome out = p.run();
  auto found = out.with("amount-above-ceiling");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_FALSE(out.has("amount-mismatch"));
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-1").locs, "postes[0].montant"));
}

TEST(AmountAboveCeiling, TheCeilingIncludesTheOverseasIncrease) {
  Project p = with_structure(StructureType::Commune, "974", CT::CddDroitPublic);
  p.input.records.conventions[0].postes[0].montant = Money::euros(67500);
  p.input.records.conventions[0].postes[0].derogation = "examen ad hoc";
  EXPECT_FALSE(p.run().has("amount-above-ceiling"));
  p.input.records.conventions[0].postes[0].montant = eur(67500.01);
  EXPECT_TRUE(p.run().has("amount-above-ceiling"));
}

TEST(OverseasAmountUnknown, PublicLawCddOfAnotherPublicBodyInADrom) {
  Project p = with_structure(StructureType::Gip, "974", CT::CddDroitPublic);
  Outcome out = p.run();
  auto found = out.with("overseas-amount-unknown");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-1").locs, "postes[0]"));
  ASSERT_EQ(found[0].notes.size(), 1u);  // the département that makes the post overseas
  EXPECT_EQ(found[0].notes[0].where, out.at(out.structure("s-1").locs, "departement"));
  // An explicit amount alone is not enough: it needs its reason.
  p.input.records.conventions[0].postes[0].montant = Money::euros(45000);
  EXPECT_TRUE(p.run().has("overseas-amount-unknown"));
  p.input.records.conventions[0].postes[0].derogation = "majoration outre-mer";
  Outcome ok = p.run();
  EXPECT_TRUE(ok.diagnostics.empty()) << ok.codes();
  EXPECT_EQ(ok.post("cv-1", 1).amount, Money::euros(45000));
}

TEST(OverseasAmountUnknown, NotForPrivateLawNorOutsideTheDrom) {
  EXPECT_FALSE(with_structure(StructureType::Gip, "974", CT::CddDroitPrive)
                   .run()
                   .has("overseas-amount-unknown"));
  EXPECT_FALSE(with_structure(StructureType::Gip, "975", CT::CddDroitPublic)
                   .run()
                   .has("overseas-amount-unknown"));
  EXPECT_FALSE(with_structure(StructureType::Gip, "59", CT::CddDroitPublic)
                   .run()
                   .has("overseas-amount-unknown"));
}

struct ComboCase {
  StructureType type;
  CT contract;
  const char* regime;
};

class ContractNotAllowed : public ::testing::TestWithParam<ComboCase> {};

TEST_P(ContractNotAllowed, UnknownFamilyContractRegimeCombination) {
  const auto& c = GetParam();
  Project p = with_structure(c.type, "59", c.contract);
  p.input.records.conventions[0].regime = c.regime;
  Outcome out = p.run();
  auto found = out.with("contract-not-allowed");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  // The wrong field is the conseiller's contract type; the post that meets it is a note.
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "contrat.type"));
  // The structure's type, which gives the family the grid is read for, is a second note.
  ASSERT_EQ(found[0].notes.size(), 2u);
  EXPECT_EQ(found[0].notes[0].where, out.at(out.convention("cv-1").locs, "postes[0].conseiller"));
  EXPECT_EQ(found[0].notes[0].message, "poste déclaré ici (poste 1 de la convention cv-1)");
  EXPECT_EQ(found[0].notes[1].where, out.at(out.structure("s-1").locs, "type"));
  EXPECT_TRUE(found[0].notes[1].message.starts_with("type de la structure « s-1 »"))
      << found[0].notes[1].message;
  EXPECT_FALSE(out.model.is_valid({RecordKind::Convention, "cv-1"}));
}

INSTANTIATE_TEST_SUITE_P(
    Combos, ContractNotAllowed,
    ::testing::Values(ComboCase{StructureType::Commune, CT::CdiDroitPrive, "relance-2021"},
                      ComboCase{StructureType::Ccas, CT::CddDroitPrive, "relance-2020"},
                      ComboCase{StructureType::Association, CT::CddDroitPublic, "relance-2021"},
                      ComboCase{StructureType::Association, CT::Titulaire, "relance-2021"},
                      ComboCase{StructureType::Gip, CT::CdiDroitPublic, "relance-2021"},
                      ComboCase{StructureType::Ccas, CT::CdiDroitPublic, "coordinateur-2023"},
                      ComboCase{StructureType::Hub, CT::CddDroitPublic, "coordinateur-2023"}));

TEST(ContractNotAllowed, VacantPostPointsAtItsContrat) {
  Project p = valid_project();
  p.input.records.conventions[0].postes.push_back(poste(2, std::nullopt, CT::CdiDroitPrive));
  Outcome out = p.run();
  auto found = out.with("contract-not-allowed");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-1").locs, "postes[1].contrat"));
  // The post's own contract: the other record is the structure, whose type gives the family.
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].where, out.at(out.structure("s-1").locs, "type"));
}

TEST(ContratDeProjetAutorise, PrivateProjectContractNeedsTheStructureFlag) {
  for (const char* regime : {"relance-2021", "coordinateur-2023"}) {
    Project p = with_structure(StructureType::Association, "59", CT::ContratDeProjetDroitPrive);
    p.input.records.conventions[0].regime = regime;
    Outcome refused = p.run();
    auto found = refused.with("contract-not-allowed");
    ASSERT_EQ(found.size(), 1u) << regime << ": " << refused.codes();
    EXPECT_NE(found[0].message.find("contrat_de_projet_autorise"), std::string::npos);
    p.input.records.structures[0].contrat_de_projet_autorise = true;
    Outcome accepted = p.run();
    EXPECT_FALSE(accepted.has("contract-not-allowed")) << regime << ": " << accepted.codes();
  }
}

}  // namespace
}  // namespace tampon::testing
