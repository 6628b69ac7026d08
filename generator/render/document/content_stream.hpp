#pragma once
/// A PDF page content stream written as text, with the drawing operators the engine uses.
/// Coordinates given here are already in PDF space (origin bottom-left, y upwards). Numbers are
/// printed with two decimals by hand: the stream is the hottest path of bulk rendering and
/// printf/ostream formatting was a measurable share of it.
#include <cstdint>
#include <string>
#include <string_view>

#include "render/document/canvas.hpp"

namespace tampon::doc {

class GlyphSubset;

class ContentStream {
 public:
  void number(double v);
  void op(std::string_view text) { m_out += text; }
  void fill_color(Color c);
  void stroke_color(Color c);
  void line_width(double w);
  void rect(double x, double y, double w, double h);
  void move_to(double x, double y);
  void line_to(double x, double y);
  void curve_to(double x1, double y1, double x2, double y2, double x, double y);
  void close_path() {
    end_text();
    m_out += "h\n";
  }
  /// Ends the current path: fill, stroke, both, or neither.
  void paint(bool fill, bool stroke);
  /// One run of text in the Identity-H font named `font_resource`, whose glyph ids `glyphs`
  /// assigns; each U+0020 is followed by an adjustment of `extra_space` points.
  void text(std::string_view font_resource, GlyphSubset& glyphs, double size, double x, double y,
            std::string_view utf8, double extra_space);

  /// Marked content (tagged PDF): `/Tag <</MCID n>> BDC`, `/Artifact BMC` (or with the
  /// properties `<<...>>` given), `EMC`. Each closes an open text object first, so that marked
  /// content and text objects never overlap.
  void begin_marked(std::string_view tag, int mcid);
  void begin_artifact(std::string_view properties = {});
  void end_marked() {
    end_text();
    m_out += "EMC\n";
  }

  /// The finished stream (an open text object closed).
  const std::string& finish();

 private:
  void end_text();
  void glyph(std::uint16_t gid);
  std::string m_out;
  bool m_in_text = false;
  std::string m_font;  // text state: current font and size
  double m_size = -1;
};

}  // namespace tampon::doc
