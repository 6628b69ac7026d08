// domain.md §2: eligibility per regime.
#include <gtest/gtest.h>

#include "support.hpp"

namespace tampon::testing {
namespace {

struct EligibilityCase {
  StructureType type;
  const char* regime;
  ContractType contract;
  bool eligible;
};

class IneligibleStructure : public ::testing::TestWithParam<EligibilityCase> {};

TEST_P(IneligibleStructure, DependsOnTheFamilyAndTheRegime) {
  const auto& c = GetParam();
  Project p;
  p.add(structure("s-1", c.type)).add(conseiller("cn-1", "s-1"));
  p.input.records.conseillers[0].contrat.type = c.contract;
  p.add(convention("cv-1", "s-1", c.regime, {poste(1, "cn-1")}));
  Outcome out = p.run();
  auto found = out.with("ineligible-structure");
  EXPECT_EQ(found.size(), c.eligible ? 0u : 1u) << out.codes();
  if (!found.empty()) {
    // The field to change is the regime; the structure's type is the fact it conflicts with.
    EXPECT_EQ(found[0].where, out.at(out.convention("cv-1").locs, "regime"));
    ASSERT_EQ(found[0].notes.size(), 1u);
    EXPECT_EQ(found[0].notes[0].where, out.at(out.structure("s-1").locs, "type"));
    EXPECT_EQ(found[0].severity, Severity::Error);
  }
}

INSTANTIATE_TEST_SUITE_P(
    PerRegime, IneligibleStructure,
    ::testing::Values(
        // relance-2020: collectivités and attached public bodies only.
        EligibilityCase{StructureType::Commune, "relance-2020", ContractType::CddDroitPublic, true},
        EligibilityCase{StructureType::Ccas, "relance-2020", ContractType::CddDroitPublic, true},
        EligibilityCase{StructureType::Association, "relance-2020", ContractType::CdiDroitPrive,
                        false},
        EligibilityCase{StructureType::Gip, "relance-2020", ContractType::CddDroitPublic, false},
        // relance-2021: all four families.
        EligibilityCase{StructureType::Association, "relance-2021", ContractType::CdiDroitPrive,
                        true},
        EligibilityCase{StructureType::Gip, "relance-2021", ContractType::CddDroitPublic, true},
        // coordinateur-2023: all four, Hubs included.
        EligibilityCase{StructureType::Hub, "coordinateur-2023", ContractType::CdiDroitPrive, true},
        EligibilityCase{StructureType::Epic, "coordinateur-2023", ContractType::CddDroitPublic,
                        true}));

TEST(IneligibleStructure, FollowsTheEligibleFamiliesOfBaremes) {
  Project p = valid_project();
  p.input.baremes.regimes[1].eligible = {Family::Prive};  // relance-2021 edited in data
  Outcome out = p.run();
  EXPECT_TRUE(out.has("ineligible-structure")) << out.codes();
  EXPECT_FALSE(out.model.is_valid({RecordKind::Convention, "cv-1"}));
}

}  // namespace
}  // namespace tampon::testing
