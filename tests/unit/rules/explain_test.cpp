// explain_convention: the French account of every amount and tranche.
#include <gtest/gtest.h>

#include "model/explain.hpp"
#include "support.hpp"

namespace tampon::testing {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(ExplainConvention, NamesRowsAnchorsAmountsAndStatuses) {
  Project p = valid_project();
  p.input.records.structures[0].departement = "974";
  p.input.records.conseillers[0].contrat.aides_emploi = Money::euros(7500);
  p.add(Versement{"cv-1", 1, 1, d("2021-05-20"), Money::euros(12000), VersementStatut::Versee, {}});
  Outcome out = p.run(d("2021-11-01"));
  std::string text = explain_convention(out.model, "cv-1");
  EXPECT_TRUE(contains(text, "Convention cv-1")) << text;
  EXPECT_TRUE(contains(text, "Ligne « public-50000 »")) << text;
  EXPECT_TRUE(contains(text, "Majoration outre-mer (La Réunion (974)) : 67 500,00 €")) << text;
  EXPECT_TRUE(contains(text, "67 500,00 € − 7 500,00 € = 60 000,00 €")) << text;
  EXPECT_TRUE(contains(text,
                       "départ en formation de cn-1 le 2021-04-12 + 1 mois = échéance le "
                       "2021-05-12"))
      << text;
  EXPECT_TRUE(contains(text, "20 % de 60 000,00 € = 12 000,00 € (arrondi au centime inférieur)"))
      << text;
  EXPECT_TRUE(contains(text, "Dernière tranche : 60 000,00 € − 30 000,00 €")) << text;
  EXPECT_TRUE(contains(text, "statut : versée [versee] le 2021-05-20 (12 000,00 €)")) << text;
  EXPECT_TRUE(contains(text, "statut : risque de suspension [risque-suspension]")) << text;
  EXPECT_TRUE(contains(text, "statut : à venir [a-venir]")) << text;
}

TEST(ExplainConvention, ShowsEachVersionWhenAvenantsExist) {
  Project p = valid_project();
  Avenant a = avenant("av-1", "cv-1", 1, "2022-06-15", AvenantObjet::AjoutPostes);
  a.postes_ajoutes = {poste(2, std::nullopt, ContractType::CddDroitPublic)};
  p.add(a);
  std::string text = explain_convention(p.run().model, "cv-1");
  EXPECT_TRUE(contains(text, "Convention signée — fin 2023-03-31, total 50 000,00 €")) << text;
  EXPECT_TRUE(contains(text, "Après l'avenant n° 1 (av-1, ajout de postes, 2022-06-15)")) << text;
  EXPECT_TRUE(contains(text, "total 100 000,00 €")) << text;
  EXPECT_TRUE(contains(text, "date de l'avenant n° 1 (provisoire")) << text;
  EXPECT_TRUE(contains(text, "Postes inchangés : 1")) << text;
  EXPECT_EQ(text.find("Poste 1 —"), text.rfind("Poste 1 —")) << "post 1 is printed once: " << text;
}

TEST(ExplainConvention, IsEmptyForAnUnknownConvention) {
  EXPECT_EQ(explain_convention(valid_project().run().model, "cv-404"), "");
}

}  // namespace
}  // namespace tampon::testing
