// The value formats of records.md, on their boundaries.
#include "load/value_formats.hpp"
#include "tampon/suggest.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tampon::load {
namespace {

TEST(Ids, AcceptLowercaseDigitsAndDashesUpTo64Characters) {
  EXPECT_TRUE(is_valid_id("mairie-de-bazuel"));
  EXPECT_TRUE(is_valid_id("0"));
  EXPECT_TRUE(is_valid_id(std::string(64, 'a')));
  EXPECT_FALSE(is_valid_id(std::string(65, 'a')));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("-mairie"));
  EXPECT_TRUE(is_valid_id("mairie-"));  // the pattern allows a trailing dash
  EXPECT_FALSE(is_valid_id("Mairie"));
  EXPECT_FALSE(is_valid_id("mairie_de"));
  EXPECT_FALSE(is_valid_id("mairie/../x"));
  EXPECT_FALSE(is_valid_id("médiathèque"));
}

TEST(Ids, SuggestionFoldsCaseAccentsAndSeparators) {
  EXPECT_EQ(suggest_id("Mairie de Bazuel"), "mairie-de-bazuel");
  EXPECT_EQ(suggest_id("Médiathèque d'Étréchy"), "mediatheque-d-etrechy");
  EXPECT_EQ(suggest_id("cn_0001"), "cn-0001");
  EXPECT_EQ(suggest_id("!!!"), "");
}

TEST(Departements, CoverMainlandCorsicaAndOverseas) {
  for (const char* ok : {"01", "19", "21", "59", "95", "2A", "2B", "971", "972", "973", "974",
                         "975", "976", "977", "978", "986", "987", "988"})
    EXPECT_TRUE(is_valid_departement(ok)) << ok;
  for (const char* bad :
       {"00", "1", "20", "96", "99", "970", "979", "985", "989", "2C", "2a", "059", "", "9 5"})
    EXPECT_FALSE(is_valid_departement(bad)) << bad;
}

TEST(Siret, LuhnKeyIsChecked) {
  EXPECT_EQ(check_siret("20004020400014"), SiretCheck::Valid);
  EXPECT_EQ(check_siret("20004020400015"), SiretCheck::BadChecksum);
  EXPECT_EQ(check_siret("73282932000074"), SiretCheck::Valid);
  EXPECT_EQ(check_siret("2000402040001"), SiretCheck::NotFourteenDigits);
  EXPECT_EQ(check_siret("200040204000140"), SiretCheck::NotFourteenDigits);
  EXPECT_EQ(check_siret("2000402040001A"), SiretCheck::NotFourteenDigits);
  EXPECT_EQ(check_siret("200 040 204 00014"), SiretCheck::NotFourteenDigits);
}

TEST(Siret, LaPosteUsesTheSumOfDigitsRule) {
  // Digit sums: …00042 → 20 (valid), …00048 → 26 (invalid).
  EXPECT_EQ(check_siret("35600000000042"), SiretCheck::Valid);
  EXPECT_EQ(check_siret("35600000000048"), SiretCheck::BadChecksum);
  // Luhn fails here (key 8) but the digit sum is 45: valid for La Poste.
  EXPECT_EQ(check_siret("35600000049837"), SiretCheck::Valid);
}

TEST(Hints, EditDistanceCountsSwapsAsOneEdit) {
  EXPECT_EQ(edit_distance("debut", "debut"), 0u);
  EXPECT_EQ(edit_distance("debutt", "debut"), 1u);
  EXPECT_EQ(edit_distance("dbeut", "debut"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(Hints, ClosestSuggestsOnlyPlausibleTypos) {
  constexpr std::string_view keys[] = {"debut", "fin", "type", "heures_hebdo"};
  EXPECT_EQ(closest("debutt", keys), "debut");
  EXPECT_EQ(closest("heure_hebdo", keys), "heures_hebdo");
  EXPECT_EQ(closest("salaire", keys), std::nullopt);
  EXPECT_EQ(closest("fn", keys), "fin");
  EXPECT_EQ(closest("heures_hebdomadaires", keys), "heures_hebdo");
  EXPECT_EQ(closest("typ", keys), "type");
}

}  // namespace
}  // namespace tampon::load
