#pragma once
/// One embedded font of a document: a Type0 font over a CIDFontType2 with Identity-H encoding
/// and CIDToGIDMap /Identity, its FontDescriptor, the subset TrueType program (FontFile2) and a
/// ToUnicode map so text extraction gives the characters back. Built from a GlyphSubset after
/// the pages are painted.
#include <podofo/podofo.h>

#include <string>

#include "render/document/font_subset.hpp"

namespace tampon::doc {

class PdfFontResource {
 public:
  /// Creates the font's dictionary object now (pages refer to it while being painted); its
  /// content is written by finish().
  PdfFontResource(PoDoFo::PdfVecObjects& objects, const FontFace& face, std::string resource_name,
                  bool bold, bool italic);

  GlyphSubset& glyphs() { return m_glyphs; }
  const std::string& resource_name() const { return m_name; }
  PoDoFo::PdfReference reference() const { return m_type0->Reference(); }

  /// Writes the subset program and every dictionary around it.
  void finish();

 private:
  PoDoFo::PdfObject* font_file(const std::string& program);
  PoDoFo::PdfObject* descriptor(const std::string& base_font, const std::string& program);
  PoDoFo::PdfObject* to_unicode();
  PoDoFo::PdfArray widths() const;

  PoDoFo::PdfVecObjects& m_objects;
  GlyphSubset m_glyphs;
  std::string m_name;
  bool m_bold, m_italic;
  PoDoFo::PdfObject* m_type0;
};

}  // namespace tampon::doc
