// bulletin: chart geometry shared by the SVG and PDF charts.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "bulletin_fixture.hpp"
#include "chart_geometry.hpp"
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

// One layout for both drawings: the SVG and the PDF frames differ only in units and offsets,
// so the bars they get stand in the same proportions.
TEST(BulletinChart, BothFramesGiveTheSameBarsInTheirOwnUnits) {
  auto model = bulletin_model();
  auto data =
      bulletin::bulletin_data(*model, model->records.structures[0], {2022, 2}, model->as_of);
  using bulletin::ChartShape;
  bulletin::MonthChartFrame wide{
      .left = 48, .right = 630, .top = 16, .base = 216, .bar_gap = 1, .empty_bars = true};
  bulletin::MonthChartFrame page{
      .left = 36, .right = 500, .top = 10, .base = 150, .bar_gap = 0.5, .empty_bars = false};
  auto bars = [](const std::vector<ChartShape>& shapes) {
    std::vector<ChartShape> out;
    for (const ChartShape& s : shapes)
      if (s.type == ChartShape::Type::Bar) out.push_back(s);
    return out;
  };
  auto a = bars(bulletin::month_chart_shapes(data, wide));
  auto b = bars(bulletin::month_chart_shapes(data, page));
  ASSERT_EQ(a.size(), 12u);  // three months × four series, zeros included (SVG)
  std::size_t j = 0;
  for (const ChartShape& bar : a) {
    if (bar.h == 0) continue;  // the PDF draws no bar for a zero
    ASSERT_LT(j, b.size());
    EXPECT_EQ(b[j].series, bar.series);
    EXPECT_NEAR(bar.h / (216 - 16), b[j].h / (150 - 10), 1e-9);
    EXPECT_NEAR((bar.x - 48) / (630 - 48), (b[j].x - 36) / (500 - 36), 0.01);
    ++j;
  }
  EXPECT_EQ(j, b.size());
  // Each bar's value is printed, zeros too, in both.
  auto values = [](const std::vector<ChartShape>& shapes) {
    return std::count_if(shapes.begin(), shapes.end(), [](const ChartShape& s) {
      return s.type == ChartShape::Type::Label && s.kind == bulletin::LabelKind::BarValue;
    });
  };
  EXPECT_EQ(values(bulletin::month_chart_shapes(data, wide)), 12);
  EXPECT_EQ(values(bulletin::month_chart_shapes(data, page)), 12);
}

TEST(BulletinChart, CategoryBarsAreProportionalAndNeverVanish) {
  std::vector<bulletin::Bar> bars{{"Démarches en ligne", 40}, {"Santé", 10}, {"Budget", 0}};
  bulletin::BarChartFrame f{.label_width = 100, .bar_max = 200, .row = 20, .min_bar = 1};
  auto shapes = bulletin::bar_chart_shapes(bars, f);
  ASSERT_EQ(shapes.size(), 9u);  // label, bar, value per row
  EXPECT_EQ(shapes[1].w, 200);
  EXPECT_EQ(shapes[4].w, 50);
  EXPECT_EQ(shapes[7].w, 1);  // a zero keeps a sliver, its value says 0
  EXPECT_EQ(shapes[8].text, "0");
  EXPECT_EQ(shapes[3].y - shapes[0].y, 20);
}

}  // namespace
}  // namespace tampon::testing
