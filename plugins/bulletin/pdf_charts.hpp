#pragma once
/// The bulletin's charts drawn with the document engine's vector primitives (PDF), from the
/// same geometry as the SVG ones.
#include <string>
#include <string_view>
#include <vector>

#include "chart_model.hpp"
#include "render/document/canvas.hpp"

namespace tampon::bulletin {

inline constexpr double k_month_chart_height = 190;
void draw_month_chart(doc::Canvas& canvas, double width, const BulletinData& data);

/// The charts' text alternatives (the PDF's /Alt), in French: what a screen reader says
/// instead of the drawing, every figure of the chart included.
std::string month_chart_alt(const BulletinData& data);
std::string bar_chart_alt(std::string_view title, const std::vector<Bar>& bars);

double bar_chart_height(const std::vector<Bar>& bars);
void draw_bar_chart(doc::Canvas& canvas, double width, const std::vector<Bar>& bars);

}  // namespace tampon::bulletin
