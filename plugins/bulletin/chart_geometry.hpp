#pragma once
/// The bulletin's two charts laid out once. `month_chart_shapes` and `bar_chart_shapes` place
/// every bar, grid line and label; the SVG backend (svg_charts.cpp, the HTML bulletin) and the
/// PDF backend (pdf_charts.cpp, drawing on doc::Canvas) only translate the shapes into their
/// elements, styles and colours. Each backend gives its frame: the plot area and the label
/// offsets in its own units (SVG user units, PDF points), so that both show the same bars.
#include <string>
#include <vector>

#include "chart_model.hpp"

namespace tampon::bulletin {

/// What a label is, for the backend's style (SVG class, PDF type size).
enum class LabelKind {
  Tick,           ///< a value of the axis
  BarValue,       ///< the figure above a month bar
  Month,          ///< a month's name under its group of bars
  Category,       ///< a theme or place, left of its bar
  CategoryValue,  ///< the figure right of a category's bar
};
enum class LabelAlign { Start, Middle, End };

struct ChartShape {
  enum class Type { GridLine, Bar, Label } type = Type::Bar;
  double x = 0, y = 0;  ///< bar: top left; label: anchor point on the baseline; line: start
  double w = 0, h = 0;  ///< bar: size
  double x2 = 0;        ///< line: the end, (x2, y)
  /// A bar's colour: the index of its series in month_series(), or -1 for the single colour
  /// of the category charts.
  int series = -1;
  std::string text;  ///< label
  LabelKind kind = LabelKind::Tick;
  LabelAlign align = LabelAlign::Start;
};

struct MonthChartFrame {
  double left = 0, right = 0, top = 0, base = 0;  ///< plot area: values 0 at `base`, max at `top`
  double bar_gap = 0;       ///< a bar starts this far into its slot and is twice it narrower
  bool empty_bars = false;  ///< draw a bar of height 0 for a zero (SVG) or nothing (PDF)
  double tick_dx = 0, tick_dy = 0;  ///< tick label, from the grid line's left end
  double value_dy = 0;              ///< bar value, from the bar's top (negative: above)
  double month_dy = 0;              ///< month name, below `base`
};

/// The grid, then for each month its four bars each followed by its value, then the month's
/// name (the order SVG readers and the PDF's content stream follow). No legend: its layout is
/// the backend's (two rows in the HTML, one measured row in the PDF).
std::vector<ChartShape> month_chart_shapes(const BulletinData& data, const MonthChartFrame& frame);

struct BarChartFrame {
  double label_width = 0;              ///< the bars start here; labels end `label_gap` before
  double bar_max = 0;                  ///< length of the longest bar
  double row = 0;                      ///< height of a row
  double top = 0;                      ///< first row's top
  double label_gap = 0, baseline = 0;  ///< labels: left of the bars, `baseline` below a row's top
  double bar_top = 0, bar_cut = 0;     ///< a bar: `bar_top` below the row's top, row - cut high
  double min_bar = 0;                  ///< shortest bar drawn, so that a row never looks empty
  double value_gap = 0;                ///< the value, right of its bar
};

/// Per bar: its label, the bar, its value.
std::vector<ChartShape> bar_chart_shapes(const std::vector<Bar>& bars, const BarChartFrame& frame);

}  // namespace tampon::bulletin
