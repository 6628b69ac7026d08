// GFM tables: column widths fitted to their content (the automatic layout of HTML tables), one
// slice per row so a table splits between rows, the header row repeated on every page by the
// paginator (Slice::table, FlowResult::table_headers).
#include <algorithm>
#include <limits>
#include <numeric>

#include "render/document/flow_layout.hpp"

namespace tampon::doc {
namespace {

constexpr double k_border = 0.5;
constexpr Color k_border_color = Color::gray(0.35);
constexpr Color k_header_fill = Color::gray(0.9);

/// Widths that fill `avail`: every column gets at least its widest word; the space left goes
/// to the columns whose text would otherwise wrap, in proportion to how much they need.
std::vector<double> fit_columns(const std::vector<double>& min, const std::vector<double>& max,
                                double avail) {
  double sum_min = std::accumulate(min.begin(), min.end(), 0.0);
  double sum_max = std::accumulate(max.begin(), max.end(), 0.0);
  std::vector<double> widths(min.size());
  for (std::size_t c = 0; c < min.size(); ++c) {
    if (sum_max <= avail)
      widths[c] = max[c] + (avail - sum_max) * (sum_max > 0 ? max[c] / sum_max : 1.0 / min.size());
    else if (sum_min <= avail)
      widths[c] = min[c] + (avail - sum_min) * (max[c] - min[c]) / (sum_max - sum_min);
    else
      widths[c] = min[c] * avail / sum_min;  // too narrow: words will be split
  }
  return widths;
}

struct Measures {
  std::vector<double> min, max;
};

Measures measure_columns(const TableBlock& t, const TextSettings& body, const TextSettings& head,
                         double padding) {
  std::size_t cols = t.align.size();
  Measures m{std::vector<double>(cols, 0), std::vector<double>(cols, 0)};
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const TextSettings& s = r == 0 && t.has_header ? head : body;
    for (std::size_t c = 0; c < cols; ++c) {
      TextExtent e = measure_text(t.rows[r][c], s);
      m.min[c] = std::max(m.min[c], e.min_width + 2 * padding);
      m.max[c] = std::max(m.max[c], e.max_width + 2 * padding);
    }
  }
  return m;
}

Slice row_slice(const TableBlock& t, std::size_t r, const std::vector<double>& widths, double x0,
                const TextSettings& settings, const StyleSheet& style, FlowResult& out, int row) {
  double line_height = settings.size * 1.25;
  std::vector<std::vector<Line>> cells;
  std::size_t max_lines = 1;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    cells.push_back(layout_text(t.rows[r][c], widths[c] - 2 * style.cell_padding_x, settings));
    separate_lines(cells.back());
    max_lines = std::max(max_lines, cells.back().size());
  }
  Slice s;
  s.height = static_cast<double>(max_lines) * line_height + 2 * style.cell_padding_y;
  s.drawing = DisplayList(style.fonts);
  double total = std::accumulate(widths.begin(), widths.end(), 0.0);
  bool header = r == 0 && t.has_header;
  if (header) s.drawing.rect(x0, 0, total, s.height, Paint::filled(k_header_fill));
  double baseline = baseline_in(style, settings.base_style, settings.size, line_height);
  double x = x0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    // Every cell gets its element, an empty one too: the columns stay aligned for a reader.
    int cell = out.add_node(header ? "TH" : "TD", row);
    out.structure[static_cast<std::size_t>(cell)].column_header = header;
    s.drawing.tag(cell);
    for (std::size_t k = 0; k < cells[c].size(); ++k) {
      const Line& line = cells[c][k];
      double inner = widths[c] - 2 * style.cell_padding_x;
      double offset = t.align[c] == TextAlign::Right    ? inner - line.width
                      : t.align[c] == TextAlign::Center ? (inner - line.width) / 2
                                                        : 0;
      double y = style.cell_padding_y + static_cast<double>(k) * line_height + baseline;
      for (const Run& run : line.runs)
        s.drawing.run(x + style.cell_padding_x + offset, y, run, settings.size);
    }
    x += widths[c];
  }
  // The borders after the cells, in one artifact: fewer marked-content sequences to write.
  s.drawing.tag(-1);
  x = x0;
  for (std::size_t c = 0; c + 1 < widths.size(); ++c) {
    x += widths[c];
    s.drawing.line(x, 0, x, s.height, k_border, k_border_color);
  }
  s.drawing.rect(x0, 0, total, s.height, Paint::stroked(k_border, k_border_color));
  return s;
}

}  // namespace

void layout_table(const Block& block, const StyleSheet& style, FlowResult& out, int parent) {
  const TableBlock& t = block.table;
  if (t.align.empty() || t.rows.empty()) return;
  TextSettings body{style.fonts, nullptr, style.table_size, false, FontStyle::Regular};
  TextSettings head = body;
  head.base_style = FontStyle::Bold;
  Measures m = measure_columns(t, body, head, style.cell_padding_x);
  std::vector<double> widths = fit_columns(m.min, m.max, style.column_width - block.indent);
  int table = static_cast<int>(out.table_headers.size());
  int element = out.add_node("Table", parent);
  out.table_headers.push_back(std::numeric_limits<std::size_t>::max());
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    bool header = r == 0 && t.has_header;
    Slice s = row_slice(t, r, widths, block.indent, header ? head : body, style, out,
                        out.add_node("TR", element));
    s.table = table;
    s.table_header = header;
    s.break_after = !header;  // the header row stays with the first row
    if (header) out.table_headers.back() = out.slices.size();
    out.slices.push_back(std::move(s));
  }
}

}  // namespace tampon::doc
