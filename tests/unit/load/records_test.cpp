// Every field of the records.md examples is decoded into the structs of records.hpp.
#include <gtest/gtest.h>

#include "load_support.hpp"

namespace tampon {
namespace {

LoadResult load_records_md() {
  ProjectContext ctx;
  ctx.project_dir = std::string(TAMPON_SOURCE_DIR) + "/tests/fixtures/load/records-md";
  ctx.shipped_dir = TAMPON_SOURCE_DIR;
  return load_project(ctx, {});
}

class RecordsMdExamples : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { result = new LoadResult(load_records_md()); }
  static void TearDownTestSuite() { delete result; }
  static LoadResult* result;
};
LoadResult* RecordsMdExamples::result = nullptr;

TEST_F(RecordsMdExamples, LoadWithoutAnyFinding) {
  EXPECT_TRUE(result->diagnostics.empty()) << testing::dump(result->diagnostics);
  EXPECT_FALSE(result->input_failure);
}

TEST_F(RecordsMdExamples, StructureKeepsEveryField) {
  ASSERT_EQ(result->records.structures.size(), 1u);
  const Structure& s = result->records.structures[0];
  EXPECT_EQ(s.id, "ca-caudresis-catesis");
  EXPECT_EQ(s.nom, "Communauté d'Agglomération du Caudrésis-Catésis");
  EXPECT_EQ(s.type, StructureType::Epci);
  EXPECT_EQ(s.family(), Family::Collectivite);
  EXPECT_EQ(s.siret, "20004020400014");
  EXPECT_EQ(s.adresse.ligne, "1 rue de la Mairie");
  EXPECT_EQ(s.adresse.code_postal, "59540");
  EXPECT_EQ(s.adresse.commune, "Caudry");
  EXPECT_EQ(s.departement, "59");
  EXPECT_EQ(s.representant.nom, "Serge Simeon");
  EXPECT_EQ(s.representant.qualite, "Président");
  EXPECT_EQ(s.contact.nom, "Jeanne Martin");
  EXPECT_EQ(s.contact.courriel, "jeanne.martin@example.org");
  EXPECT_EQ(s.contact.telephone, "03 27 00 00 00");
  EXPECT_FALSE(s.contrat_de_projet_autorise);
}

TEST_F(RecordsMdExamples, ConseillerKeepsEveryBlock) {
  ASSERT_EQ(result->records.conseillers.size(), 1u);
  const Conseiller& c = result->records.conseillers[0];
  EXPECT_EQ(c.id, "cn-0001");
  EXPECT_EQ(c.prenom, "Camille");
  EXPECT_EQ(c.structure, "ca-caudresis-catesis");
  EXPECT_EQ(c.role, Role::Conseiller);
  ASSERT_TRUE(c.recrutement);
  EXPECT_EQ(c.recrutement->presentation->iso(), "2021-03-01");
  EXPECT_EQ(c.recrutement->notification_poste->iso(), "2021-02-15");
  EXPECT_EQ(c.contrat.type, ContractType::CddDroitPublic);
  EXPECT_EQ(c.contrat.debut.iso(), "2021-04-01");
  EXPECT_EQ(c.contrat.fin->iso(), "2022-09-30");
  EXPECT_EQ(c.contrat.heures_hebdo, 35);
  EXPECT_EQ(c.contrat.salaire_brut_mensuel.cents(), 165000);
  EXPECT_EQ(c.contrat.aides_emploi.cents(), 0);
  ASSERT_TRUE(c.formation);
  EXPECT_EQ(c.formation->depart->iso(), "2021-04-12");
  EXPECT_EQ(c.formation->heures, 280);
  ASSERT_TRUE(c.rupture);
  EXPECT_EQ(c.rupture->date.iso(), "2022-01-31");
  EXPECT_EQ(c.rupture->motif, "démission");
}

TEST_F(RecordsMdExamples, ConventionPostsKeepVacancyAndNullDerogation) {
  ASSERT_EQ(result->records.conventions.size(), 1u);
  const Convention& c = result->records.conventions[0];
  EXPECT_EQ(c.regime, "relance-2021");
  EXPECT_EQ(c.signature.iso(), "2021-04-02");
  EXPECT_EQ(c.fin.iso(), "2023-03-31");
  EXPECT_EQ(c.dossier, "DS-4242424");
  ASSERT_EQ(c.postes.size(), 2u);
  EXPECT_EQ(c.postes[0].conseiller, "cn-0001");
  EXPECT_EQ(c.postes[0].montant->cents(), 5000000);
  EXPECT_FALSE(c.postes[0].derogation);  // `derogation: null` is absent
  EXPECT_EQ(c.postes[1].numero, 2);
  EXPECT_FALSE(c.postes[1].conseiller);
  EXPECT_EQ(c.postes[1].contrat, ContractType::CddDroitPublic);
}

TEST_F(RecordsMdExamples, AvenantKeepsEveryObjetField) {
  ASSERT_EQ(result->records.avenants.size(), 1u);
  const Avenant& a = result->records.avenants[0];
  EXPECT_EQ(a.objet, AvenantObjet::AjoutPostes);
  ASSERT_EQ(a.postes_ajoutes.size(), 1u);
  EXPECT_EQ(a.postes_ajoutes[0].numero, 3);
  EXPECT_EQ(a.postes_retires, std::vector<int>{2});
  ASSERT_TRUE(a.substitution);
  EXPECT_EQ(a.substitution->contrat, ContractType::CdiDroitPublic);
  EXPECT_EQ(a.nouvelle_fin->iso(), "2024-03-31");
  EXPECT_EQ(a.motif, "Ouverture d'une seconde permanence à Le Cateau-Cambrésis");
}

TEST_F(RecordsMdExamples, VersementRapportAndDepenseAreDecoded) {
  ASSERT_EQ(result->records.versements.size(), 1u);
  const Versement& v = result->records.versements[0];
  EXPECT_EQ(v.tranche, 1);
  EXPECT_EQ(v.montant.cents(), 1000000);
  EXPECT_EQ(v.statut, VersementStatut::Versee);

  ASSERT_EQ(result->records.rapports.size(), 1u);
  const Rapport& r = result->records.rapports[0];
  EXPECT_EQ(r.mois.iso(), "2022-03");
  EXPECT_EQ(r.activites.participants_ateliers, 38);
  EXPECT_EQ(r.activites.appels_solidarite_numerique, 4);
  EXPECT_EQ(r.usagers_accompagnes, 71);
  EXPECT_EQ(r.themes[static_cast<std::size_t>(Theme::DemarchesEnLigne)], 20);
  EXPECT_EQ(r.themes[static_cast<std::size_t>(Theme::Sante)], 0);
  EXPECT_TRUE(r.has_lieux);
  EXPECT_EQ(r.lieux[static_cast<std::size_t>(Lieu::ADistance)], 4);
  EXPECT_EQ(r.faits_marquants, "Atelier « repérer les arnaques » avec le club des aînés.\n");

  ASSERT_EQ(result->records.depenses.size(), 1u);
  const Depense& d = result->records.depenses[0];
  EXPECT_EQ(d.trimestre.iso(), "2022-T1");
  ASSERT_EQ(d.lignes.size(), 1u);
  EXPECT_EQ(d.lignes[0].frais.cents(), 32050);
  EXPECT_EQ(d.lignes[0].justificatif, "Bulletins de paie janvier-mars 2022");
}

TEST_F(RecordsMdExamples, EveryFileIsListedWithItsDigest) {
  // 7 record files + the shipped baremes.yaml and smic.yaml.
  ASSERT_EQ(result->files.size(), 9u);
  EXPECT_EQ(result->files[0].path, "<tampon>/data/baremes.yaml");
  EXPECT_EQ(result->files[2].path, "data/avenants/cv-2021-0042-av1.yaml");
  for (const auto& f : result->files) EXPECT_EQ(f.sha256.size(), 64u) << f.path;
}

}  // namespace
}  // namespace tampon
