// bulletin: chart geometry shared by the SVG and PDF charts.
#include <gtest/gtest.h>

#include <regex>

#include "bulletin_fixture.hpp"
#include "chart_model.hpp"
#include "svg_charts.hpp"

namespace tampon::testing {
namespace {

using bulletin::Axis;
using bulletin::value_axis;

TEST(BulletinChart, ValueAxisEndsOnTheFirstRoundTickAboveTheLargestValue) {
  auto check = [](long long largest, long long max, long long step) {
    Axis a = value_axis(largest);
    EXPECT_EQ(a.max, max) << largest;
    EXPECT_EQ(a.step, step) << largest;
  };
  check(0, 1, 1);
  check(1, 1, 1);
  check(7, 8, 2);
  check(45, 50, 10);
  check(130, 150, 50);
  check(182, 200, 50);
  check(1001, 1500, 500);
}

TEST(BulletinChart, MonthLegendTakesTwoRowsSoLongLabelsNeverOverlap) {
  auto model = bulletin_model();
  auto data =
      bulletin::bulletin_data(*model, model->records.structures[0], {2022, 2}, model->as_of);
  std::string svg = bulletin::month_chart_svg(data, "g");
  std::regex legend("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" class=\"legende\">([^<]*)</text>");
  std::vector<std::pair<double, double>> places;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), legend); it != std::sregex_iterator();
       ++it)
    places.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  ASSERT_EQ(places.size(), 4u);
  EXPECT_EQ(places[0].second, places[1].second);
  EXPECT_LT(places[1].second, places[2].second);
  // "Accompagnements individuels" (27 characters, about 6 px each at 11 px) fits before the
  // second column.
  EXPECT_GT(places[1].first - places[0].first, 27 * 6.5);
  // Ticks every 5 up to 20 for a largest month value of 17.
  EXPECT_NE(svg.find(">20</text>"), std::string::npos);
  EXPECT_NE(svg.find(">15</text>"), std::string::npos);
}

}  // namespace
}  // namespace tampon::testing
