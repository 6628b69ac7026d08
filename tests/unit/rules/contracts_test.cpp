// domain.md §5, the contract: cdd-too-long, salary-below-smic, coordinator-part-time.
#include <gtest/gtest.h>

#include "support.hpp"

namespace tampon::testing {
namespace {

using CT = ContractType;

Project private_cdd(const char* fin) {
  Project p;
  p.add(structure("s-1", StructureType::Association)).add(conseiller("cn-1", "s-1"));
  p.input.records.conseillers[0].contrat.type = CT::CddDroitPrive;
  p.input.records.conseillers[0].contrat.fin = d(fin);
  p.add(convention("cv-1", "s-1", "relance-2021", {poste(1, "cn-1")}));
  return p;
}

TEST(CddTooLong, EighteenMonthsPassNineteenFail) {
  Outcome ok = private_cdd("2022-09-30").run();  // 2021-04-01 → 18 months
  EXPECT_FALSE(ok.has("cdd-too-long")) << ok.codes();
  Outcome ko = private_cdd("2022-10-01").run();  // one day into a 19th month
  auto found = ko.with("cdd-too-long");
  ASSERT_EQ(found.size(), 1u) << ko.codes();
  EXPECT_EQ(found[0].where, ko.at(ko.conseiller("cn-1").locs, "contrat.fin"));
  EXPECT_NE(found[0].message.find("19 mois"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("2022-09-30"), std::string::npos) << found[0].message;
}

TEST(CddTooLong, AppliesToPublicLawCddOnlyOnCddOnlyRows) {
  // Another public body (37 500 € row, CDD only): capped.
  Project gip;
  gip.add(structure("s-1", StructureType::Gip)).add(conseiller("cn-1", "s-1"));
  gip.input.records.conseillers[0].contrat.fin = d("2022-10-31");
  gip.add(convention("cv-1", "s-1", "relance-2021", {poste(1, "cn-1")}));
  Outcome capped = gip.run();
  auto found = capped.with("cdd-too-long");
  ASSERT_EQ(found.size(), 1u) << capped.codes();
  // The cap comes from the post's grid row: a note at the post that finances the CDD.
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].where,
            capped.at(capped.convention("cv-1").locs, "postes[0].conseiller"));
  EXPECT_NE(found[0].notes[0].message.find("réservée aux CDD"), std::string::npos);
  // A commune's public-law CDD (50 000 € row, any public contract): not capped here.
  Project commune = valid_project();
  commune.input.records.conseillers[0].contrat.fin = d("2022-10-31");
  EXPECT_FALSE(commune.run().has("cdd-too-long"));
}

TEST(CddTooLong, LimitComesFromBaremes) {
  Project p = private_cdd("2022-09-30");
  p.input.baremes.limits.cdd_max_months = 12;
  EXPECT_TRUE(p.run().has("cdd-too-long"));
}

TEST(SalaryBelowSmic, SalaryEqualToProratedSmicIsAcceptedOneCentLessIsNot) {
  Project p = valid_project();
  Conseiller& c = p.input.records.conseillers[0];
  c.contrat.debut = d("2022-05-01");
  c.contrat.fin = d("2023-10-31");
  c.formation->depart = d("2022-05-10");
  c.recrutement.reset();
  c.contrat.salaire_brut_mensuel = eur(1645.58);
  Outcome ok = p.run();
  EXPECT_FALSE(ok.has("salary-below-smic")) << ok.codes();
  c.contrat.salaire_brut_mensuel = eur(1645.57);
  Outcome ko = p.run();
  auto found = ko.with("salary-below-smic");
  ASSERT_EQ(found.size(), 1u) << ko.codes();
  EXPECT_EQ(found[0].where, ko.at(ko.conseiller("cn-1").locs, "contrat.salaire_brut_mensuel"));
  EXPECT_EQ(found[0].message.rfind("salaire 1 645,57 € inférieur au SMIC proratisé 1 645,58 € au "
                                   "2022-05-01",
                                   0),
            0u)
      << found[0].message;
}

TEST(SalaryBelowSmic, UsesTheRateInForceOnTheStartDate) {
  Project p = valid_project();
  Conseiller& c = p.input.records.conseillers[0];
  c.contrat.salaire_brut_mensuel = eur(1600);
  c.contrat.debut = d("2022-04-30");  // 1 603,12 € in force
  c.formation->depart = d("2022-05-02");
  c.contrat.fin = d("2023-10-31");
  c.recrutement.reset();
  EXPECT_TRUE(p.run().has("salary-below-smic"));
  c.contrat.debut = d("2021-12-31");  // 1 589,47 € in force
  c.formation->depart = d("2022-01-03");
  EXPECT_FALSE(p.run().has("salary-below-smic"));
}

TEST(SalaryBelowSmic, IsProratedToWeeklyHours) {
  Project p = valid_project();
  Conseiller& c = p.input.records.conseillers[0];
  c.contrat.debut = d("2022-05-01");
  c.contrat.fin = d("2023-10-31");
  c.formation->depart = d("2022-05-10");
  c.recrutement.reset();
  c.contrat.heures_hebdo = 17.5;  // half of 1 645,58 € = 822,79 €
  c.contrat.salaire_brut_mensuel = eur(822.79);
  EXPECT_FALSE(p.run().has("salary-below-smic"));
  c.contrat.salaire_brut_mensuel = eur(822.78);
  Outcome out = p.run();
  auto found = out.with("salary-below-smic");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("822,79 €"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("17,5 h"), std::string::npos) << found[0].message;
  // 20 h: 1 645,58 × 20 / 35 = 940,331… → 940,33 € at the cent.
  c.contrat.heures_hebdo = 20;
  c.contrat.salaire_brut_mensuel = eur(940.33);
  EXPECT_FALSE(p.run().has("salary-below-smic"));
  c.contrat.salaire_brut_mensuel = eur(940.32);
  EXPECT_TRUE(p.run().has("salary-below-smic"));
}

TEST(SalaryBelowSmic, ValuesComeFromSmicTable) {
  Project p = valid_project();
  p.input.smic.rates[0].monthly_35h = Money::euros(1800);
  EXPECT_TRUE(p.run().has("salary-below-smic"));
}

// Mayotte has its own SMIC: a salary between it and the national one is not an error there.
Project mayotte_project(const char* debut) {
  Project p = valid_project();
  p.input.records.structures[0].departement = "976";
  SmicTerritory t;
  t.name = "Mayotte";
  t.departements = {"976"};
  t.rates.push_back({d("2022-05-01"), eur(1242.15), "Arrêté du 19 avril 2022"});
  p.input.smic.territories.push_back(t);
  Conseiller& c = p.input.records.conseillers[0];
  c.contrat.debut = d(debut);
  c.contrat.fin = c.contrat.debut.plus_months(18).plus_days(-1);
  c.formation->depart = c.contrat.debut.plus_days(5);
  c.recrutement.reset();
  return p;
}

TEST(SalaryBelowSmic, MayotteUsesItsOwnRateAtTheCent) {
  Project p = mayotte_project("2022-05-01");
  Conseiller& c = p.input.records.conseillers[0];
  c.contrat.salaire_brut_mensuel = eur(1300);  // under the national 1 645,58 €, over Mayotte's
  Outcome ok = p.run();
  EXPECT_FALSE(ok.has("salary-below-smic")) << ok.codes();
  EXPECT_FALSE(ok.has("smic-territory-unknown")) << ok.codes();
  c.contrat.salaire_brut_mensuel = eur(1242.15);
  EXPECT_FALSE(p.run().has("salary-below-smic"));
  c.contrat.salaire_brut_mensuel = eur(1242.14);
  Outcome ko = p.run();
  auto found = ko.with("salary-below-smic");
  ASSERT_EQ(found.size(), 1u) << ko.codes();
  EXPECT_NE(found[0].message.find("SMIC de Mayotte proratisé 1 242,15 €"), std::string::npos)
      << found[0].message;
}

TEST(SmicTerritoryUnknown, NoTerritoryRateFallsBackToNationalWithAWarningNeverAnError) {
  Project p = mayotte_project("2022-04-30");  // before Mayotte's first rate in the table
  Conseiller& c = p.input.records.conseillers[0];
  c.contrat.salaire_brut_mensuel = eur(1300);
  Outcome out = p.run();
  EXPECT_FALSE(out.has("salary-below-smic")) << out.codes();
  auto found = out.with("smic-territory-unknown");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "contrat.salaire_brut_mensuel"));
  EXPECT_NE(found[0].message.find("SMIC de Mayotte inconnu au 2022-04-30"), std::string::npos)
      << found[0].message;
  EXPECT_NE(found[0].message.find("1 603,12 €"), std::string::npos) << found[0].message;
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].where, out.at(out.model.records.structures[0].locs, "departement"));
  // One day later Mayotte's own rate applies and nothing is reported.
  c.contrat.debut = d("2022-05-01");
  Outcome later = p.run();
  EXPECT_FALSE(later.has("smic-territory-unknown")) << later.codes();
}

TEST(SmicTerritoryUnknown, TerritoryWithNoRateAtAllWarnsAndNationalDepartementsDoNot) {
  Project p = mayotte_project("2022-05-01");
  p.input.smic.territories[0].rates.clear();
  EXPECT_TRUE(p.run().has("smic-territory-unknown"));
  p.input.records.structures[0].departement = "974";  // La Réunion: the national SMIC
  Outcome out = p.run();
  EXPECT_FALSE(out.has("smic-territory-unknown")) << out.codes();
}

TEST(SmicTerritoryUnknown, ShippedTableHasMayotteWithSources) {
  const SmicTable& smic = shipped_defaults().smic;
  const SmicTerritory* t = smic.territory_of("976");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "Mayotte");
  EXPECT_EQ(smic.territory_of("974"), nullptr);
  ASSERT_FALSE(t->rates.empty());
  for (const auto& r : t->rates) {
    EXPECT_FALSE(r.source.empty()) << r.effective.iso();
    const SmicRate* national = smic.in_force(r.effective);
    ASSERT_NE(national, nullptr);
    EXPECT_LT(r.monthly_35h, national->monthly_35h) << r.effective.iso();
  }
  EXPECT_EQ(t->in_force(d("2024-11-01"))->monthly_35h, eur(1361.97));
  EXPECT_EQ(t->in_force(d("2020-12-31")), nullptr);  // earlier rates are not in the table
}

TEST(CoordinatorPartTime, CoordinatorMustWorkThirtyFiveHours) {
  Project p = valid_project();
  p.input.records.conseillers[0].role = Role::Coordinateur;
  p.input.records.conseillers[0].contrat.heures_hebdo = 35;
  EXPECT_FALSE(p.run().has("coordinator-part-time"));
  p.input.records.conseillers[0].contrat.heures_hebdo = 34.5;
  Outcome out = p.run();
  auto found = out.with("coordinator-part-time");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "contrat.heures_hebdo"));
  EXPECT_TRUE(found[0].notes.empty());  // coordinator by its own role: one record
}

TEST(CoordinatorPartTime, HoldingACoordinatorPostMakesACoordinator) {
  Project p = valid_project();
  p.input.records.conseillers[0].contrat.heures_hebdo = 28;
  EXPECT_FALSE(p.run().has("coordinator-part-time"));  // a conseillère may work part time
  p.input.records.conventions[0].postes[0].role = Role::Coordinateur;
  Outcome out = p.run();
  auto found = out.with("coordinator-part-time");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  // Coordinator by the post, not by its own role: a note at the post's role.
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].where, out.at(out.convention("cv-1").locs, "postes[0].role"));
}

}  // namespace
}  // namespace tampon::testing
