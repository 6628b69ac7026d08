#include "render/document/pdf_font.hpp"

#include <cmath>
#include <cstdio>

#include "render/document/pdf_syntax.hpp"

namespace tampon::doc {
namespace {

using namespace PoDoFo;

/// A width in thousandths of an em, rounded to 1/1000 so the layout's measures are kept.
PdfVariant width_value(double w) {
  double rounded = std::round(w * 1000.0) / 1000.0;
  if (rounded == std::floor(rounded)) return PdfVariant(static_cast<pdf_int64>(rounded));
  return PdfVariant(rounded);
}

std::string hex4(unsigned v) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04X", v & 0xFFFF);
  return buffer;
}

/// UTF-16BE hex of a character, as ToUnicode wants it.
std::string utf16_hex(char32_t c) {
  if (c < 0x10000) return hex4(static_cast<unsigned>(c));
  char32_t v = c - 0x10000;
  return hex4(0xD800 + static_cast<unsigned>(v >> 10)) +
         hex4(0xDC00 + static_cast<unsigned>(v & 0x3FF));
}

}  // namespace

PdfFontResource::PdfFontResource(PdfVecObjects& objects, const FontFace& face,
                                 std::string resource_name, bool bold, bool italic)
    : m_objects(objects),
      m_glyphs(face),
      m_name(std::move(resource_name)),
      m_bold(bold),
      m_italic(italic),
      m_type0(objects.CreateObject("Font")) {}

PdfObject* PdfFontResource::font_file(const std::string& program) {
  PdfObject* file = m_objects.CreateObject();
  file->GetDictionary().AddKey("Length1", PdfVariant(static_cast<pdf_int64>(program.size())));
  set_flate_stream(*file, program);
  return file;
}

PdfObject* PdfFontResource::descriptor(const std::string& base_font, const std::string& program) {
  const FontFace& face = m_glyphs.face();
  PdfObject* d = m_objects.CreateObject("FontDescriptor");
  PdfDictionary& dict = d->GetDictionary();
  dict.AddKey("FontName", PdfName(base_font));
  // Flags: nonsymbolic (32), serif (2), italic (64) — ISO 32000 table 123.
  pdf_int64 flags = 32 | 2 | (m_italic ? 64 : 0);
  dict.AddKey("Flags", PdfVariant(flags));
  PdfArray bbox;
  for (int i = 0; i < 4; ++i)
    bbox.push_back(PdfVariant(static_cast<pdf_int64>(std::lround(face.bbox()[i]))));
  dict.AddKey("FontBBox", bbox);
  dict.AddKey("ItalicAngle", PdfVariant(static_cast<pdf_int64>(std::lround(face.italic_angle()))));
  dict.AddKey("Ascent", PdfVariant(static_cast<pdf_int64>(std::lround(face.ascent()))));
  dict.AddKey("Descent", PdfVariant(static_cast<pdf_int64>(std::lround(face.descent()))));
  dict.AddKey("CapHeight", PdfVariant(static_cast<pdf_int64>(std::lround(face.cap_height()))));
  dict.AddKey("StemV", PdfVariant(static_cast<pdf_int64>(m_bold ? 140 : 80)));
  dict.AddKey("FontFile2", font_file(program)->Reference());
  return d;
}

PdfObject* PdfFontResource::to_unicode() {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  const auto& pairs = m_glyphs.unicode();
  for (std::size_t i = 0; i < pairs.size(); i += 100) {  // at most 100 entries per block
    std::size_t end = std::min(pairs.size(), i + 100);
    cmap += std::to_string(end - i) + " beginbfchar\n";
    for (std::size_t k = i; k < end; ++k) {
      // Appended piece by piece: `"<" + std::string` trips GCC 12's -Wrestrict at -O3 (a false
      // positive, GCC bug 105329) and builds three temporaries per glyph.
      cmap.append("<").append(hex4(pairs[k].first)).append("> <");
      cmap.append(utf16_hex(pairs[k].second)).append(">\n");
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  PdfObject* stream = m_objects.CreateObject();
  set_flate_stream(*stream, cmap);
  return stream;
}

PdfArray PdfFontResource::widths() const {
  // /W [0 [w0 w1 w2 …]]: new glyph ids are consecutive from 0.
  PdfArray list;
  for (double w : m_glyphs.widths()) list.push_back(width_value(w));
  PdfArray out;
  out.push_back(PdfVariant(static_cast<pdf_int64>(0)));
  out.push_back(list);
  return out;
}

void PdfFontResource::finish() {
  std::string program = m_glyphs.font_program();  // first: it adds the composites' components
  std::string base_font = m_glyphs.tag() + "+" + m_glyphs.face().postscript_name();
  PdfObject* cid = m_objects.CreateObject("Font");
  PdfDictionary& c = cid->GetDictionary();
  c.AddKey(PdfName::KeySubtype, PdfName("CIDFontType2"));
  c.AddKey("BaseFont", PdfName(base_font));
  PdfDictionary system;
  system.AddKey("Registry", PdfString("Adobe"));
  system.AddKey("Ordering", PdfString("Identity"));
  system.AddKey("Supplement", PdfVariant(static_cast<pdf_int64>(0)));
  c.AddKey("CIDSystemInfo", system);
  c.AddKey("FontDescriptor", descriptor(base_font, program)->Reference());
  c.AddKey("DW", PdfVariant(static_cast<pdf_int64>(1000)));
  c.AddKey("W", widths());
  c.AddKey("CIDToGIDMap", PdfName("Identity"));

  PdfDictionary& t = m_type0->GetDictionary();
  t.AddKey(PdfName::KeySubtype, PdfName("Type0"));
  t.AddKey("BaseFont", PdfName(base_font));
  t.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cid->Reference());
  t.AddKey("DescendantFonts", descendants);
  t.AddKey("ToUnicode", to_unicode()->Reference());
}

}  // namespace tampon::doc
