#include "render/fr_format.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace tampon {
namespace {

// U+202F (narrow no-break space) groups thousands and U+00A0 precedes the euro sign, as ICU's
// fr-FR data does.
constexpr const char* k_nnbsp = "\u202F";
constexpr const char* k_nbsp = "\u00A0";

std::string fr_amount(std::string_view integer_part, std::string_view cents) {
  std::string out;
  for (char c : integer_part) out += c == ' ' ? std::string(k_nnbsp) : std::string(1, c);
  return out + "," + std::string(cents) + k_nbsp + "€";
}

struct AmountCase {
  std::int64_t cents;
  const char* figures;  // with plain spaces for the thousands; converted by fr_amount
  const char* words;
};

// The golden table of tricky amounts (issue #3): French numerals change form around 21, 71,
// 80, 81, 100, 200, 1 000 and at a round million.
constexpr AmountCase k_amounts[] = {
    {0, "0|00", "zéro euro"},
    {100, "1|00", "un euro"},
    {2100, "21|00", "vingt et un euros"},
    {7100, "71|00", "soixante et onze euros"},
    {8000, "80|00", "quatre-vingts euros"},
    {8100, "81|00", "quatre-vingt-un euros"},
    {10000, "100|00", "cent euros"},
    {20000, "200|00", "deux cents euros"},
    {20100, "201|00", "deux cent un euros"},
    {100000, "1 000|00", "mille euros"},
    {110000, "1 100|00", "mille cent euros"},
    {8000000, "80 000|00", "quatre-vingt mille euros"},
    {20000000, "200 000|00", "deux cent mille euros"},
    {100000000, "1 000 000|00", "un million d’euros"},
    {101, "1|01", "un euro et un centime"},
    {150, "1|50", "un euro et cinquante centimes"},
    {50, "0|50", "cinquante centimes"},
    {5000000, "50 000|00", "cinquante mille euros"},
    {3076544, "30 765|44",
     "trente mille sept cent soixante-cinq euros et quarante-quatre centimes"},
    {6750000, "67 500|00", "soixante-sept mille cinq cents euros"},
    {200000000, "2 000 000|00", "deux millions d’euros"},
    {100010000, "1 000 100|00", "un million cent euros"},
};

TEST(FrenchAmounts, FiguresUseNarrowSpacesAndCommaAndEuroSign) {
  for (const auto& c : k_amounts) {
    std::string_view figures = c.figures;
    auto bar = figures.find('|');
    EXPECT_EQ(fr::money(Money::cents(c.cents)),
              fr_amount(figures.substr(0, bar), figures.substr(bar + 1)))
        << c.cents;
  }
}

TEST(FrenchAmounts, WordsFollowTraditionalSpellingForEveryTrickyAmount) {
  for (const auto& c : k_amounts) EXPECT_EQ(fr::money_words(Money::cents(c.cents)), c.words);
}

TEST(FrenchDates, FirstOfTheMonthIsAnOrdinal) {
  EXPECT_EQ(fr::date_long(*Date::parse("2021-04-12")), "12 avril 2021");
  EXPECT_EQ(fr::date_long(*Date::parse("2021-05-01")), "1er mai 2021");
  EXPECT_EQ(fr::date_long(*Date::parse("2023-12-31")), "31 décembre 2023");
  EXPECT_EQ(fr::date_long(*Date::parse("2022-02-28")), "28 février 2022");
  EXPECT_EQ(fr::date_short(*Date::parse("2021-05-01")), "01/05/2021");
}

TEST(FrenchDates, MonthsAndQuartersReadAsWords) {
  EXPECT_EQ(fr::month_long(Month{2022, 4}), "avril 2022");
  EXPECT_EQ(fr::quarter_long(Quarter{2022, 1}), "1er trimestre 2022");
  EXPECT_EQ(fr::quarter_long(Quarter{2022, 2}), "2e trimestre 2022");
}

TEST(FrenchNumbers, PercentTakesANoBreakSpaceAndIntegersNarrowSpaces) {
  EXPECT_EQ(fr::percent(20), std::string("20") + k_nbsp + "%");
  EXPECT_EQ(fr::percent(100), std::string("100") + k_nbsp + "%");
  EXPECT_EQ(fr::number(1234), std::string("1") + k_nnbsp + "234");
  EXPECT_EQ(fr::number(42), "42");
}

TEST(FrenchFormatting, IsSafeToCallFromSeveralThreads) {
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        if (fr::money_words(Money::cents(3076544)) !=
            "trente mille sept cent soixante-cinq euros et quarante-quatre centimes")
          ++wrong;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace tampon
