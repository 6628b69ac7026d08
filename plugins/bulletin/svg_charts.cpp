#include "svg_charts.hpp"

#include <algorithm>
#include <cstdio>

#include "render/fr_format.hpp"
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

constexpr double k_width = 640, k_left = 48, k_right = 630, k_top = 16, k_base = 216;

std::string axis(Axis a) {
  std::string out;
  for (long long t = 0; t <= a.max; t += a.step) {
    double y = k_base - (k_base - k_top) * static_cast<double>(t) / static_cast<double>(a.max);
    out += "<line x1=\"" + num(k_left) + "\" x2=\"" + num(k_right) + "\" y1=\"" + num(y) +
           "\" y2=\"" + num(y) + "\" class=\"grille\"/>";
    out += text(k_left - 6, y + 4, fr::number(t), " text-anchor=\"end\" class=\"axe\"");
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
  const auto& series = month_series();
  Axis scale = month_axis(data);
  double max = static_cast<double>(scale.max);
  std::string out = open_svg(id, k_width, 282, "Activité par mois", month_chart_description(data));
  out += axis(scale);
  double group = (k_right - k_left) / 3, bar = group / (static_cast<double>(series.size()) + 1.5);
  for (std::size_t m = 0; m < 3; ++m) {
    double x = k_left + group * static_cast<double>(m) + bar * 0.75;
    for (std::size_t s = 0; s < series.size(); ++s, x += bar) {
      long long v = month_value(data.months[m], s);
      double h = (k_base - k_top) * static_cast<double>(v) / max;
      out += rect(x + 1, k_base - h, bar - 2, h, series[s].hex);
      out += text(x + bar / 2, k_base - h - 3, fr::number(v),
                  " text-anchor=\"middle\" class=\"valeur\"");
    }
    Month month = quarter_month(data.quarter, m);
    out += text(k_left + group * (static_cast<double>(m) + 0.5), k_base + 16, fr::month_long(month),
                " text-anchor=\"middle\" class=\"axe\"");
  }
  return out + legend(254) + "</svg>";
}

std::string bar_chart_svg(const std::vector<Bar>& bars, std::string_view id, std::string_view title,
                          std::string_view description) {
  constexpr double label_width = 220, bar_max = 340, row = 22;
  double height = row * static_cast<double>(bars.size()) + 8;
  std::string out = open_svg(id, k_width, height, title, description);
  long long max = 1;
  for (const Bar& b : bars) max = std::max(max, b.value);
  double y = 4;
  for (const Bar& b : bars) {
    double w = bar_max * static_cast<double>(b.value) / static_cast<double>(max);
    out += text(label_width - 8, y + 14, b.label, " text-anchor=\"end\" class=\"axe\"");
    out += rect(label_width, y + 3, std::max(w, 1.0), row - 8, "#000091");
    out += text(label_width + w + 6, y + 14, fr::number(b.value), " class=\"valeur\"");
    y += row;
  }
  return out + "</svg>";
}

}  // namespace tampon::bulletin
