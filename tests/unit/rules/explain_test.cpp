// explain_convention: the French account of every amount and tranche.
#include <gtest/gtest.h>

#include "model/derive.hpp"
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

// domain.md §4.1: each status with the fact that decides it. cn-1's contract starts 2021-04-01,
// training 2021-04-12: tranches due 2021-05-12, 2021-10-12, 2022-04-12.
TEST(ExplainConvention, SaysWhyEachTrancheHasItsStatus) {
  Project p = valid_project();
  p.add(Versement{"cv-1", 1, 1, d("2021-05-20"), Money::euros(10000), VersementStatut::Versee, {}});
  for (const char* m : {"2021-04", "2021-05", "2021-06", "2021-08"})
    p.add(rapport("s-1", "cn-1", m));
  Outcome out = p.run(d("2021-11-01"));
  std::string text = explain_convention(out.model, "cv-1");
  EXPECT_TRUE(contains(text, "· pourquoi : versement enregistré le 2021-05-20 pour 10 000,00 €"))
      << text;
  EXPECT_TRUE(contains(text,
                       "· pourquoi : échéance du 2021-10-12 atteinte à la date de référence "
                       "2021-11-01 (--as-of), aucun versement enregistré ; 3 mois sans rapport "
                       "mensuel de « cn-1 » (dus de 2021-04 à 2021-10) : 2021-07, 2021-09 à "
                       "2021-10 ; un suivi manquant peut suspendre le paiement (appel à "
                       "manifestation d'intérêt France Relance 2020, § III.3 ; appel à "
                       "candidatures « Conseillers numériques coordinateurs » 2023, § IV.e)"))
      << text;
  EXPECT_TRUE(contains(text,
                       "· pourquoi : échéance du 2022-04-12 pas encore atteinte à la date de "
                       "référence 2021-11-01 (--as-of)"))
      << text;
  // The reason agrees with the status, and lists every missing month.
  const ConventionState& st = out.state("cv-1");
  const PostState& post = st.current().posts.at(0);
  model::StatusReason why = model::status_reason(out.model, st, post, post.tranches.at(1));
  ASSERT_EQ(post.tranches.at(1).status, TrancheStatus::RisqueSuspension);
  std::vector<std::string> months;
  for (const Month& m : why.missing_months) months.push_back(m.iso());
  EXPECT_EQ(months, (std::vector<std::string>{"2021-07", "2021-09", "2021-10"}));
}

TEST(ExplainConvention, DueOnTheReferenceDateWithEveryReportIsExigible) {
  Project p = valid_project();
  for (const char* m : {"2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09"})
    p.add(rapport("s-1", "cn-1", m));
  p.add(Versement{"cv-1", 1, 1, d("2021-05-20"), Money::euros(10000), VersementStatut::Versee, {}});
  // Boundary: the due date itself is reached; the day before it is not.
  std::string on_due = explain_convention(p.run(d("2021-10-12")).model, "cv-1");
  EXPECT_TRUE(contains(on_due, "statut : exigible [exigible]")) << on_due;
  EXPECT_TRUE(contains(on_due,
                       "échéance du 2021-10-12 atteinte à la date de référence 2021-10-12 "
                       "(--as-of), aucun versement enregistré ; rapports mensuels de « cn-1 » "
                       "reçus pour chaque mois de 2021-04 à 2021-09"))
      << on_due;
  std::string before = explain_convention(p.run(d("2021-10-11")).model, "cv-1");
  EXPECT_TRUE(contains(before,
                       "échéance du 2021-10-12 pas encore atteinte à la date de référence "
                       "2021-10-11"))
      << before;
}

TEST(ExplainConvention, SaysWhyASuspendedOrProvisionalTrancheIsSo) {
  Project p = valid_project();
  p.add(Versement{
      "cv-1", 1, 1, d("2021-05-20"), Money::euros(10000), VersementStatut::Suspendue, {}});
  Avenant a = avenant("av-1", "cv-1", 1, "2022-06-15", AvenantObjet::AjoutPostes);
  a.postes_ajoutes = {poste(2, std::nullopt, ContractType::CddDroitPublic)};
  p.add(a);
  std::string text = explain_convention(p.run(d("2022-07-01")).model, "cv-1");
  EXPECT_TRUE(contains(text, "versement enregistré avec le statut « suspendue » le 2021-05-20"))
      << text;
  EXPECT_TRUE(contains(text,
                       "· pourquoi : échéancier provisoire : poste vacant, sans date de départ en "
                       "formation"))
      << text;
}

TEST(ExplainConvention, NamesItsSourcesInWords) {
  std::string text = explain_convention(valid_project().run().model, "cv-1");
  // The schedule's source (the test baremes: [000 III.3]) on each due date, in words.
  EXPECT_TRUE(contains(text,
                       "+ 1 mois = échéance le 2021-05-12 (appel à manifestation d'intérêt "
                       "France Relance 2020, § III.3)"))
      << text;
  EXPECT_FALSE(contains(text, "[000")) << text;
}

TEST(ExplainConvention, IsEmptyForAnUnknownConvention) {
  EXPECT_EQ(explain_convention(valid_project().run().model, "cv-404"), "");
}

}  // namespace
}  // namespace tampon::testing
