#include "svg_charts.hpp"

#include "chart_geometry.hpp"

#include <algorithm>
#include <cstdio>

#include "render/html_escape.hpp"

namespace tampon::bulletin {
namespace {

using render::html_escape;

std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

std::string open_svg(std::string_view id, double width, double height, std::string_view title,
                     std::string_view description) {
  std::string ids = std::string(id) + "-titre " + std::string(id) + "-desc";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + num(width) +
         " " + num(height) + "\" aria-labelledby=\"" + ids + "\"><title id=\"" + std::string(id) +
         "-titre\">" + html_escape(title) + "</title><desc id=\"" + std::string(id) + "-desc\">" +
         html_escape(description) + "</desc>";
}

std::string text(double x, double y, std::string_view content, std::string_view attrs = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + std::string(attrs) + ">" +
         html_escape(content) + "</text>";
}

std::string rect(double x, double y, double w, double h, std::string_view fill) {
  return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
         num(h) + "\" fill=\"" + std::string(fill) + "\"/>";
}

constexpr double k_width = 640, k_left = 48, k_right = 630;

constexpr MonthChartFrame k_month_frame{.left = k_left,
                                        .right = k_right,
                                        .top = 16,
                                        .base = 216,
                                        .bar_gap = 1,
                                        .empty_bars = true,
                                        .tick_dx = -6,
                                        .tick_dy = 4,
                                        .value_dy = -3,
                                        .month_dy = 16};
constexpr BarChartFrame k_bar_frame{.label_width = 220,
                                    .bar_max = 340,
                                    .row = 22,
                                    .top = 4,
                                    .label_gap = 8,
                                    .baseline = 14,
                                    .bar_top = 3,
                                    .bar_cut = 8,
                                    .min_bar = 1,
                                    .value_gap = 6};

/// The page's stylesheet styles labels by class (templates/bulletin/).
std::string_view class_of(LabelKind kind) {
  switch (kind) {
    case LabelKind::BarValue:
    case LabelKind::CategoryValue:
      return "valeur";
    case LabelKind::Tick:
    case LabelKind::Month:
    case LabelKind::Category:
      break;
  }
  return "axe";
}

std::string draw(const std::vector<ChartShape>& shapes) {
  const auto& series = month_series();
  std::string out;
  for (const ChartShape& s : shapes) switch (s.type) {
      case ChartShape::Type::GridLine:
        out += "<line x1=\"" + num(s.x) + "\" x2=\"" + num(s.x2) + "\" y1=\"" + num(s.y) +
               "\" y2=\"" + num(s.y) + "\" class=\"grille\"/>";
        break;
      case ChartShape::Type::Bar:
        out += rect(s.x, s.y, s.w, s.h,
                    s.series < 0 ? "#000091" : series[static_cast<std::size_t>(s.series)].hex);
        break;
      case ChartShape::Type::Label: {
        std::string attrs = s.align == LabelAlign::End      ? " text-anchor=\"end\""
                            : s.align == LabelAlign::Middle ? " text-anchor=\"middle\""
                                                            : "";
        out += text(s.x, s.y, s.text, attrs + " class=\"" + std::string(class_of(s.kind)) + "\"");
        break;
      }
    }
  return out;
}

/// Two rows of two entries: the longest labels do not fit on one row of the chart's width.
std::string legend(double y) {
  std::string out;
  const auto& series = month_series();
  for (std::size_t i = 0; i < series.size(); ++i) {
    double x = k_left + (i % 2 == 0 ? 0.0 : (k_right - k_left) / 2);
    double row = y + 18.0 * static_cast<double>(i / 2);
    out += rect(x, row - 9, 10, 10, series[i].hex) +
           text(x + 15, row, series[i].label, " class=\"legende\"");
  }
  return out;
}

}  // namespace

std::string month_chart_svg(const BulletinData& data, std::string_view id) {
  return open_svg(id, k_width, 282, "Activité par mois", month_chart_description(data)) +
         draw(month_chart_shapes(data, k_month_frame)) + legend(254) + "</svg>";
}

std::string bar_chart_svg(const std::vector<Bar>& bars, std::string_view id, std::string_view title,
                          std::string_view description) {
  double height = k_bar_frame.row * static_cast<double>(bars.size()) + 8;
  return open_svg(id, k_width, height, title, description) +
         draw(bar_chart_shapes(bars, k_bar_frame)) + "</svg>";
}

}  // namespace tampon::bulletin
