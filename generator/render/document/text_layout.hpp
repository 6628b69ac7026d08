#pragma once
/// Inline text → lines of positioned runs: French spacing, words and spaces as boxes and glue,
/// hyphenation points as penalties, then Knuth–Plass (justified) or first-fit (ragged) breaking.
#include <string>
#include <vector>

#include "render/document/blocks.hpp"
#include "render/document/font_face.hpp"

namespace tampon::doc {

class Hyphenator;

/// The faces of one family, loaded.
struct FontSet {
  const FontFace* faces[4] = {};
  const FontFace& face(FontStyle style) const { return *faces[static_cast<int>(style)]; }
  static FontSet load(const FontFiles& files);
};

struct TextSettings {
  const FontSet* fonts = nullptr;
  const Hyphenator* hyphenator = nullptr;  ///< null: no hyphenation
  double size = 10.5;
  bool justify = true;
  FontStyle base_style = FontStyle::Regular;  ///< combined with each span's own style
};

/// Text in one face at one place. `extra_space` is added to the natural width of each U+0020
/// of `text` (how justified lines stretch their spaces).
struct Run {
  double x = 0;
  FontStyle style = FontStyle::Regular;
  std::string text;
  double extra_space = 0;
  std::string link{};  ///< the span's link target, if any
};

struct Line {
  std::vector<Run> runs;
  double width = 0;  ///< width actually used
};

std::vector<Line> layout_text(const Inline& text, double width, const TextSettings& settings);

/// Widths for table columns: the widest unbreakable piece, and the whole text on one line
/// (each hard line break starts a new measure).
struct TextExtent {
  double min_width = 0;
  double max_width = 0;
};
TextExtent measure_text(const Inline& text, const TextSettings& settings);

/// Throws MissingGlyph when a character of `text` is not in the face of `style`.
void require_glyphs(const FontSet& fonts, FontStyle style, std::string_view text);

FontStyle combine(FontStyle a, FontStyle b);

}  // namespace tampon::doc
