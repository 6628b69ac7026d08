#pragma once
/// The glyphs of one face a document prints, renumbered in order of first use, and the
/// TrueType program holding only them. It replaces PoDoFo's own subsetting, which re-parses
/// the font file for every document and embeds a program the size of the whole glyph range:
/// in bulk rendering those two steps were half of the time. The font tables come from the
/// FontFace parsed once per process.
///
/// With CIDToGIDMap /Identity the content stream's codes are the new glyph ids, so a run of
/// text is encoded as it is painted, without a second pass.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "render/document/font_face.hpp"

namespace tampon::doc {

class GlyphSubset {
 public:
  explicit GlyphSubset(const FontFace& face);

  const FontFace& face() const { return m_face; }
  /// New glyph id of a character, assigned on first use (0 when the font lacks it).
  std::uint16_t use(char32_t c);

  /// The TrueType program: glyf, loca, hmtx, hhea, maxp, head and the hinting tables, with the
  /// composite glyphs' components added and renumbered.
  std::string font_program();
  /// (new glyph id, character) for the ToUnicode map, in glyph order.
  const std::vector<std::pair<std::uint16_t, char32_t>>& unicode() const { return m_unicode; }
  /// Advance of each new glyph id, thousandths of an em.
  std::vector<double> widths() const;
  /// Six capital letters derived from the glyphs used: the subset's name prefix (ISO 32000
  /// 9.6.4), identical for identical input.
  std::string tag() const;

 private:
  std::uint16_t map_glyph(std::uint16_t old_gid);
  void add_components();

  const FontFace& m_face;
  std::vector<std::uint16_t> m_old;                        ///< new id → old id; 0 → 0 (.notdef)
  std::unordered_map<std::uint16_t, std::uint16_t> m_new;  ///< old id → new id
  std::unordered_map<char32_t, std::uint16_t> m_chars;     ///< character → new id
  std::vector<std::pair<std::uint16_t, char32_t>> m_unicode;
};

}  // namespace tampon::doc
