// data/baremes.yaml and data/smic.yaml: the shipped figures of domain.md §2–§5, the fallback
// to them, and positioned findings in a project's own copy.
#include <gtest/gtest.h>

#include <fstream>

#include "load_support.hpp"

namespace tampon {
namespace {

using testing::dump;
using testing::TempProject;
using testing::with_code;

class ShippedBaremes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { result = new LoadResult(TempProject().load()); }
  static void TearDownTestSuite() { delete result; }
  static const Regime& regime(std::string_view id) {
    const Regime* r = result->baremes.regime(id);
    EXPECT_NE(r, nullptr) << id;
    return *r;
  }
  static LoadResult* result;
};
LoadResult* ShippedBaremes::result = nullptr;

TEST_F(ShippedBaremes, AProjectWithoutThemUsesTheShippedFilesSilently) {
  EXPECT_TRUE(result->diagnostics.empty()) << dump(result->diagnostics);
  EXPECT_EQ(result->baremes.file, "<tampon>/data/baremes.yaml");
  EXPECT_EQ(result->smic.file, "<tampon>/data/smic.yaml");
  EXPECT_EQ(result->files.size(), 2u);
}

TEST_F(ShippedBaremes, DelaysAndLimitsOfSection5AreData) {
  const Limits& l = result->baremes.limits;
  EXPECT_EQ(l.cdd_max_months, 18);
  EXPECT_EQ(l.selection_max_days, 15);
  EXPECT_EQ(l.contract_max_days, 15);
  EXPECT_EQ(l.training_start_max_days, 15);
  EXPECT_EQ(l.training_hours, (std::vector<int>{105, 280, 350, 420}));
  EXPECT_EQ(l.full_time_hours, 35);
  EXPECT_EQ(l.coordinator_recruitment_max_months, 6);
  EXPECT_NE(l.source.find("[004"), std::string::npos) << l.source;
}

TEST_F(ShippedBaremes, RelanceRegimesShareTheGridOfSection31) {
  for (std::string_view id : {"relance-2020", "relance-2021"}) {
    const Regime& r = regime(id);
    EXPECT_EQ(r.role, Role::Conseiller);
    const GridRow* row = r.row_for(Family::PublicRattache, ContractType::Titulaire);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->amount, Money::euros(50000));
    EXPECT_EQ(row->months, 24);
    EXPECT_EQ(row->overseas, OverseasPolicy::Increased);
    row = r.row_for(Family::Prive, ContractType::ContratDeProjetDroitPrive);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->amount, Money::euros(40000));
    row = r.row_for(Family::Prive, ContractType::CddDroitPrive);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->amount, Money::euros(32000));
    EXPECT_EQ(row->months, 18);
    row = r.row_for(Family::AutrePublic, ContractType::CddDroitPublic);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->amount, Money::euros(37500));
    EXPECT_EQ(row->overseas, OverseasPolicy::Unknown);  // public law: increase without amount
    row = r.row_for(Family::AutrePublic, ContractType::CddDroitPrive);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->overseas, OverseasPolicy::None);
    EXPECT_EQ(r.row_for(Family::AutrePublic, ContractType::CdiDroitPublic), nullptr);
    EXPECT_EQ(r.row_for(Family::Prive, ContractType::CdiDroitPublic), nullptr);
    EXPECT_EQ(r.row_for(Family::Collectivite, ContractType::CdiDroitPrive), nullptr);
  }
  EXPECT_EQ(regime("relance-2020").eligible,
            (std::vector<Family>{Family::Collectivite, Family::PublicRattache}));
  EXPECT_EQ(regime("relance-2021").eligible.size(), 4u);
}

TEST_F(ShippedBaremes, CoordinatorGridFollowsSection32) {
  const Regime& r = regime("coordinateur-2023");
  EXPECT_EQ(r.role, Role::Coordinateur);
  EXPECT_EQ(r.row_for(Family::Collectivite, ContractType::ContratDeProjetDroitPublic)->amount,
            Money::euros(50000));
  EXPECT_EQ(r.row_for(Family::PublicRattache, ContractType::CdiDroitPublic), nullptr);
  const GridRow* row = r.row_for(Family::PublicRattache, ContractType::CddDroitPublic);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->amount, Money::euros(37500));
  EXPECT_EQ(row->months, 18);
  EXPECT_EQ(r.row_for(Family::Prive, ContractType::CdiDroitPrive)->amount, Money::euros(40000));
  EXPECT_EQ(r.row_for(Family::Prive, ContractType::CddDroitPrive)->amount, Money::euros(32000));
  EXPECT_EQ(r.row_for(Family::Prive, ContractType::ContratDeProjetDroitPrive)->months, 24);
}

TEST_F(ShippedBaremes, TranchesFollowSection4) {
  const Regime& r2020 = regime("relance-2020");
  ASSERT_EQ(r2020.tranches.size(), 3u);
  EXPECT_EQ(r2020.anchor, Anchor::Signature);
  EXPECT_EQ(r2020.tranches[0].pct, 20);
  EXPECT_EQ(r2020.tranches[0].offset_months, 1);
  EXPECT_EQ(r2020.tranches[1].pct, 30);
  EXPECT_EQ(r2020.tranches[1].offset_months, 6);
  EXPECT_EQ(r2020.tranches[2].pct, 50);
  EXPECT_EQ(r2020.tranches[2].offset_months, 12);
  EXPECT_EQ(regime("relance-2021").anchor, Anchor::FormationDepart);
  const Regime& coord = regime("coordinateur-2023");
  ASSERT_EQ(coord.tranches.size(), 1u);
  EXPECT_EQ(coord.tranches[0].pct, 100);
  EXPECT_EQ(coord.tranches[0].offset_months, 1);
}

TEST_F(ShippedBaremes, OverseasIncreasesApplyToDromOnly) {
  EXPECT_EQ(result->baremes.overseas_for("974")->amount, Money::euros(67500));
  EXPECT_EQ(result->baremes.overseas_for("976")->amount, Money::euros(67500));
  EXPECT_EQ(result->baremes.overseas_for("971")->amount, Money::euros(70000));
  EXPECT_EQ(result->baremes.overseas_for("973")->territory, "Guadeloupe, Martinique, Guyane");
  for (const char* none : {"975", "977", "978", "986", "987", "988", "59", "2A"})
    EXPECT_EQ(result->baremes.overseas_for(none), nullptr) << none;
  EXPECT_EQ(result->baremes.convention_max_months, 36);
}

TEST_F(ShippedBaremes, EveryFigureCarriesASourceAndAPosition) {
  EXPECT_FALSE(result->baremes.convention_max_source.empty());
  for (const auto& o : result->baremes.overseas) EXPECT_FALSE(o.source.empty());
  for (const auto& r : result->baremes.regimes) {
    EXPECT_FALSE(r.eligibility_source.empty()) << r.id;
    EXPECT_FALSE(r.schedule_source.empty()) << r.id;
    EXPECT_FALSE(r.label.empty()) << r.id;
    EXPECT_TRUE(r.loc.known());
    for (const auto& row : r.grid) {
      EXPECT_FALSE(row.source.empty()) << row.id;
      EXPECT_FALSE(row.label.empty()) << row.id;
      EXPECT_EQ(result->records.files.path(row.loc.file), "<tampon>/data/baremes.yaml");
    }
  }
}

TEST_F(ShippedBaremes, SmicIsTheRateInForceOnEachDay) {
  const SmicTable& smic = result->smic;
  EXPECT_EQ(smic.in_force(*Date::parse("2019-12-31")), nullptr);
  EXPECT_EQ(smic.in_force(*Date::parse("2020-01-01"))->monthly_35h, Money::cents(153942));
  EXPECT_EQ(smic.in_force(*Date::parse("2022-04-30"))->monthly_35h, Money::cents(160312));
  EXPECT_EQ(smic.in_force(*Date::parse("2022-05-01"))->monthly_35h, Money::cents(164558));
  EXPECT_EQ(smic.in_force(*Date::parse("2023-05-01"))->monthly_35h, Money::cents(174720));
  EXPECT_EQ(smic.in_force(*Date::parse("2025-06-01"))->monthly_35h, Money::cents(180180));
  for (std::size_t i = 1; i < smic.rates.size(); ++i)
    EXPECT_LT(smic.rates[i - 1].effective, smic.rates[i].effective);
  for (const auto& rate : smic.rates) EXPECT_FALSE(rate.source.empty()) << rate.effective.iso();
}

constexpr std::string_view k_small_baremes = R"(convention:
  duree_max_mois: 36
  source: "[000]"
majorations_outre_mer: []
regimes:
  - id: essai
    libelle: Essai
    poste: conseiller
    familles_eligibles: [privee]
    source_eligibilite: "[x]"
    grille:
      - id: a
        libelle: A
        familles: [prive]
        contrats: [cdi-droit-prive, cdd-droit-prive]
        montant: 40000
        mois: 24
        outre_mer: aucune
        source: "[x]"
      - id: b
        libelle: B
        familles: [prive]
        contrats: [cdd-droit-prive]
        montant: 32000
        mois: 18
        outre_mer: aucune
    tranches:
      ancrage: signature
      echeancier:
        - { pct: 20, mois_apres: 1 }
        - { pct: 70, mois_apres: 6 }
      source: "[x]"
)";

TEST(ProjectBaremes, AProjectCopyOverridesTheShippedOneAndGetsPositionedFindings) {
  TempProject p;
  p.write("data/baremes.yaml", k_small_baremes);
  LoadResult r = p.load();
  EXPECT_EQ(r.baremes.file, "data/baremes.yaml");
  ASSERT_EQ(r.baremes.regimes.size(), 1u);
  EXPECT_EQ(r.baremes.regimes[0].grid[1].amount, Money::euros(32000));
  ASSERT_EQ(r.diagnostics.size(), 4u) << dump(r.diagnostics);
  const auto& d = r.diagnostics;
  EXPECT_EQ(d[0].code, "unknown-value");  // familles_eligibles: [privee]
  EXPECT_EQ(d[0].where.file, "data/baremes.yaml");
  EXPECT_EQ(d[0].where.line, 9u);
  EXPECT_EQ(d[0].where.column, 26u);
  EXPECT_EQ(d[0].message,
            "valeur « privee » inconnue dans « regimes[0].familles_eligibles » ; vouliez-vous dire "
            "« prive » ?");
  EXPECT_EQ(d[1].code, "invalid-baremes");  // rows a and b both cover prive × CDD
  EXPECT_EQ(d[1].where.line, 20u);
  EXPECT_EQ(d[1].message,
            "les lignes « a » et « b » du régime « essai » couvrent toutes deux prive × "
            "cdd-droit-prive : une seule doit s'appliquer");
  EXPECT_EQ(d[2].code, "missing-field");  // row b has no source
  EXPECT_EQ(d[2].where.line, 20u);
  EXPECT_EQ(d[2].message,
            "champ obligatoire « regimes[0].grille[1].source » manquant : ajoutez-le (un "
            "texte)");
  EXPECT_EQ(d[3].code, "invalid-baremes");
  EXPECT_EQ(d[3].where.line, 28u);
  EXPECT_EQ(d[3].message,
            "les pourcentages des tranches de « essai » totalisent 90 % au lieu de 100 %");
  EXPECT_FALSE(r.input_failure);
}

TEST(ProjectBaremes, AProjectWithoutLimitsKeepsTheProgrammeValues) {
  TempProject p;
  p.write("data/baremes.yaml", k_small_baremes);
  LoadResult r = p.load();
  EXPECT_EQ(r.baremes.limits.training_start_max_days, 15);
  EXPECT_EQ(r.baremes.limits.training_hours, (std::vector<int>{105, 280, 350, 420}));
}

TEST(ProjectBaremes, LimitsOfAProjectReplaceTheProgrammeValuesAndAreChecked) {
  std::string text(k_small_baremes);
  text.insert(text.find("regimes:"),
              "limites:\n"
              "  cdd_prive_max_mois: 24\n"
              "  delai_selection_jours: 30\n"
              "  delai_contrat_jours: 20\n"
              "  delai_formation_jours: 10\n"
              "  heures_formation: [100, beaucoup, 300]\n"
              "  heures_temps_plein: 39\n"
              "  delai_recrutement_coordinateur_mois: 3\n"
              "  source: essai\n");
  TempProject p;
  p.write("data/baremes.yaml", text);
  LoadResult r = p.load();
  const Limits& l = r.baremes.limits;
  EXPECT_EQ(l.cdd_max_months, 24);
  EXPECT_EQ(l.selection_max_days, 30);
  EXPECT_EQ(l.contract_max_days, 20);
  EXPECT_EQ(l.training_start_max_days, 10);
  EXPECT_EQ(l.training_hours, (std::vector<int>{100, 300}));
  EXPECT_EQ(l.full_time_hours, 39);
  EXPECT_EQ(l.coordinator_recruitment_max_months, 3);
  auto bad = with_code(r, "wrong-type");
  ASSERT_EQ(bad.size(), 1u) << dump(r.diagnostics);
  EXPECT_EQ(bad[0]->where.file, "data/baremes.yaml");
  EXPECT_EQ(bad[0]->where.column, 27u);
  EXPECT_NE(bad[0]->message.find("« beaucoup »"), std::string::npos) << bad[0]->message;
}

TEST(ProjectBaremes, ASyntaxErrorIsAnInputFailure) {
  TempProject p;
  p.write("data/baremes.yaml", "regimes: [\n");
  LoadResult r = p.load();
  ASSERT_EQ(with_code(r, "yaml-syntax").size(), 1u) << dump(r.diagnostics);
  EXPECT_EQ(with_code(r, "yaml-syntax")[0]->where.file, "data/baremes.yaml");
  EXPECT_TRUE(r.input_failure);
}

TEST(ProjectBaremes, MissingEverywhereIsAnInputFailure) {
  TempProject p;
  ProjectContext ctx = p.context();
  ctx.shipped_dir = p.dir() / "nothing-shipped";
  LoadResult r = load_project(ctx, {});
  EXPECT_TRUE(r.input_failure);
  ASSERT_EQ(with_code(r, "unreadable-file").size(), 2u) << dump(r.diagnostics);
  EXPECT_EQ(with_code(r, "unreadable-file")[0]->where.file, "data/baremes.yaml");
}

TEST(ProjectSmic, HourlyAndMonthlyFiguresMustAgreeAndDatesBeUnique) {
  TempProject p;
  p.write("data/smic.yaml",
          "taux:\n"
          "  - {date_effet: 2022-05-01, horaire: 10.85, mensuel_35h: 1645.58, source: a}\n"
          "  - {date_effet: 2022-01-01, horaire: 10.57, mensuel_35h: 1603.21, source: b}\n"
          "  - {date_effet: 2022-05-01, mensuel_35h: 1645.58, source: c}\n");
  LoadResult r = p.load();
  ASSERT_EQ(r.diagnostics.size(), 2u) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].code, "invalid-smic");
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(r.diagnostics[0].where.line, 3u);
  EXPECT_EQ(r.diagnostics[0].message,
            "mensuel_35h 1603.21 ne correspond pas au taux horaire 10.57 × 35 h × 52 / 12 = "
            "1603.12 : vérifiez les deux chiffres");
  EXPECT_EQ(r.diagnostics[1].message, "deux taux du SMIC prennent effet le 2022-05-01");
  ASSERT_EQ(r.smic.rates.size(), 2u);
  EXPECT_EQ(r.smic.rates[0].effective.iso(), "2022-01-01");  // sorted by date of effect
}

TEST(ShippedSmic, EveryMonthlyFigureMatchesItsHourlyRate) {
  // The shipped file gives both figures for each rate; load reports any disagreement.
  ProjectContext ctx;
  ctx.project_dir = TAMPON_SOURCE_DIR;
  ctx.shipped_dir = TAMPON_SOURCE_DIR;
  LoadResult r = load_project(ctx, {});
  EXPECT_TRUE(with_code(r, "invalid-smic").empty()) << dump(r.diagnostics);
  EXPECT_TRUE(with_code(r, "invalid-baremes").empty()) << dump(r.diagnostics);
}

}  // namespace
}  // namespace tampon
