#pragma once
/// Chart geometry shared by the SVG (HTML) and vector (PDF) renderings, so both show the same
/// bars: a grouped bar chart by month and a horizontal bar chart by category.
#include <array>
#include <string>
#include <vector>

#include "bulletin_data.hpp"

namespace tampon::bulletin {

struct Series {
  std::string label;
  std::array<double, 3> rgb;  ///< 0..1
  std::string hex;            ///< "#000091"
};

/// The four session counts charted by month.
const std::vector<Series>& month_series();
long long month_value(const Totals& totals, std::size_t series);

/// A round axis maximum at or above `value` (1, 2, 5 × 10^n), at least 1.
long long nice_ceiling(long long value);

struct Bar {
  std::string label;
  long long value = 0;
};
/// Non-zero themes, largest first (ties in list order).
std::vector<Bar> theme_bars(const BulletinData& data);
std::vector<Bar> place_bars(const BulletinData& data);

/// French, for text alternatives: "avril 2022 : 42 accompagnements individuels, …".
std::string month_chart_description(const BulletinData& data);
std::string bars_description(const std::vector<Bar>& bars, std::string_view unit);

}  // namespace tampon::bulletin
