#include <gtest/gtest.h>

#include "markdown.hpp"

namespace {

using namespace tampon;
using namespace tampon::site;

std::string render(const ParsedMarkdown& parsed) {
  RenderHooks hooks;
  hooks.resolve = [](const LinkRef& l) { return ResolvedLink{"RESOLVED:" + l.target, {}}; };
  hooks.data_block = [](const DataBlockRef& b) { return "<div>BLOCK " + b.directive + "</div>"; };
  return render_markdown(parsed, hooks);
}

ParsedMarkdown parse(const std::string& body, Diagnostics& d, bool faq = false) {
  return parse_markdown(body, 5, "content/page.md", faq, {"contenu"}, d);
}

TEST(Markdown, HeadingsGetStableUniqueAnchors) {
  Diagnostics d;
  auto parsed = parse("## Démarches en ligne\n\n## Démarches en ligne\n\n## Contenu\n", d);
  ASSERT_EQ(parsed.headings.size(), 3u);
  EXPECT_EQ(parsed.headings[0].id, "demarches-en-ligne");
  EXPECT_EQ(parsed.headings[1].id, "demarches-en-ligne-2");
  EXPECT_EQ(parsed.headings[2].id, "contenu-2");  // "contenu" belongs to the template
  EXPECT_NE(render(parsed).find("<h2 id=\"demarches-en-ligne-2\">"), std::string::npos);
}

TEST(Markdown, ExplicitHeadingIdWins) {
  Diagnostics d;
  auto parsed = parse("## Titre long {#court}\n", d);
  EXPECT_EQ(parsed.headings.at(0).id, "court");
  EXPECT_EQ(parsed.headings.at(0).text, "Titre long");
}

TEST(Markdown, RawHtmlIsNeverPassedThroughAndIsReported) {
  Diagnostics d;
  auto html = render(parse("<script>alert(1)</script>\n\nTexte <b onclick=x>gras</b>.\n", d));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<b "), std::string::npos);
  ASSERT_GE(d.size(), 2u);
  EXPECT_EQ(d[0].code, "site-raw-html");
  EXPECT_EQ(d[0].where.file, "content/page.md");
  EXPECT_EQ(d[0].where.line, 5u);  // first body line is line 5 of the file
}

TEST(Markdown, TextIsEscaped) {
  Diagnostics d;
  auto html = render(parse("Tom & Jerry < 3 \"x\"\n", d));
  EXPECT_NE(html.find("Tom &amp; Jerry &lt; 3"), std::string::npos);
}

TEST(Markdown, TablesHaveCaptionAndColumnHeaderScope) {
  Diagnostics d;
  auto html = render(
      parse("Tableau : Les montants\n\n| Contrat | Montant |\n|---|---|\n| CDI | 40 000 € |\n", d));
  EXPECT_NE(html.find("<caption>Les montants</caption>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\">Contrat</th>"), std::string::npos);
  EXPECT_NE(html.find("<tbody><tr><td>CDI</td>"), std::string::npos);
  EXPECT_EQ(html.find("<p>Tableau"), std::string::npos);
  EXPECT_TRUE(d.empty());
}

TEST(Markdown, TableWithoutCaptionIsReportedAtItsLine) {
  Diagnostics d;
  parse("Texte.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "site-table-caption");
  EXPECT_EQ(d[0].where.line, 7u);
}

TEST(Markdown, LinksKeepTheirSourcePosition) {
  Diagnostics d;
  auto parsed = parse("Premier paragraphe.\n\nVoir [la page](autre.md#ancre) ici.\n", d);
  ASSERT_EQ(parsed.links.size(), 1u);
  EXPECT_EQ(parsed.links[0].target, "autre.md#ancre");
  EXPECT_EQ(parsed.links[0].line, 7);
  EXPECT_EQ(parsed.links[0].column, 16);  // where the target starts
  EXPECT_NE(render(parsed).find("<a href=\"RESOLVED:autre.md#ancre\">la page</a>"),
            std::string::npos);
}

TEST(Markdown, FaqQuestionsBecomeAccordionsWithIdsFromTheQuestion) {
  Diagnostics d;
  std::string body =
      "## Thème\n\n### Qui paie la formation ?\n\nL'État.\n\n### Et après ?\n\nRien.\n";
  auto first = parse(body, d, true);
  auto second = parse(body, d, true);
  std::string html = render(first);
  EXPECT_EQ(first.headings[1].id, "qui-paie-la-formation");
  EXPECT_EQ(first.headings[1].id, second.headings[1].id);
  EXPECT_NE(html.find("<div class=\"fr-accordions-group\">"), std::string::npos);
  EXPECT_NE(html.find("aria-controls=\"qui-paie-la-formation\">Qui paie la formation ?</button>"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"fr-collapse\" id=\"qui-paie-la-formation\">\n<p>L’État.</p>"),
            std::string::npos);
  EXPECT_EQ(html, render(second));
}

TEST(Markdown, DataBlocksAreFilledAtRenderTime) {
  Diagnostics d;
  auto parsed = parse("```tampon\ngrille relance-2021\n```\n", d);
  ASSERT_EQ(parsed.blocks.size(), 1u);
  EXPECT_EQ(parsed.blocks[0].directive, "grille relance-2021");
  EXPECT_EQ(parsed.blocks[0].line, 5);
  EXPECT_EQ(render(parsed), "<div>BLOCK grille relance-2021</div>");
}

}  // namespace

TEST(Markdown, ImagesKeepTheirTitle) {
  Diagnostics d;
  auto html = render(parse("![Carte](carte.png \"Les départements & régions\")\n", d));
  EXPECT_NE(html.find("<img src=\"RESOLVED:carte.png\" alt=\"Carte\" "
                      "title=\"Les départements &amp; régions\">"),
            std::string::npos)
      << html;
  EXPECT_NE(render(parse("![Carte](carte.png)\n", d)).find("alt=\"Carte\">"), std::string::npos);
}

TEST(Markdown, TableColumnAlignmentBecomesDsfrCellClasses) {
  Diagnostics d;
  auto html =
      render(parse("Tableau : Montants\n\n| Famille | Contrat | Montant |\n|:---|:---:|---:|\n"
                   "| Association | CDI | 40 000 € |\n",
                   d));
  EXPECT_NE(html.find("<th scope=\"col\">Famille</th><th scope=\"col\" "
                      "class=\"fr-cell--center\">Contrat</th><th scope=\"col\" "
                      "class=\"fr-cell--right\">Montant</th>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>Association</td><td class=\"fr-cell--center\">CDI</td>"
                      "<td class=\"fr-cell--right\">40 000 €</td>"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("align="), std::string::npos);  // obsolete in HTML5
  EXPECT_EQ(html.find("style="), std::string::npos);
}

TEST(Markdown, LinkTargetsArePercentEncodedAsCommonMarkDoes) {
  RenderHooks hooks;
  hooks.resolve = [](const LinkRef& l) { return ResolvedLink{l.target, {}}; };
  hooks.data_block = [](const DataBlockRef&) { return std::string(); };
  Diagnostics d;
  auto html = render_markdown(
      parse("[a](<https://ex.fr/un fichier.pdf?a=1&b='x'>) [b](/f%C3%A9e)\n", d), hooks);
  EXPECT_NE(html.find("href=\"https://ex.fr/un%20fichier.pdf?a=1&amp;b=&#x27;x&#x27;\""),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("href=\"/f%C3%A9e\""), std::string::npos) << html;  // not encoded twice
}

TEST(Markdown, RawHtmlBlockKeepsItsTextWithoutItsTags) {
  Diagnostics d;
  auto html = render(parse(
      "<div class=\"encadre\">\n<a href=\"https://x.fr\">Lisez *la notice*</a> &amp; signez.\n"
      "<!-- note interne -->\n<script>alert(1)</script>\n</div>\n",
      d));
  EXPECT_NE(html.find("<p>Lisez *la notice* &amp; signez.</p>"), std::string::npos) << html;
  EXPECT_EQ(html.find("note interne"), std::string::npos);
  EXPECT_EQ(html.find("alert"), std::string::npos);
  EXPECT_EQ(html.find("<a "), std::string::npos);
  EXPECT_EQ(html.find("<div"), std::string::npos);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "site-raw-html");
  // A block that is only a comment leaves nothing.
  Diagnostics d2;
  EXPECT_EQ(render(parse("<!-- brouillon -->\n", d2)), "");
}
