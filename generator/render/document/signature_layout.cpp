// The signature block: one column per party, its lines (the first in bold), then a box to sign
// in that carries an empty AcroForm signature field. The whole block is one slice, so it is
// never split across pages.
#include <algorithm>
#include <string>

#include "render/document/flow_layout.hpp"

namespace tampon::doc {
namespace {

constexpr double k_column_gap = 24;
constexpr double k_box_gap = 6;  // between the party's lines and its box
constexpr Color k_box_color = Color::gray(0.45);
constexpr Color k_caption_color = Color::gray(0.45);

}  // namespace

void layout_signatures(const Block& block, const StyleSheet& style, FlowResult& out, int parent) {
  std::size_t n = block.parties.size();
  if (n == 0) return;
  double column =
      (style.column_width - k_column_gap * static_cast<double>(n - 1)) / static_cast<double>(n);
  double size = style.body_size;
  double line_height = size * style.leading;
  TextSettings settings{style.fonts, nullptr, size, false, FontStyle::Regular};

  std::vector<std::vector<Line>> texts;
  std::size_t max_lines = 0;
  for (const SignatureParty& party : block.parties) {
    std::vector<Line> lines;
    for (std::size_t i = 0; i < party.lines.size(); ++i) {
      Inline text{{party.lines[i], i == 0 ? FontStyle::Bold : FontStyle::Regular}};
      auto wrapped = layout_text(text, column, settings);
      lines.insert(lines.end(), wrapped.begin(), wrapped.end());
    }
    separate_lines(lines);
    max_lines = std::max(max_lines, lines.size());
    texts.push_back(std::move(lines));
  }

  Slice s;
  double box_top = static_cast<double>(max_lines) * line_height + k_box_gap;
  s.height = box_top + style.signature_box_height;
  s.drawing = DisplayList(style.fonts);
  double baseline = baseline_in(style, FontStyle::Regular, size, line_height);
  // Structure: a Div per party holding its lines (P) and its signature field (Form); the box
  // and its "Signature" caption are artifacts, the field's tooltip says what it is for.
  int block_node = out.add_node("Div", parent);
  for (std::size_t p = 0; p < n; ++p) {
    double x = static_cast<double>(p) * (column + k_column_gap);
    int party = out.add_node("Div", block_node);
    s.drawing.tag(out.add_node("P", party));
    for (std::size_t k = 0; k < texts[p].size(); ++k)
      for (const Run& run : texts[p][k].runs)
        s.drawing.run(x + run.x, static_cast<double>(k) * line_height + baseline, run.text,
                      run.style, size, 0);
    s.drawing.tag(-1);
    s.drawing.rect(x, box_top, column, style.signature_box_height,
                   Paint::stroked(0.5, k_box_color));
    s.drawing.text(x + 4, box_top + 10, "Signature", FontStyle::Regular, 7.5, k_caption_color);
    ++out.signature_fields;
    const auto& lines = block.parties[p].lines;
    s.drawing.tag(out.add_node("Form", party));
    s.drawing.signature_field(
        x, box_top, column, style.signature_box_height,
        "signature-" + std::to_string(out.signature_fields),
        "Signature : " +
            (lines.empty() ? std::string("partie ") + std::to_string(p + 1) : lines.front()));
    s.drawing.tag(-1);
  }
  out.slices.push_back(std::move(s));
}

}  // namespace tampon::doc
