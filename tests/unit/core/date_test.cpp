#include "tampon/date.hpp"

#include <gtest/gtest.h>

namespace tampon {
namespace {

Date d(std::string_view iso) { return *Date::parse(iso); }

TEST(DateParse, RejectsImpossibleDays) {
  EXPECT_FALSE(Date::parse("2021-02-30"));
  EXPECT_FALSE(Date::parse("2021-02-29"));
  EXPECT_TRUE(Date::parse("2020-02-29"));
  EXPECT_FALSE(Date::parse("2021-2-03"));
  EXPECT_FALSE(Date::parse("2021-02-03x"));
  EXPECT_FALSE(Date::parse("2021-13-01"));
}

TEST(DatePlusMonths, ClampsToLastDayOfTargetMonth) {
  EXPECT_EQ(d("2021-01-31").plus_months(1), d("2021-02-28"));
  EXPECT_EQ(d("2020-01-31").plus_months(1), d("2020-02-29"));
  EXPECT_EQ(d("2021-03-31").plus_months(6), d("2021-09-30"));
  EXPECT_EQ(d("2021-04-12").plus_months(12), d("2022-04-12"));
  EXPECT_EQ(d("2021-12-15").plus_months(1), d("2022-01-15"));
}

TEST(MonthsCovered, EighteenMonthContractIsEighteen) {
  EXPECT_EQ(months_covered(d("2021-04-01"), d("2022-09-30")), 18);
  EXPECT_EQ(months_covered(d("2021-04-01"), d("2022-10-01")), 19);
  EXPECT_EQ(months_covered(d("2021-04-01"), d("2024-03-31")), 36);
  EXPECT_EQ(months_covered(d("2021-04-01"), d("2024-04-01")), 37);
  EXPECT_EQ(months_covered(d("2021-04-15"), d("2022-10-14")), 18);
  EXPECT_EQ(months_covered(d("2021-04-15"), d("2022-10-15")), 19);
}

TEST(QuarterAndMonth, ParseAndFormat) {
  EXPECT_EQ(Quarter::parse("2022-T2")->iso(), "2022-T2");
  EXPECT_FALSE(Quarter::parse("2022-T5"));
  EXPECT_EQ(Month::parse("2022-04")->last_day(), d("2022-04-30"));
  EXPECT_EQ(Quarter::of(d("2022-05-10")).iso(), "2022-T2");
}

}  // namespace
}  // namespace tampon
