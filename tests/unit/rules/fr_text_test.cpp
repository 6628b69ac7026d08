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
}  // namespace tampon
