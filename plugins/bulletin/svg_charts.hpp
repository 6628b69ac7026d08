#pragma once
/// The bulletin's charts as inline SVG: role="img" with a <title> and a <desc> giving the
/// figures in words (the HTML also prints them in a table next to the chart).
#include <string>
#include <string_view>

#include "chart_model.hpp"

namespace tampon::bulletin {

/// Grouped bars: the quarter's three months × the four kinds of session.
std::string month_chart_svg(const BulletinData& data, std::string_view id);
/// Horizontal bars, one per category, largest first.
std::string bar_chart_svg(const std::vector<Bar>& bars, std::string_view id, std::string_view title,
                          std::string_view description);

}  // namespace tampon::bulletin
