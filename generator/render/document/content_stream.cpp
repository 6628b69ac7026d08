#include "render/document/content_stream.hpp"

#include <cmath>
#include <cstdlib>

#include "render/document/font_subset.hpp"

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
  end_text();
  number(x);
  number(y);
  number(w);
  number(h);
  m_out += "re\n";
}

void ContentStream::move_to(double x, double y) {
  end_text();
  number(x);
  number(y);
  m_out += "m\n";
}

void ContentStream::line_to(double x, double y) {
  end_text();
  number(x);
  number(y);
  m_out += "l\n";
}

void ContentStream::curve_to(double x1, double y1, double x2, double y2, double x, double y) {
  end_text();
  for (double v : {x1, y1, x2, y2, x, y}) number(v);
  m_out += "c\n";
}

void ContentStream::paint(bool fill, bool stroke) {
  end_text();
  m_out += fill && stroke ? "B\n" : fill ? "f\n" : stroke ? "S\n" : "n\n";
}

void ContentStream::end_text() {
  if (!m_in_text) return;
  m_out += "ET\n";
  m_in_text = false;
}

void ContentStream::begin_marked(std::string_view tag, int mcid) {
  end_text();
  m_out += '/';
  m_out += tag;
  m_out += " <</MCID ";
  m_out += std::to_string(mcid);
  m_out += ">> BDC\n";
}

void ContentStream::begin_artifact(std::string_view properties) {
  end_text();
  if (properties.empty()) {
    m_out += "/Artifact BMC\n";
  } else {
    m_out += "/Artifact ";
    m_out += properties;
    m_out += " BDC\n";
  }
}

const std::string& ContentStream::finish() {
  end_text();
  return m_out;
}

void ContentStream::glyph(std::uint16_t gid) {
  // Two bytes per glyph in a literal string; the bytes a reader would take for syntax or
  // line ends are escaped.
  for (auto byte : {static_cast<unsigned char>(gid >> 8), static_cast<unsigned char>(gid & 0xFF)}) {
    switch (byte) {
      case '(':
        m_out += "\\(";
        break;
      case ')':
        m_out += "\\)";
        break;
      case '\\':
        m_out += "\\\\";
        break;
      case '\r':
        m_out += "\\r";
        break;
      case '\n':
        m_out += "\\n";
        break;
      default:
        m_out += static_cast<char>(byte);
    }
  }
}

void ContentStream::text(std::string_view font_resource, GlyphSubset& glyphs, double size, double x,
                         double y, std::string_view utf8, double extra_space) {
  // One text object for consecutive runs; the font is set again only when it changes (text
  // state outlives text objects).
  if (!m_in_text) {
    m_out += "BT\n";
    m_in_text = true;
  }
  if (font_resource != m_font || size != m_size) {
    m_out += '/';
    m_out += font_resource;
    m_out += ' ';
    number(size);
    m_out += "Tf\n";
    m_font = font_resource;
    m_size = size;
  }
  m_out += "1 0 0 1 ";
  number(x);
  number(y);
  m_out += "Tm\n[(";
  // TJ numbers are thousandths of the font size, positive moving left.
  long adjust = std::lround(-extra_space * 1000.0 / size);
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c = next_codepoint(utf8, i);
    glyph(glyphs.use(c));
    if (c == U' ' && adjust != 0) {
      m_out += ") ";
      m_out += std::to_string(adjust);
      m_out += " (";
    }
  }
  m_out += ")] TJ\n";
}

}  // namespace tampon::doc
