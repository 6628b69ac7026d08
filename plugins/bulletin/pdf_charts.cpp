#include "pdf_charts.hpp"

#include "chart_geometry.hpp"

#include <algorithm>

#include "render/fr_format.hpp"

namespace tampon::bulletin {
namespace {

using doc::Color;
using doc::FontStyle;
using doc::Paint;
using doc::TextAlign;

constexpr double k_left = 36;
constexpr Color k_grid = Color::gray(0.8);
constexpr Color k_text = Color::gray(0.15);
constexpr Color k_blue{0.0, 0.0, 0.569};

Color color_of(const Series& s) { return {s.rgb[0], s.rgb[1], s.rgb[2]}; }

MonthChartFrame month_frame(double width) {
  return {.left = k_left,
          .right = width - 4,
          .top = 10,
          .base = 150,
          .bar_gap = 0.5,
          .empty_bars = false,
          .tick_dx = -4,
          .tick_dy = 3,
          .value_dy = -2,
          .month_dy = 12};
}

BarChartFrame bar_frame(double width) {
  constexpr double label_width = 170;
  return {.label_width = label_width,
          .bar_max = width - label_width - 50,
          .row = 16,
          .top = 2,
          .label_gap = 6,
          .baseline = 10,
          .bar_top = 2,
          .bar_cut = 6,
          .min_bar = 0.5,
          .value_gap = 4};
}

double size_of(LabelKind kind) {
  switch (kind) {
    case LabelKind::Tick:
      return 7;
    case LabelKind::BarValue:
      return 6.5;
    case LabelKind::Month:
    case LabelKind::Category:
    case LabelKind::CategoryValue:
      break;
  }
  return 8;
}

TextAlign align_of(LabelAlign align) {
  return align == LabelAlign::End      ? TextAlign::Right
         : align == LabelAlign::Middle ? TextAlign::Center
                                       : TextAlign::Left;
}

void draw(doc::Canvas& c, const std::vector<ChartShape>& shapes) {
  const auto& series = month_series();
  for (const ChartShape& s : shapes) switch (s.type) {
      case ChartShape::Type::GridLine:
        c.line(s.x, s.y, s.x2, s.y, 0.5, k_grid);
        break;
      case ChartShape::Type::Bar:
        c.rect(s.x, s.y, s.w, s.h,
               Paint::filled(s.series < 0 ? k_blue
                                          : color_of(series[static_cast<std::size_t>(s.series)])));
        break;
      case ChartShape::Type::Label:
        c.text(s.x, s.y, s.text, FontStyle::Regular, size_of(s.kind), k_text, align_of(s.align));
        break;
    }
}

void draw_legend(doc::Canvas& c, double y) {
  double x = k_left;
  for (const Series& s : month_series()) {
    c.rect(x, y - 7, 7, 7, Paint::filled(color_of(s)));
    c.text(x + 10, y, s.label, FontStyle::Regular, 7.5, k_text);
    x += c.text_width(s.label, FontStyle::Regular, 7.5) + 24;
  }
}

}  // namespace

void draw_month_chart(doc::Canvas& c, double width, const BulletinData& data) {
  draw(c, month_chart_shapes(data, month_frame(width)));
  draw_legend(c, k_month_chart_height - 8);
}

std::string month_chart_alt(const BulletinData& data) {
  const auto& series = month_series();
  std::string out = "Graphique en barres de l’activité par mois.";
  for (std::size_t m = 0; m < 3; ++m) {
    out += " " + fr::month_long(quarter_month(data.quarter, m)) + " :";
    for (std::size_t s = 0; s < series.size(); ++s)
      out += std::string(s == 0 ? " " : ", ") + series[s].label + " " +
             fr::number(month_value(data.months[m], s));
    out += ".";
  }
  return out;
}

std::string bar_chart_alt(std::string_view title, const std::vector<Bar>& bars) {
  std::string out = "Graphique en barres : " + std::string(title) + ".";
  for (std::size_t i = 0; i < bars.size(); ++i)
    out += std::string(i == 0 ? " " : ", ") + bars[i].label + " : " + fr::number(bars[i].value);
  return out + (bars.empty() ? "" : ".");
}

double bar_chart_height(const std::vector<Bar>& bars) {
  return 16.0 * static_cast<double>(bars.size()) + 6;
}

void draw_bar_chart(doc::Canvas& c, double width, const std::vector<Bar>& bars) {
  draw(c, bar_chart_shapes(bars, bar_frame(width)));
}

}  // namespace tampon::bulletin
