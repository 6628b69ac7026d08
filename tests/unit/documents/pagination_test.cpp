// Markdown → blocks → slices → pages: the keeping rules (headings with what follows, no widow
// or orphan line, table header with its first row and repeated on each page).
#include <gtest/gtest.h>

#include "render/document/flow_layout.hpp"
#include "render/document/hyphenator.hpp"
#include "render/document/markdown_blocks.hpp"
#include "render/document/paginate.hpp"

namespace tampon::doc {
namespace {

struct Engine {
  FontSet fonts = FontSet::load(FontFiles::liberation_serif());
  StyleSheet style;
  Engine() {
    style.fonts = &fonts;
    style.hyphenator = &Hyphenator::load("/usr/share/hyphen/hyph_fr.dic");
    style.column_width = 300;
  }
  FlowResult flow(const std::string& markdown) {
    return layout_flow(parse_markdown(markdown), style);
  }
};

std::string words(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "convention ";
  return s;
}

TEST(MarkdownBlocks, ReadsHeadingsListsTablesAndDirectives) {
  auto blocks = parse_markdown(
      "# Titre\n\n## Article 1\n\nTexte **gras** et *italique*.\n\n- un\n- deux\n\n"
      "1. premier\n\n| A | B |\n|---|--:|\n| x | 1 |\n\n```signatures\nPour l'État\nBanque\n\n"
      "Pour la structure\nMaire\n```\n\n```saut-de-page\n```\n");
  ASSERT_EQ(blocks.size(), 9u);
  EXPECT_EQ(blocks[0].kind, Block::Kind::Heading);
  EXPECT_EQ(blocks[0].level, 1);
  EXPECT_EQ(blocks[1].level, 2);
  EXPECT_EQ(blocks[2].text[1].style, FontStyle::Bold);
  EXPECT_EQ(blocks[2].text[3].style, FontStyle::Italic);
  EXPECT_EQ(blocks[3].marker, "–");
  EXPECT_EQ(blocks[5].marker, "1.");
  EXPECT_EQ(blocks[6].kind, Block::Kind::Table);
  EXPECT_EQ(blocks[6].table.align[1], TextAlign::Right);
  ASSERT_EQ(blocks[7].parties.size(), 2u);
  EXPECT_EQ(blocks[7].parties[0].lines[0], "Pour l’État");
  EXPECT_EQ(blocks[7].parties[1].lines[1], "Maire");
  EXPECT_EQ(blocks[8].kind, Block::Kind::PageBreak);
}

TEST(MarkdownBlocks, DropsRawHtml) {
  auto blocks = parse_markdown("<div>caché</div>\n\nVisible <b>aussi</b>.\n");
  ASSERT_EQ(blocks.size(), 1u);
  std::string text;
  for (const Span& s : blocks[0].text) text += s.text;
  EXPECT_EQ(text, "Visible aussi.");
}

TEST(FlowLayout, AParagraphMayBreakOnlyWithTwoLinesOnEachSide) {
  Engine e;
  FlowResult flow = e.flow(words(60));
  std::size_t n = flow.slices.size();
  ASSERT_GE(n, 5u);
  for (std::size_t k = 0; k < n; ++k) {
    bool allowed = k + 1 == n || (k >= 1 && n - k - 1 >= 2);  // lines before ≥ 2, after ≥ 2
    EXPECT_EQ(flow.slices[k].break_after, allowed) << k;
  }
  EXPECT_FALSE(flow.slices[0].break_after);
  EXPECT_FALSE(flow.slices[n - 2].break_after);
}

TEST(FlowLayout, AThreeLineParagraphNeverSplits) {
  Engine e;
  int n = 5;
  while (e.flow(words(n)).slices.size() < 3) ++n;
  FlowResult flow = e.flow(words(n));
  ASSERT_EQ(flow.slices.size(), 3u);
  EXPECT_FALSE(flow.slices[0].break_after);
  EXPECT_FALSE(flow.slices[1].break_after);
}

TEST(FlowLayout, AHeadingStaysWithWhatFollows) {
  Engine e;
  FlowResult flow = e.flow("## Article 2\n\n" + words(10) + "\n");
  ASSERT_GE(flow.slices.size(), 2u);
  EXPECT_FALSE(flow.slices[0].break_after);
}

TEST(FlowLayout, TheParagraphBeforeSignaturesStaysWithThem) {
  Engine e;
  FlowResult flow = e.flow("Fait à Paris.\n\n```signatures\nA\n\nB\n```\n");
  ASSERT_EQ(flow.slices.size(), 2u);
  EXPECT_FALSE(flow.slices[0].break_after);
  EXPECT_EQ(flow.signature_fields, 2);
}

TEST(FlowLayout, ATableHeaderStaysWithItsFirstRow) {
  Engine e;
  FlowResult flow = e.flow("| Poste | Montant |\n|---|--:|\n| 1 | 50 000,00 € |\n| 2 | 1 € |\n");
  ASSERT_EQ(flow.slices.size(), 3u);
  EXPECT_TRUE(flow.slices[0].table_header);
  EXPECT_FALSE(flow.slices[0].break_after);
  EXPECT_TRUE(flow.slices[1].break_after);
  ASSERT_EQ(flow.table_headers.size(), 1u);
  EXPECT_EQ(flow.table_headers[0], 0u);
}

FlowResult slices(std::vector<std::pair<double, bool>> heights) {
  FlowResult flow;
  for (auto [h, brk] : heights) {
    Slice s;
    s.height = h;
    s.break_after = brk;
    s.space_before = 5;
    flow.slices.push_back(std::move(s));
  }
  return flow;
}

TEST(Paginate, MovesAGroupThatDoesNotFitToTheNextPage) {
  // Three 40-point slices kept together do not fit under the first 70 points.
  FlowResult flow = slices({{70, true}, {40, false}, {40, false}, {40, true}});
  auto pages = paginate(flow, 150);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].slices.size(), 1u);
  EXPECT_EQ(pages[1].slices[0].slice, 1u);
  EXPECT_DOUBLE_EQ(pages[1].slices[0].y, 0.0);  // space before dropped at the top of a page
}

TEST(Paginate, SplitsAGroupTallerThanAPageRatherThanOverflowing) {
  FlowResult flow = slices({{60, false}, {60, false}, {60, true}});
  auto pages = paginate(flow, 130);
  ASSERT_EQ(pages.size(), 2u);
  for (const Page& p : pages)
    for (const PlacedSlice& s : p.slices) EXPECT_LE(s.y + 60, 130.0 + 1e-9);
}

TEST(Paginate, RepeatsTheTableHeaderWhenARowOpensAPage) {
  FlowResult flow = slices({{20, false}, {50, true}, {50, true}, {50, true}});
  for (auto& s : flow.slices) s.table = 0;
  flow.slices[0].table_header = true;
  flow.table_headers = {0};
  auto pages = paginate(flow, 130);
  ASSERT_EQ(pages.size(), 2u);
  ASSERT_EQ(pages[1].slices.size(), 2u);
  EXPECT_EQ(pages[1].slices[0].slice, 0u);  // the header again
  EXPECT_EQ(pages[1].slices[1].slice, 3u);
}

TEST(Paginate, HonoursAnExplicitPageBreak) {
  FlowResult flow = slices({{10, true}, {10, true}});
  flow.slices[1].page_break_before = true;
  EXPECT_EQ(paginate(flow, 500).size(), 2u);
}

}  // namespace
}  // namespace tampon::doc
