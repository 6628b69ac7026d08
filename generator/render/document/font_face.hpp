#pragma once
/// Text measurement: the few TrueType tables the layout needs (cmap, hmtx, hhea, head), read
/// once per font file and shared read-only by every document and thread. Widths are the
/// unscaled advances the PDF's /W array will carry, so what the layout measures is what the
/// viewer draws.
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <unordered_map>
#include <vector>

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

  explicit FontFace(std::filesystem::path file);  // use load()

 private:
  void parse(const std::vector<unsigned char>& data);
  void parse_cmap(const std::vector<unsigned char>& data, std::size_t offset);

  std::filesystem::path m_file;
  std::vector<std::uint16_t> m_bmp;  ///< BMP code point → glyph id (65 536 entries)
  std::unordered_map<char32_t, std::uint16_t> m_astral;  ///< beyond the BMP
  std::vector<double> m_advances;                        ///< by glyph id, thousandths of an em
  double m_ascent = 0, m_descent = 0;
};

/// Decodes one UTF-8 code point at `i` and advances `i`; invalid bytes give U+FFFD.
char32_t next_codepoint(std::string_view utf8, std::size_t& i);
void append_utf8(std::string& out, char32_t c);

}  // namespace tampon::doc
