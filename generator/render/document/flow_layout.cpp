#include "render/document/flow_layout.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

namespace tampon::doc {
namespace {

struct HeadingStyle {
  double size;
  TextAlign align;
  FontStyle face;
  double space_before, space_after;
};

HeadingStyle heading_style(int level, double body) {
  if (level <= 1) return {body * 1.45, TextAlign::Center, FontStyle::Bold, 6, 10};
  if (level == 2) return {body * 1.1, TextAlign::Left, FontStyle::Bold, 14, 4};
  return {body, TextAlign::Left, FontStyle::Bold, 9, 2};
}

struct TextBox {
  double x = 0;      ///< left of the text inside the column
  double width = 0;  ///< measure
  double size = 0;
  TextAlign align = TextAlign::Left;
  double space_before = 0;
  std::string marker;  ///< list marker, hung left of x
  int node = -1;       ///< structure element of the text
  int label = -1;      ///< structure element of the marker (Lbl)
};

/// A list open at some indent, for the structure tree: its L element and the LBody of its
/// current item, where the item's further blocks (paragraphs, nested lists) go.
struct OpenList {
  double indent;
  int list;
  int body;
};

class FlowBuilder {
 public:
  FlowBuilder(const StyleSheet& style, FlowResult& out) : m_style(style), m_out(out) {}

  void block(const Block& b);

 private:
  void paragraph(const Block& b);
  void heading(const Block& b);
  void figure(const Block& b);
  void rule();
  /// The structure element a block at `indent` goes in (a list item's body, or the root),
  /// closing the lists it is outside of.
  int container(double indent);
  /// A list item at `indent`: its LI, Lbl and LBody elements; returns {Lbl, LBody}.
  std::pair<int, int> list_item(double indent);
  /// Lines of text as slices, with widow and orphan control.
  void text_lines(const Inline& text, const TextSettings& settings, const TextBox& box);
  void keep_last() {
    if (!m_out.slices.empty()) m_out.slices.back().break_after = false;
  }
  double take_space(double own) { return std::max(own, std::exchange(m_space_after, 0.0)); }
  TextSettings settings(double size, bool justify, FontStyle base) const {
    return {m_style.fonts, justify ? m_style.hyphenator : nullptr, size, justify, base};
  }

  const StyleSheet& m_style;
  FlowResult& m_out;
  double m_space_after = 0;
  bool m_page_break = false;
  bool m_after_title = false;  // the previous block is the document title (#)
  std::vector<OpenList> m_lists;
};

constexpr double k_indent_epsilon = 0.01;

int FlowBuilder::container(double indent) {
  while (!m_lists.empty() && m_lists.back().indent > indent + k_indent_epsilon) m_lists.pop_back();
  return m_lists.empty() ? 0 : m_lists.back().body;
}

std::pair<int, int> FlowBuilder::list_item(double indent) {
  int parent = container(indent);
  if (m_lists.empty() || m_lists.back().indent < indent - k_indent_epsilon)
    m_lists.push_back({indent, m_out.add_node("L", parent), parent});
  OpenList& list = m_lists.back();
  int item = m_out.add_node("LI", list.list);
  int label = m_out.add_node("Lbl", item);
  list.body = m_out.add_node("LBody", item);
  return {label, list.body};
}

void FlowBuilder::block(const Block& b) {
  std::size_t first = m_out.slices.size();
  double before = 0;
  switch (b.kind) {
    case Block::Kind::Paragraph:
      paragraph(b);
      break;
    case Block::Kind::Heading:
      heading(b);
      break;
    case Block::Kind::Table:
      before = take_space(m_style.paragraph_space + 2);
      layout_table(b, m_style, m_out, container(b.indent));
      m_space_after = m_style.paragraph_space + 2;
      break;
    case Block::Kind::Signatures:
      before = take_space(m_style.paragraph_space * 2);
      keep_last();  // the paragraph before ("Fait à …") goes with the signatures
      layout_signatures(b, m_style, m_out, container(b.indent));
      break;
    case Block::Kind::Figure:
      figure(b);
      break;
    case Block::Kind::Rule:
      rule();
      break;
    case Block::Kind::PageBreak:
      m_page_break = true;
      return;
  }
  m_after_title = b.kind == Block::Kind::Heading && b.level <= 1;
  if (m_out.slices.size() > first) {
    Slice& head = m_out.slices[first];
    head.space_before = std::max(head.space_before, before);
    head.page_break_before = std::exchange(m_page_break, false);
  }
}

void FlowBuilder::paragraph(const Block& b) {
  TextBox box;
  box.x = b.indent;
  box.width = m_style.column_width - b.indent;
  box.size = m_style.body_size;
  box.align = TextAlign::Left;
  box.marker = b.marker;
  box.space_before = take_space(b.in_tight_list ? 2 : m_style.paragraph_space);
  // A list item's first paragraph is the text of its LBody, without a P of its own: one
  // structure element less per item (each costs its object in the file).
  if (b.marker.empty())
    box.node = m_out.add_node("P", container(b.indent));
  else
    std::tie(box.label, box.node) = list_item(b.indent);
  // The paragraph right under the title is its subtitle: centred, kept with the title.
  bool subtitle = m_after_title && b.indent == 0 && b.marker.empty();
  if (subtitle) box.align = TextAlign::Center;
  text_lines(b.text, settings(box.size, !subtitle, FontStyle::Regular), box);
  if (subtitle) m_space_after = m_style.paragraph_space * 2;
}

void FlowBuilder::heading(const Block& b) {
  HeadingStyle h = heading_style(b.level, m_style.body_size);
  TextBox box;
  box.x = b.indent;
  box.width = m_style.column_width - b.indent;
  box.size = h.size;
  box.align = h.align;
  box.space_before = take_space(h.space_before);
  box.node = m_out.add_node("H" + std::to_string(std::clamp(b.level, 1, 6)), container(b.indent));
  for (const Span& span : b.text)
    m_out.structure[static_cast<std::size_t>(box.node)].title +=
        span.text == "\n" ? " " : span.text;
  std::size_t first = m_out.slices.size();
  text_lines(b.text, settings(h.size, false, h.face), box);
  if (m_out.slices.size() > first) m_out.slices[first].heading = box.node;
  for (std::size_t i = first; i < m_out.slices.size(); ++i) m_out.slices[i].break_after = false;
  m_space_after = h.space_after;
}

void FlowBuilder::figure(const Block& b) {
  Slice s;
  s.height = b.height;
  s.space_before = take_space(m_style.paragraph_space);
  s.drawing = DisplayList(m_style.fonts);
  int node = m_out.add_node("Figure", container(0));
  m_out.structure[static_cast<std::size_t>(node)].alt = b.alt;
  s.drawing.tag(node);
  if (b.draw) b.draw(s.drawing, m_style.column_width);
  m_out.slices.push_back(std::move(s));
  m_space_after = m_style.paragraph_space;
}

void FlowBuilder::rule() {
  Slice s;
  s.height = 10;
  s.space_before = take_space(m_style.paragraph_space);
  s.drawing = DisplayList(m_style.fonts);
  container(0);  // a rule ends the lists; it is drawn as an artifact
  double w = m_style.column_width;
  s.drawing.line(w * 0.3, 5, w * 0.7, 5, 0.5, Color::gray(0.5));
  m_out.slices.push_back(std::move(s));
}

void FlowBuilder::text_lines(const Inline& text, const TextSettings& ts, const TextBox& box) {
  std::vector<Line> lines = layout_text(text, box.width, ts);
  separate_lines(lines);
  double height = box.size * m_style.leading;
  std::size_t n = lines.size();
  // A link is a Link element inside the paragraph, holding its text and its annotations (one
  // per line it spans).
  std::string link_target;
  int link = -1;
  for (std::size_t k = 0; k < n; ++k) {
    Slice s;
    s.height = height;
    s.space_before = k == 0 ? box.space_before : 0;
    // Orphans and widows: at least two lines on each side of a page break.
    s.break_after = k + 1 == n || (k >= 1 && n - k - 1 >= 2);
    s.drawing = DisplayList(m_style.fonts);
    const Line& line = lines[k];
    double baseline = baseline_in(m_style, ts.base_style, box.size, height);
    double offset = box.align == TextAlign::Center  ? (box.width - line.width) / 2
                    : box.align == TextAlign::Right ? box.width - line.width
                                                    : 0;
    if (k == 0 && !box.marker.empty()) {  // the marker first: a reader says it first
      s.drawing.tag(box.label);
      double w = s.drawing.text_width(box.marker, FontStyle::Regular, box.size);
      s.drawing.run(box.x - w - box.size * 0.5, baseline, box.marker, FontStyle::Regular, box.size,
                    0);
    }
    int current = -2;
    for (const Run& run : line.runs) {
      int node = box.node;
      if (!run.link.empty()) {
        if (link < 0 || run.link != link_target) {
          link = m_out.add_node("Link", box.node);
          link_target = run.link;
        }
        node = link;
      } else {
        link = -1;
      }
      if (node != current) s.drawing.tag(current = node);
      s.drawing.run(box.x + offset, baseline, run, box.size);
    }
    m_out.slices.push_back(std::move(s));
  }
}

}  // namespace

void separate_lines(std::vector<Line>& lines) {
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    if (lines[k].runs.empty()) continue;
    std::string& text = lines[k].runs.back().text;
    if (!text.empty() && text.back() != '-' && text.back() != ' ') text += ' ';
  }
}

double baseline_in(const StyleSheet& style, FontStyle face, double size, double height) {
  const FontFace& f = style.fonts->face(face);
  double ascent = f.ascent() * size / 1000, descent = -f.descent() * size / 1000;
  return (height - ascent - descent) / 2 + ascent;
}

FlowResult layout_flow(const std::vector<Block>& blocks, const StyleSheet& style) {
  FlowResult out;
  FlowBuilder builder(style, out);
  for (const Block& b : blocks) builder.block(b);
  return out;
}

}  // namespace tampon::doc
