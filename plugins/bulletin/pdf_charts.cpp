#include "pdf_charts.hpp"

#include <algorithm>

#include "render/fr_format.hpp"

namespace tampon::bulletin {
namespace {

using doc::Color;
using doc::FontStyle;
using doc::Paint;
using doc::TextAlign;

constexpr double k_left = 36, k_top = 10, k_base = 150;
constexpr Color k_grid = Color::gray(0.8);
constexpr Color k_text = Color::gray(0.15);
constexpr Color k_blue{0.0, 0.0, 0.569};

Color color_of(const Series& s) { return {s.rgb[0], s.rgb[1], s.rgb[2]}; }

void draw_axis(doc::Canvas& c, double right, Axis a) {
  for (long long t = 0; t <= a.max; t += a.step) {
    double y = k_base - (k_base - k_top) * static_cast<double>(t) / static_cast<double>(a.max);
    c.line(k_left, y, right, y, 0.5, k_grid);
    c.text(k_left - 4, y + 3, fr::number(t), FontStyle::Regular, 7, k_text, TextAlign::Right);
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
  const auto& series = month_series();
  Axis scale = month_axis(data);
  double max = static_cast<double>(scale.max);
  double right = width - 4;
  draw_axis(c, right, scale);
  double group = (right - k_left) / 3, bar = group / (static_cast<double>(series.size()) + 1.5);
  for (std::size_t m = 0; m < 3; ++m) {
    double x = k_left + group * static_cast<double>(m) + bar * 0.75;
    for (std::size_t s = 0; s < series.size(); ++s, x += bar) {
      long long v = month_value(data.months[m], s);
      double h = (k_base - k_top) * static_cast<double>(v) / max;
      if (h > 0) c.rect(x + 0.5, k_base - h, bar - 1, h, Paint::filled(color_of(series[s])));
      c.text(x + bar / 2, k_base - h - 2, fr::number(v), FontStyle::Regular, 6.5, k_text,
             TextAlign::Center);
    }
    Month month = quarter_month(data.quarter, m);
    c.text(k_left + group * (static_cast<double>(m) + 0.5), k_base + 12, fr::month_long(month),
           FontStyle::Regular, 8, k_text, TextAlign::Center);
  }
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
  constexpr double label_width = 170, row = 16;
  double bar_max = width - label_width - 50;
  long long max = 1;
  for (const Bar& b : bars) max = std::max(max, b.value);
  double y = 2;
  for (const Bar& b : bars) {
    double w = bar_max * static_cast<double>(b.value) / static_cast<double>(max);
    c.text(label_width - 6, y + 10, b.label, FontStyle::Regular, 8, k_text, TextAlign::Right);
    c.rect(label_width, y + 2, std::max(w, 0.5), row - 6, Paint::filled(k_blue));
    c.text(label_width + w + 4, y + 10, fr::number(b.value), FontStyle::Regular, 8, k_text);
    y += row;
  }
}

}  // namespace tampon::bulletin
