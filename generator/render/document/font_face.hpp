#pragma once
/// Text measurement: the few TrueType tables the layout needs (cmap, hmtx, hhea, head), read
/// once per font file and shared read-only by every document and thread. Widths are the
/// unscaled advances the PDF's /W array will carry, so what the layout measures is what the
/// viewer draws.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/utf8.hpp"

namespace tampon::doc {

class FontFace {
 public:
  /// The face of `file`, parsed on first use (thread-safe); throws std::runtime_error when the
  /// file is unreadable or is not a TrueType font with a Unicode cmap.
  static const FontFace& load(const std::filesystem::path& file);

  const std::filesystem::path& file() const { return m_file; }
  /// Glyph id of a character, 0 when the font lacks it.
  std::uint16_t glyph(char32_t c) const;
  bool has(char32_t c) const { return glyph(c) != 0; }
  /// Advance of a character in thousandths of an em (0 for a missing one).
  double advance(char32_t c) const { return glyph_advance(glyph(c)); }
  double glyph_advance(std::uint16_t gid) const;
  /// Width of a UTF-8 text at `size` points.
  double width(std::string_view utf8, double size) const;
  double ascent() const { return m_ascent; }    ///< thousandths of an em, positive
  double descent() const { return m_descent; }  ///< thousandths of an em, negative

  // What embedding needs (font_subset.hpp): the raw tables and the descriptor's figures.
  /// The bytes of a table, empty when the font has none.
  std::string_view table(std::string_view tag) const;
  std::uint16_t glyph_count() const { return static_cast<std::uint16_t>(m_advances.size()); }
  double units_per_em() const { return m_units; }
  const std::string& postscript_name() const { return m_postscript_name; }
  /// Font bounding box in thousandths of an em: xMin, yMin, xMax, yMax.
  const double* bbox() const { return m_bbox; }
  double italic_angle() const { return m_italic_angle; }
  double cap_height() const { return m_cap_height; }  ///< thousandths of an em

  explicit FontFace(std::filesystem::path file);  // use load()

 private:
  void parse(const std::vector<unsigned char>& data);
  void parse_cmap(const std::vector<unsigned char>& data, std::size_t offset);

  void parse_names();

  std::filesystem::path m_file;
  std::vector<unsigned char> m_data;  ///< the whole file, for subsetting
  std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>>
      m_tables;  ///< offset, length
  double m_units = 1000;
  double m_bbox[4] = {0, 0, 0, 0};
  double m_italic_angle = 0;
  double m_cap_height = 0;
  std::string m_postscript_name;
  std::vector<std::uint16_t> m_bmp;  ///< BMP code point → glyph id (65 536 entries)
  std::unordered_map<char32_t, std::uint16_t> m_astral;  ///< beyond the BMP
  std::vector<double> m_advances;                        ///< by glyph id, thousandths of an em
  double m_ascent = 0, m_descent = 0;
};

/// The renderers' one UTF-8 codec (render/utf8.hpp), used throughout the engine.
using render::append_utf8;
using render::next_codepoint;

}  // namespace tampon::doc
