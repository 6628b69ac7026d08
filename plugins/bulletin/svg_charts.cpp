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

std::string axis(long long max) {
  std::string out;
  std::vector<long long> ticks{0, max};
  if (max % 2 == 0) ticks.insert(ticks.begin() + 1, max / 2);
  for (long long t : ticks) {
    double y = k_base - (k_base - k_top) * static_cast<double>(t) / static_cast<double>(max);
    out += "<line x1=\"" + num(k_left) + "\" x2=\"" + num(k_right) + "\" y1=\"" + num(y) +
           "\" y2=\"" + num(y) + "\" class=\"grille\"/>";
    out += text(k_left - 6, y + 4, fr::number(t), " text-anchor=\"end\" class=\"axe\"");
  }
  return out;
}

std::string legend(double y) {
  std::string out;
  double x = k_left;
  for (const Series& s : month_series()) {
    out += rect(x, y - 9, 10, 10, s.hex) + text(x + 14, y, s.label, " class=\"legende\"");
    x += 150;
  }
  return out;
}

}  // namespace

std::string month_chart_svg(const BulletinData& data, std::string_view id) {
  const auto& series = month_series();
  long long top = 0;
  for (const Totals& t : data.months)
    for (std::size_t s = 0; s < series.size(); ++s) top = std::max(top, month_value(t, s));
  long long max = nice_ceiling(top);
  std::string out = open_svg(id, k_width, 262, "Activité par mois", month_chart_description(data));
  out += axis(max);
  double group = (k_right - k_left) / 3, bar = group / (static_cast<double>(series.size()) + 1.5);
  for (std::size_t m = 0; m < 3; ++m) {
    double x = k_left + group * static_cast<double>(m) + bar * 0.75;
    for (std::size_t s = 0; s < series.size(); ++s, x += bar) {
      long long v = month_value(data.months[m], s);
      double h = (k_base - k_top) * static_cast<double>(v) / static_cast<double>(max);
      out += rect(x + 1, k_base - h, bar - 2, h, series[s].hex);
      out += text(x + bar / 2, k_base - h - 3, fr::number(v),
                  " text-anchor=\"middle\" class=\"valeur\"");
    }
    Month month{data.quarter.year, data.quarter.first_month().month + static_cast<unsigned>(m)};
    out += text(k_left + group * (static_cast<double>(m) + 0.5), k_base + 16, fr::month_long(month),
                " text-anchor=\"middle\" class=\"axe\"");
  }
  return out + legend(252) + "</svg>";
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
