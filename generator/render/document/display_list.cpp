#include "render/document/display_list.hpp"

#include <algorithm>
#include <stdexcept>

#include "render/document/text_layout.hpp"

namespace tampon::doc {

void DisplayList::rect(double x, double y, double w, double h, const Paint& paint) {
  DrawOp op{.kind = DrawOp::Kind::Rect, .x = x, .y = y, .w = w, .h = h, .paint = paint};
  push(std::move(op));
}

void DisplayList::line(double x1, double y1, double x2, double y2, double width, Color color) {
  DrawOp op{.kind = DrawOp::Kind::Line, .x = x1, .y = y1, .w = x2, .h = y2, .color = color};
  op.line_width = width;
  push(std::move(op));
}

void DisplayList::path(const Path& path, const Paint& paint) {
  DrawOp op{.kind = DrawOp::Kind::Path, .paint = paint};
  op.path = path.points();
  push(std::move(op));
}

void DisplayList::text(double x, double y, std::string_view utf8, FontStyle style, double size,
                       Color color, TextAlign align) {
  if (align != TextAlign::Left) {
    double w = text_width(utf8, style, size);
    x -= align == TextAlign::Right ? w : w / 2;
  }
  run(x, y, std::string(utf8), style, size, 0, color);
}

double DisplayList::text_width(std::string_view utf8, FontStyle style, double size) const {
  if (!m_fonts) throw std::logic_error("DisplayList sans polices");
  return m_fonts->face(style).width(utf8, size);
}

void DisplayList::run(double x, double y, std::string text, FontStyle style, double size,
                      double extra_space, Color color) {
  if (m_fonts) require_glyphs(*m_fonts, style, text);
  DrawOp op{.kind = DrawOp::Kind::Text, .x = x, .y = y, .color = color, .style = style};
  op.size = size;
  op.text = std::move(text);
  op.extra_space = extra_space;
  push(std::move(op));
}

void DisplayList::run(double x, double y, const Run& r, double size) {
  run(x + r.x, y, r.text, r.style, size, r.extra_space);
  if (r.link.empty()) return;
  double spaces = static_cast<double>(std::count(r.text.begin(), r.text.end(), ' '));
  double width = text_width(r.text, r.style, size) + spaces * r.extra_space;
  // From the ascenders to just below the descenders, as readers highlight a selected line.
  DrawOp op{.kind = DrawOp::Kind::Link, .x = x + r.x, .y = y - size * 0.9, .w = width};
  op.h = size * 1.15;
  op.text = r.link;
  op.alt = r.text;
  push(std::move(op));
}

void DisplayList::signature_field(double x, double y, double w, double h, std::string name,
                                  std::string tooltip) {
  DrawOp op{.kind = DrawOp::Kind::SignatureField, .x = x, .y = y, .w = w, .h = h};
  op.text = std::move(name);
  op.alt = std::move(tooltip);
  push(std::move(op));
}

void DisplayList::tag(int node) {
  m_node = node;
  if (node < 0) return;
  DrawOp op{.kind = DrawOp::Kind::Mark};
  push(std::move(op));
}

}  // namespace tampon::doc
