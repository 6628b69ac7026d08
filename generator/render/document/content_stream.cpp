#include "render/document/content_stream.hpp"

#include <cmath>
#include <cstdlib>

#include "render/document/font_face.hpp"

namespace tampon::doc {

void ContentStream::number(double v) {
  long long hundredths = std::llround(v * 100.0);
  if (hundredths < 0) {
    m_out += '-';
    hundredths = -hundredths;
  }
  m_out += std::to_string(hundredths / 100);
  int frac = static_cast<int>(hundredths % 100);
  if (frac != 0) {
    m_out += '.';
    m_out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) m_out += static_cast<char>('0' + frac % 10);
  }
  m_out += ' ';
}

void ContentStream::fill_color(Color c) {
  number(c.r);
  number(c.g);
  number(c.b);
  m_out += "rg\n";
}

void ContentStream::stroke_color(Color c) {
  number(c.r);
  number(c.g);
  number(c.b);
  m_out += "RG\n";
}

void ContentStream::line_width(double w) {
  number(w);
  m_out += "w\n";
}

void ContentStream::rect(double x, double y, double w, double h) {
  number(x);
  number(y);
  number(w);
  number(h);
  m_out += "re\n";
}

void ContentStream::move_to(double x, double y) {
  number(x);
  number(y);
  m_out += "m\n";
}

void ContentStream::line_to(double x, double y) {
  number(x);
  number(y);
  m_out += "l\n";
}

void ContentStream::curve_to(double x1, double y1, double x2, double y2, double x, double y) {
  for (double v : {x1, y1, x2, y2, x, y}) number(v);
  m_out += "c\n";
}

void ContentStream::paint(bool fill, bool stroke) {
  m_out += fill && stroke ? "B\n" : fill ? "f\n" : stroke ? "S\n" : "n\n";
}

void ContentStream::hex4(std::uint16_t gid) {
  static constexpr char k_digits[] = "0123456789ABCDEF";
  m_out += k_digits[gid >> 12 & 0xF];
  m_out += k_digits[gid >> 8 & 0xF];
  m_out += k_digits[gid >> 4 & 0xF];
  m_out += k_digits[gid & 0xF];
}

void ContentStream::text(std::string_view font_resource, const FontFace& face, double size,
                         double x, double y, std::string_view utf8, double extra_space) {
  m_out += "BT\n/";
  m_out += font_resource;
  m_out += ' ';
  number(size);
  m_out += "Tf\n";
  number(x);
  number(y);
  m_out += "Td\n[<";
  // TJ numbers are thousandths of the font size, positive moving left.
  long adjust = std::lround(-extra_space * 1000.0 / size);
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c = next_codepoint(utf8, i);
    hex4(face.glyph(c));
    if (c == U' ' && adjust != 0) {
      m_out += "> ";
      m_out += std::to_string(adjust);
      m_out += " <";
    }
  }
  m_out += ">] TJ\nET\n";
}

}  // namespace tampon::doc
