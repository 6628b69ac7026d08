// The engine's TrueType subsetting: glyphs renumbered in order of use, composite glyphs with
// their components, and a program whose tables and checksums a font reader accepts.
#include "render/document/font_subset.hpp"

#include <gtest/gtest.h>

#include <map>

#include "render/document/document_engine.hpp"

namespace tampon::doc {
namespace {

const FontFace& serif() { return FontFace::load(FontFiles::liberation_serif().regular); }

std::uint32_t be32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<unsigned char>(s[at + 3]);
}
std::uint16_t be16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) << 8 |
                                    static_cast<unsigned char>(s[at + 1]));
}

struct Table {
  std::size_t offset, length;
  std::uint32_t checksum;
};

std::map<std::string, Table> directory(const std::string& font) {
  std::map<std::string, Table> tables;
  for (std::uint16_t i = 0; i < be16(font, 4); ++i) {
    std::size_t rec = 12 + 16u * i;
    tables[font.substr(rec, 4)] = {be32(font, rec + 8), be32(font, rec + 12), be32(font, rec + 4)};
  }
  return tables;
}

std::uint32_t sum(const std::string& s, std::size_t offset, std::size_t length) {
  std::uint32_t total = 0;
  for (std::size_t i = 0; i < length; i += 4) {
    std::uint32_t word = 0;
    for (std::size_t k = 0; k < 4; ++k)
      word = word << 8 | (i + k < length ? static_cast<unsigned char>(s[offset + i + k]) : 0u);
    total += word;
  }
  return total;
}

TEST(GlyphSubset, NumbersGlyphsInOrderOfFirstUse) {
  GlyphSubset subset(serif());
  EXPECT_EQ(subset.use(U'B'), 1);
  EXPECT_EQ(subset.use(U'a'), 2);
  EXPECT_EQ(subset.use(U'B'), 1);
  EXPECT_EQ(subset.use(U'漢'), 0);  // not in the font: .notdef (the layout refuses it earlier)
  // Each glyph names its character for text extraction (ToUnicode).
  std::uint16_t nbsp = subset.use(U'\u00A0');
  EXPECT_EQ(nbsp, 3);
  ASSERT_EQ(subset.unicode().size(), 3u);
  EXPECT_EQ(subset.unicode()[2], (std::pair<std::uint16_t, char32_t>{3, U'\u00A0'}));
}

TEST(GlyphSubset, WritesAProgramWithValidTablesAndChecksums) {
  GlyphSubset subset(serif());
  for (char32_t c : std::u32string(U"Convention signée à Saint-Léger : 50 000,00 € « œuvre »"))
    subset.use(c);
  std::string font = subset.font_program();
  auto tables = directory(font);
  for (const char* tag : {"glyf", "head", "hhea", "hmtx", "loca", "maxp"})
    ASSERT_TRUE(tables.contains(tag)) << tag;
  for (const auto& [tag, t] : tables) {
    ASSERT_LE(t.offset + t.length, font.size()) << tag;
    if (tag != "head") {  // head's checksum is taken with checkSumAdjustment at 0
      EXPECT_EQ(sum(font, t.offset, t.length), t.checksum) << tag;
    }
  }
  EXPECT_EQ(sum(font, 0, font.size()), 0xB1B0AFBAu);  // whole-file checksum with adjustment
  std::uint16_t glyphs = be16(font, tables["maxp"].offset + 4);
  EXPECT_EQ(glyphs, subset.widths().size());
  EXPECT_EQ(be16(font, tables["hhea"].offset + 34), glyphs);
  EXPECT_EQ(tables["hmtx"].length, 4u * glyphs);
  EXPECT_EQ(tables["loca"].length, 4u * (glyphs + 1u));
  EXPECT_EQ(be16(font, tables["head"].offset + 50), 1);  // long loca offsets
  // Offsets grow and the last one ends the glyph table.
  std::uint32_t previous = 0;
  for (std::uint16_t g = 0; g <= glyphs; ++g) {
    std::uint32_t offset = be32(font, tables["loca"].offset + 4u * g);
    EXPECT_GE(offset, previous);
    previous = offset;
  }
  EXPECT_EQ(previous, tables["glyf"].length);
  EXPECT_LT(font.size(), 40000u);  // a few dozen glyphs, not the whole font
}

TEST(GlyphSubset, CarriesTheComponentsOfCompositeGlyphsRenumbered) {
  GlyphSubset subset(serif());
  subset.use(U'é');  // an accented letter is a composite in Liberation Serif
  std::size_t before = subset.widths().size();
  std::string font = subset.font_program();
  std::size_t after = subset.widths().size();
  EXPECT_GT(after, before);
  auto tables = directory(font);
  const Table& glyf = tables["glyf"];
  std::uint32_t start = be32(font, tables["loca"].offset + 4);  // glyph 1: é
  ASSERT_EQ(static_cast<std::int16_t>(be16(font, glyf.offset + start)), -1);
  std::uint16_t component = be16(font, glyf.offset + start + 12);
  EXPECT_GT(component, 0);
  EXPECT_LT(component, after);
}

TEST(GlyphSubset, TagIsSixCapitalsAndDependsOnTheGlyphs) {
  GlyphSubset a(serif()), b(serif()), c(serif());
  a.use(U'a');
  b.use(U'a');
  c.use(U'b');
  EXPECT_EQ(a.tag(), b.tag());
  EXPECT_NE(a.tag(), c.tag());
  ASSERT_EQ(a.tag().size(), 6u);
  for (char ch : a.tag()) EXPECT_TRUE(ch >= 'A' && ch <= 'Z');
}

}  // namespace
}  // namespace tampon::doc
