#pragma once
/// Chart geometry shared by the SVG (HTML) and vector (PDF) renderings, so both show the same
/// bars: a grouped bar chart by month and a horizontal bar chart by category.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "bulletin_data.hpp"

namespace tampon::bulletin {

/// What a count counts, for text alternatives: French puts 0 and 1 in the singular.
struct Unit {
  std::string_view singular, plural;
};
/// "0 atelier collectif", "1 atelier collectif", "12 ateliers collectifs".
std::string counted(long long value, Unit unit);

struct Series {
  std::string label;
  Unit unit;
  std::array<double, 3> rgb;  ///< 0..1
  std::string hex;            ///< "#000091"
};

/// The four session counts charted by month.
const std::vector<Series>& month_series();
long long month_value(const Totals& totals, std::size_t series);

/// The `index`-th month (0..2) of the quarter.
Month quarter_month(Quarter quarter, std::size_t index);

/// The month table, one row per indicator (then the reports received), one column per month:
/// four columns fit a page where eight did not.
struct MonthRow {
  std::string_view label;
  std::array<long long, 3> values{};
};
std::vector<MonthRow> month_rows(const BulletinData& data);

/// A value axis: ticks every `step` (1, 2 or 5 × 10^n) from 0 to `max`, at most five steps,
/// `max` the first tick at or above the largest value (and at least one step).
struct Axis {
  long long max = 1, step = 1;
};
Axis value_axis(long long largest);
/// The axis of the month chart: the largest of the charted values.
Axis month_axis(const BulletinData& data);

struct Bar {
  std::string label;
  long long value = 0;
};
/// Non-zero themes, largest first (ties in list order).
std::vector<Bar> theme_bars(const BulletinData& data);
std::vector<Bar> place_bars(const BulletinData& data);

/// French, for text alternatives: "avril 2022 : 42 accompagnements individuels, …".
std::string month_chart_description(const BulletinData& data);
std::string bars_description(const std::vector<Bar>& bars, Unit unit);

}  // namespace tampon::bulletin
