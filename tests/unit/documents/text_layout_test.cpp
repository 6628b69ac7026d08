// Line breaking, hyphenation and measurement of the document engine.
#include <gtest/gtest.h>

#include "render/document/font_face.hpp"
#include "render/document/hyphenator.hpp"
#include "render/document/line_breaker.hpp"
#include "render/document/text_layout.hpp"

namespace tampon::doc {
namespace {

const FontSet& fonts() {
  static const FontSet set = FontSet::load(FontFiles::liberation_serif());
  return set;
}

const Hyphenator& french() { return Hyphenator::load("/usr/share/hyphen/hyph_fr.dic"); }

std::string joined(const Line& line) {
  std::string out;
  for (const doc::Run& r : line.runs) out += r.text;
  return out;
}

double run_end(const Line& line, double size) {
  const doc::Run& last = line.runs.back();
  double w = fonts().face(last.style).width(last.text, size);
  for (char c : last.text)
    if (c == ' ') w += last.extra_space;
  return last.x + w;
}

const char* k_paragraph =
    "La présente convention a pour objet de fixer les conditions dans lesquelles l’État "
    "attribue à la structure accueillante une subvention pour le recrutement et l’accueil de "
    "conseillers numériques, chargés d’accompagner les habitants vers l’autonomie dans leurs "
    "usages quotidiens du numérique, notamment pour les démarches administratives en ligne.";

TEST(FontFace, LiberationSerifHasEveryCharacterFrenchDocumentsNeed) {
  const FontFace& face = fonts().face(FontStyle::Regular);
  for (char32_t c : {U'é', U'è', U'à', U'ç', U'œ', U'Œ', U'€', U'«', U'»', U'\u202F', U'\u00A0',
                     U'’', U'–', U'°'})
    EXPECT_TRUE(face.has(c)) << static_cast<unsigned>(c);
  EXPECT_FALSE(face.has(U'漢'));
  EXPECT_GT(face.advance(U'm'), face.advance(U'i'));
  EXPECT_DOUBLE_EQ(face.advance(U' '), 250.0);  // Times-compatible metrics
}

TEST(Hyphenator, BreaksFrenchWordsAtTheirSyllables) {
  auto points = french().points("représentée");
  ASSERT_FALSE(points.empty());
  std::string word = "représentée";
  EXPECT_EQ(word.substr(0, points.front()), "re");
  EXPECT_EQ(french().points("subvention"), (std::vector<std::size_t>{3, 6}));  // sub-ven-tion
}

TEST(Hyphenator, LeavesNamesFiguresAndShortWordsWhole) {
  EXPECT_TRUE(french().points("Caudrésis").empty());
  EXPECT_TRUE(french().points("50000").empty());
  EXPECT_TRUE(french().points("État").empty());
  EXPECT_TRUE(french().points("pour").empty());
}

TEST(Hyphenator, HyphenatesOnlyAfterAnElidedArticle) {
  std::string word = "l’accompagnement";
  auto points = french().points(word);
  ASSERT_FALSE(points.empty());
  for (std::size_t p : points) EXPECT_GT(p, std::string("l’ac").size() - 1);
}

TEST(LineBreaker, KnuthPlassFillsEveryLineButTheLast) {
  TextSettings s{&fonts(), &french(), 10.5, true, FontStyle::Regular};
  auto lines = layout_text({{k_paragraph, FontStyle::Regular}}, 300, s);
  ASSERT_GE(lines.size(), 4u);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    EXPECT_NEAR(run_end(lines[i], 10.5), 300.0, 0.05) << joined(lines[i]);
  EXPECT_LT(run_end(lines.back(), 10.5), 300.0);
  EXPECT_DOUBLE_EQ(lines.back().runs.back().extra_space, 0.0);
}

TEST(LineBreaker, KeepsInterwordSpacesWithinTolerance) {
  // No line is stretched beyond twice its stretchability: the spaces stay even (no rivers).
  TextSettings s{&fonts(), &french(), 10.5, true, FontStyle::Regular};
  double space = fonts().face(FontStyle::Regular).advance(U' ') * 10.5 / 1000;
  for (double width : {240.0, 300.0, 454.0})
    for (const Line& line : layout_text({{k_paragraph, FontStyle::Regular}}, width, s))
      for (const doc::Run& r : line.runs) EXPECT_LE(r.extra_space, space) << width << " " << r.text;
}

TEST(LineBreaker, HyphenatesWhenTheMeasureIsNarrow) {
  TextSettings s{&fonts(), &french(), 10.5, true, FontStyle::Regular};
  auto lines = layout_text({{k_paragraph, FontStyle::Regular}}, 150, s);
  int hyphenated = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string text = joined(lines[i]);
    if (!text.empty() && text.back() == '-') ++hyphenated;
  }
  EXPECT_GT(hyphenated, 0);
}

TEST(LineBreaker, NeverBreaksInsideAnAmountOrBeforeAColon) {
  TextSettings s{&fonts(), &french(), 10.5, true, FontStyle::Regular};
  std::string text;
  for (int i = 0; i < 12; ++i) text += "le poste coûte 50\u202F000,00\u00A0€ par an : ";
  for (double width : {120.0, 170.0, 230.0})
    for (const Line& line : layout_text({{text, FontStyle::Regular}}, width, s)) {
      std::string t = joined(line);
      while (!t.empty() && t.back() == ' ') t.pop_back();
      EXPECT_FALSE(t.size() >= 2 && t.compare(t.size() - 2, 2, "50") == 0) << t;
      EXPECT_NE(t.rfind("000", 0), 0u) << t;
      EXPECT_NE(t.rfind("€", 0), 0u) << t;
      EXPECT_NE(t.front(), ':') << t;
    }
}

TEST(LineBreaker, FirstFitPutsAnOverlongBoxOnItsOwnLine) {
  std::vector<BreakItem> items{{BreakItem::Type::Box, 50},
                               {BreakItem::Type::Glue, 5, 2, 1},
                               {BreakItem::Type::Box, 500},
                               {BreakItem::Type::Glue, 0, k_infinite_stretch, 0},
                               {BreakItem::Type::Penalty, 0, 0, 0, -k_force_break}};
  auto breaks = first_fit(items, 100);
  EXPECT_EQ(breaks, (std::vector<std::size_t>{1, 4}));
}

TEST(TextMeasure, MinimumIsTheWidestWordAndMaximumTheWholeLine) {
  TextSettings s{&fonts(), nullptr, 10, false, FontStyle::Regular};
  TextExtent e = measure_text({{"un mot interminable", FontStyle::Regular}}, s);
  const FontFace& f = fonts().face(FontStyle::Regular);
  EXPECT_NEAR(e.min_width, f.width("interminable", 10), 1e-9);
  EXPECT_NEAR(e.max_width, f.width("un mot interminable", 10), 1e-9);
}

TEST(TextLayout, RefusesACharacterMissingFromTheFont) {
  TextSettings s{&fonts(), nullptr, 10, false, FontStyle::Regular};
  EXPECT_THROW(layout_text({{"nom 漢字", FontStyle::Regular}}, 300, s), MissingGlyph);
}

}  // namespace
}  // namespace tampon::doc
