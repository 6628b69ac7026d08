#include "core/fr_text.hpp"

#include <gtest/gtest.h>

namespace tampon {
namespace {

TEST(FrenchMoney, GroupsThousandsWithSpacesAndUsesACommaForCents) {
  EXPECT_EQ(text::money(Money::cents(164558)), "1 645,58 €");
  EXPECT_EQ(text::money(Money::cents(120000)), "1 200,00 €");
  EXPECT_EQ(text::money(Money::euros(50000)), "50 000,00 €");
  EXPECT_EQ(text::money(Money::euros(1234567)), "1 234 567,00 €");
  EXPECT_EQ(text::money(Money::cents(5)), "0,05 €");
  EXPECT_EQ(text::money(Money{}), "0,00 €");
  EXPECT_EQ(text::money(Money::cents(-150)), "-1,50 €");
  EXPECT_EQ(text::money(Money::euros(999)), "999,00 €");
}

TEST(FrenchHours, PrintsDecimalsOnlyWhenThereAreSome) {
  EXPECT_EQ(text::hours(35), "35");
  EXPECT_EQ(text::hours(17.5), "17,5");
  EXPECT_EQ(text::hours(28.75), "28,75");
}

TEST(FrenchCounts, SingularForOne) {
  EXPECT_EQ(text::days(1), "1 jour");
  EXPECT_EQ(text::days(16), "16 jours");
  EXPECT_EQ(text::months(19), "19 mois");
}

}  // namespace
// Source references of baremes.yaml and the rules, named in words (seeds/README.md).
TEST(SourceInWords, NamesEachDocumentAndItsSection) {
  EXPECT_EQ(text::source_in_words("[000 II.1]"),
            "appel à manifestation d'intérêt France Relance 2020, § II.1");
  EXPECT_EQ(text::source_in_words("[002 II.b] ; [004 §2] cite la ligne"),
            "appel à candidatures « Conseillers numériques coordinateurs » 2023, § II.b ; guide "
            "de l'employeur Conseiller numérique France Services, § 2 cite la ligne");
  EXPECT_EQ(text::source_in_words("[004 étape 5]"),
            "guide de l'employeur Conseiller numérique France Services, étape 5");
  EXPECT_EQ(text::source_in_words("[001]"),
            "lettre d'information sur l'appel à manifestation d'intérêt de 2020");
  // Two sections of one document: the document is named once.
  EXPECT_EQ(text::source_in_words("[000 II.1], [000 II.3], [003]"),
            "appel à manifestation d'intérêt France Relance 2020, § II.1 et § II.3, délibération "
            "de la communauté d'agglomération du Caudrésis-Catésis (18 février 2021)");
  // Unknown documents, other brackets and text without references are kept as written.
  EXPECT_EQ(text::source_in_words("[009 I.1], [note], domain.md §6"),
            "[009 I.1], [note], domain.md §6");
  EXPECT_EQ(text::source_in_words("[000 II.1"), "[000 II.1");
  EXPECT_EQ(text::source_in_words(""), "");
}

}  // namespace tampon
