#include "chart_geometry.hpp"

#include <algorithm>

#include "render/fr_format.hpp"

namespace tampon::bulletin {
namespace {

ChartShape label(double x, double y, std::string text, LabelKind kind, LabelAlign align) {
  ChartShape s;
  s.type = ChartShape::Type::Label;
  s.x = x;
  s.y = y;
  s.text = std::move(text);
  s.kind = kind;
  s.align = align;
  return s;
}

ChartShape bar(double x, double y, double w, double h, int series) {
  ChartShape s;
  s.type = ChartShape::Type::Bar;
  s.x = x;
  s.y = y;
  s.w = w;
  s.h = h;
  s.series = series;
  return s;
}

}  // namespace

std::vector<ChartShape> month_chart_shapes(const BulletinData& data, const MonthChartFrame& f) {
  const auto& series = month_series();
  Axis scale = month_axis(data);
  double max = static_cast<double>(scale.max);
  std::vector<ChartShape> shapes;
  for (long long t = 0; t <= scale.max; t += scale.step) {
    double y = f.base - (f.base - f.top) * static_cast<double>(t) / max;
    ChartShape line;
    line.type = ChartShape::Type::GridLine;
    line.x = f.left;
    line.y = y;
    line.x2 = f.right;
    shapes.push_back(line);
    shapes.push_back(
        label(f.left + f.tick_dx, y + f.tick_dy, fr::number(t), LabelKind::Tick, LabelAlign::End));
  }
  double group = (f.right - f.left) / 3, width = group / (static_cast<double>(series.size()) + 1.5);
  for (std::size_t m = 0; m < 3; ++m) {
    double x = f.left + group * static_cast<double>(m) + width * 0.75;
    for (std::size_t s = 0; s < series.size(); ++s, x += width) {
      long long v = month_value(data.months[m], s);
      double h = (f.base - f.top) * static_cast<double>(v) / max;
      if (h > 0 || f.empty_bars)
        shapes.push_back(
            bar(x + f.bar_gap, f.base - h, width - 2 * f.bar_gap, h, static_cast<int>(s)));
      shapes.push_back(label(x + width / 2, f.base - h + f.value_dy, fr::number(v),
                             LabelKind::BarValue, LabelAlign::Middle));
    }
    shapes.push_back(label(f.left + group * (static_cast<double>(m) + 0.5), f.base + f.month_dy,
                           fr::month_long(quarter_month(data.quarter, m)), LabelKind::Month,
                           LabelAlign::Middle));
  }
  return shapes;
}

std::vector<ChartShape> bar_chart_shapes(const std::vector<Bar>& bars, const BarChartFrame& f) {
  long long max = 1;
  for (const Bar& b : bars) max = std::max(max, b.value);
  std::vector<ChartShape> shapes;
  double y = f.top;
  for (const Bar& b : bars) {
    double w = f.bar_max * static_cast<double>(b.value) / static_cast<double>(max);
    shapes.push_back(label(f.label_width - f.label_gap, y + f.baseline, b.label,
                           LabelKind::Category, LabelAlign::End));
    shapes.push_back(
        bar(f.label_width, y + f.bar_top, std::max(w, f.min_bar), f.row - f.bar_cut, -1));
    shapes.push_back(label(f.label_width + w + f.value_gap, y + f.baseline, fr::number(b.value),
                           LabelKind::CategoryValue, LabelAlign::Start));
    y += f.row;
  }
  return shapes;
}

}  // namespace tampon::bulletin
