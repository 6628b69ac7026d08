// The document engine end to end: Markdown in, PDF out, read back with pdftotext, pdffonts,
// pdfinfo and qpdf.
#include "render/document/document_engine.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "render/document/pdf_file_id.hpp"
#include "support/pdf_readback.hpp"

namespace tampon::doc {
namespace {

using namespace tampon::testing;

DocumentOptions options() {
  DocumentOptions o;
  o.title = "Convention « essai » n° 1";
  o.subject = "Sujet de l’essai";
  o.author = "Banque des Territoires";
  o.keywords = "essai; convention";
  o.header_left = "Convention n° cv-essai";
  o.header_right = "Dispositif Conseiller numérique";
  o.footer_left = "Commune d’Essai";
  o.date = Date::parse("2021-04-02");
  return o;
}

std::string paragraph(int words) {
  std::string s;
  const char* vocabulary[] = {"la",  "structure",   "accueillante", "s’engage",
                              "à",   "transmettre", "chaque",       "mois",
                              "un",  "rapport",     "d’activité",   "détaillé",
                              "des", "ateliers",    "numériques",   "organisés"};
  for (int i = 0; i < words; ++i) s += std::string(vocabulary[i % 16]) + " ";
  return s + "fin.";
}

TEST(DocumentEngine, PrintsFrenchTextThatReadsBackExactly) {
  TempDir dir;
  render_markdown("Œuvre « test » : 50\u202F000,00\u00A0€ ; été, cœur, Ça.\n", options(),
                  dir / "a.pdf");
  std::string text = pdftotext(dir / "a.pdf");
  // pdftotext gives no-break spaces back as spaces (they share the space's glyph).
  EXPECT_NE(text.find("Œuvre « test » : 50 000,00 € ; été, cœur, Ça."), std::string::npos) << text;
  EXPECT_EQ(qpdf_check(dir / "a.pdf"), 0);
}

TEST(DocumentEngine, EmbedsOnlySubsetUnicodeTrueTypeFonts) {
  TempDir dir;
  render_markdown("# Titre\n\nTexte **gras** et *italique* et ***les deux***.\n", options(),
                  dir / "a.pdf");
  std::istringstream fonts(pdffonts(dir / "a.pdf"));
  std::string line;
  std::getline(fonts, line);
  std::getline(fonts, line);
  int count = 0;
  while (std::getline(fonts, line)) {
    ++count;
    EXPECT_NE(line.find("CID TrueType"), std::string::npos) << line;
    EXPECT_TRUE(std::regex_search(line, std::regex("Identity-H +yes yes yes"))) << line;
    EXPECT_NE(line.find("+LiberationSerif"), std::string::npos) << line;
  }
  EXPECT_EQ(count, 4);
}

TEST(DocumentEngine, SameInputGivesSameBytesWhateverTheClock) {
  TempDir dir;
  std::string md = "# Titre\n\n" + paragraph(200) + "\n\n```signatures\nA\n\nB\n```\n";
  render_markdown(md, options(), dir / "a.pdf");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  render_markdown(md, options(), dir / "b.pdf");
  EXPECT_EQ(read_bytes(dir / "a.pdf"), read_bytes(dir / "b.pdf"));
  EXPECT_EQ(read_bytes(dir / "a.pdf").find("D:2026"), std::string::npos);
}

// The trailer's /ID comes from the document's bytes (render/document/pdf_file_id.hpp), not from
// its information dictionary alone: two documents with the same title and date differ.
std::string file_id(const std::string& pdf) {
  auto at = pdf.rfind("/ID[<");
  return at == std::string::npos ? std::string() : pdf.substr(at + 5, 32);
}

TEST(DocumentEngine, TheFileIdentifierIsDerivedFromTheContent) {
  TempDir dir;
  render_markdown("# Titre\n\nPremier texte.\n", options(), dir / "a.pdf");
  render_markdown("# Titre\n\nSecond texte.\n", options(), dir / "b.pdf");
  std::string a = read_bytes(dir / "a.pdf"), b = read_bytes(dir / "b.pdf");
  ASSERT_EQ(file_id(a).size(), 32u);
  EXPECT_NE(file_id(a), file_id(b));  // same title, same date: PoDoFo alone gave one id
  // Both strings of the pair are that id, and anyone can recompute it: the first 16 bytes of
  // the SHA-256 of the file with the two identifiers zeroed.
  auto at = a.rfind("/ID[<");
  EXPECT_EQ(a.substr(at + 5 + 34, 32), file_id(a));
  std::string zeroed = a;
  zeroed.replace(at + 5, 32, 32, '0');
  zeroed.replace(at + 5 + 34, 32, 32, '0');
  std::string again = zeroed;
  ASSERT_TRUE(set_content_file_id(again));
  EXPECT_EQ(again, a);
  EXPECT_EQ(qpdf_check(dir / "a.pdf"), 0);
}

TEST(DocumentEngine, CarriesTheMetadataAndLanguage) {
  TempDir dir;
  render_markdown("Texte.\n", options(), dir / "a.pdf");
  std::string info = pdfinfo(dir / "a.pdf");
  EXPECT_NE(info.find("Title:           Convention « essai » n° 1"), std::string::npos) << info;
  EXPECT_NE(info.find("Subject:         Sujet de l’essai"), std::string::npos);
  EXPECT_NE(info.find("Author:          Banque des Territoires"), std::string::npos);
  EXPECT_NE(info.find("Keywords:        essai; convention"), std::string::npos);
  EXPECT_NE(info.find("CreationDate:    Fri Apr  2 00:00:00 2021"), std::string::npos);
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos);
  EXPECT_NE(qdf(dir / "a.pdf").find("/Lang (fr-FR)"), std::string::npos);
}

TEST(DocumentEngine, PutsAnEmptySignatureFieldOnEachSignatureBox) {
  TempDir dir;
  auto stats = render_markdown("Fait.\n\n```signatures\nPour l'État\n\nPour la structure\n```\n",
                               options(), dir / "a.pdf");
  EXPECT_EQ(stats.signature_fields, 2);
  std::string q = qdf(dir / "a.pdf");
  EXPECT_EQ(count(q, "/FT /Sig"), 2);
  EXPECT_EQ(count(q, "/Subtype /Widget"), 2);
  EXPECT_EQ(count(q, "/ByteRange"), 0);  // unsigned: no signature value yet
  EXPECT_NE(q.find("/AcroForm"), std::string::npos);
  EXPECT_NE(pdfinfo(dir / "a.pdf").find("Form:            AcroForm"), std::string::npos);
}

TEST(DocumentEngine, MakesWebAndMailLinksClickable) {
  TempDir dir;
  render_markdown(
      "Voir [le site du dispositif](https://www.conseiller-numerique.gouv.fr) ou écrire à "
      "[l’équipe](mailto:contact@example.org).\n\n| Lien |\n|---|\n| [ici](https://a.example/b) "
      "|\n",
      options(), dir / "a.pdf");
  std::string q = qdf(dir / "a.pdf");
  EXPECT_EQ(count(q, "/Subtype /Link"), 3) << q;
  EXPECT_EQ(count(q, "/URI (https://www.conseiller-numerique.gouv.fr)"), 1);
  EXPECT_EQ(count(q, "/URI (mailto:contact@example.org)"), 1);
  EXPECT_EQ(count(q, "/URI (https://a.example/b)"), 1);
  EXPECT_TRUE(contains_phrase(pdftotext(dir / "a.pdf"), "Voir le site du dispositif ou écrire"));
  EXPECT_EQ(qpdf_check(dir / "a.pdf"), 0);
}

TEST(DocumentEngine, GivesOneLinkAreaPerLineOfAWrappedLink) {
  TempDir dir;
  render_markdown(paragraph(12) + " [" + paragraph(40) + "](https://example.org/long) suite.\n",
                  options(), dir / "a.pdf");
  std::string q = qdf(dir / "a.pdf");
  EXPECT_GE(count(q, "/URI (https://example.org/long)"), 3) << q;  // 40 words span 3+ lines
  EXPECT_EQ(count(q, "/URI (https://example.org/long)"), count(q, "/Subtype /Link"));
}

TEST(DocumentEngine, KeepsTheTextButNotTheActionOfOtherSchemes) {
  TempDir dir;
  render_markdown("[clic](javascript:alert(1)) [fichier](file:///etc/passwd) [rel](page.html)\n",
                  options(), dir / "a.pdf");
  std::string q = qdf(dir / "a.pdf");
  EXPECT_EQ(count(q, "/Subtype /Link"), 0);
  EXPECT_EQ(q.find("javascript"), std::string::npos);
  EXPECT_EQ(q.find("/etc/passwd"), std::string::npos);
  EXPECT_TRUE(contains_phrase(pdftotext(dir / "a.pdf"), "clic fichier rel"));
}

TEST(DocumentEngine, SameLinkedInputGivesSameBytesWhateverTheClock) {
  TempDir dir;
  std::string md = "[site](https://example.org) " + paragraph(20) + "\n";
  render_markdown(md, options(), dir / "a.pdf");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  render_markdown(md, options(), dir / "b.pdf");
  EXPECT_EQ(read_bytes(dir / "a.pdf"), read_bytes(dir / "b.pdf"));
  EXPECT_EQ(qdf(dir / "a.pdf").find("D:2026"), std::string::npos);
}

TEST(DocumentEngine, NumbersPagesAndRepeatsTheRunningHeader) {
  TempDir dir;
  std::string md;
  for (int i = 1; i <= 12; ++i)
    md += "## Article " + std::to_string(i) + "\n\n" + paragraph(120) + "\n\n";
  auto stats = render_markdown(md, options(), dir / "a.pdf");
  int pages = page_count(dir / "a.pdf");
  EXPECT_EQ(stats.pages, pages);
  ASSERT_GE(pages, 3);
  std::string text = pdftotext(dir / "a.pdf");
  EXPECT_EQ(count(text, "Convention n° cv-essai"), pages);
  for (int p = 1; p <= pages; ++p)
    EXPECT_NE(text.find("page " + std::to_string(p) + " / " + std::to_string(pages)),
              std::string::npos);
}

std::vector<std::string> split_pages(const std::string& text) {
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t ff; (ff = text.find('\f', start)) != std::string::npos; start = ff + 1)
    pages.push_back(text.substr(start, ff - start));
  return pages;
}

TEST(DocumentEngine, RepeatsTheHeaderRowOfATableOnEveryPage) {
  TempDir dir;
  std::string md = "| Tranche | Échéance | Montant |\n|---|---|--:|\n";
  for (int i = 1; i <= 120; ++i)
    md += "| " + std::to_string(i) + " | 1er mai 2021 | 10 000,00 € |\n";
  render_markdown(md, options(), dir / "a.pdf");
  auto pages = split_pages(pdftotext(dir / "a.pdf"));
  ASSERT_GE(pages.size(), 3u);
  for (const auto& page : pages) EXPECT_EQ(count(page, "Échéance"), 1) << page;
}

TEST(DocumentEngine, NeverEndsAPageOnAHeading) {
  // Whatever the amount of text before it, a heading is followed on its page by text.
  for (int filler = 1; filler <= 40; filler += 3) {
    TempDir dir;
    std::string md;
    for (int i = 0; i < filler; ++i) md += "Ligne " + std::to_string(i) + ".\n\n";
    md += "## Article final\n\n" + paragraph(60) + "\n";
    render_markdown(md, options(), dir / "a.pdf");
    for (const auto& page : split_pages(pdftotext(dir / "a.pdf"))) {
      auto at = page.find("Article final");
      if (at != std::string::npos) {
        EXPECT_NE(page.find("structure accueillante", at), std::string::npos) << filler;
      }
    }
  }
}

TEST(DocumentEngine, JustifiesParagraphLinesToTheRightMargin) {
  TempDir dir;
  render_markdown(paragraph(150) + "\n", options(), dir / "a.pdf");
  std::string bbox = run("pdftotext -bbox-layout '" + (dir / "a.pdf").string() + "' -").out;
  std::regex line_re("<line xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"");
  std::vector<double> right;
  for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), line_re);
       it != std::sregex_iterator(); ++it)
    right.push_back(std::stod((*it)[2]));
  // Lines: header, the paragraph, footer; the paragraph's lines but its last end at 524.4.
  int flush = 0;
  for (double x : right)
    if (std::abs(x - 524.4) < 0.6) ++flush;
  EXPECT_GE(flush, 8) << bbox;
}

/// Issue 19: the column alignment written in the Markdown (|:--|:-:|--:|) holds in the PDF.
TEST(DocumentEngine, AlignsTableColumnsAsTheMarkdownSays) {
  TempDir dir;
  render_markdown(
      "| Gauche | Centre | Droite |\n|:--|:-:|--:|\n| g | c | 7 |\n"
      "| gggggggg | cccccccc | 1234567 |\n",
      options(), dir / "a.pdf");
  std::string bbox = run("pdftotext -bbox '" + (dir / "a.pdf").string() + "' -").out;
  std::regex word_re(
      "<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" "
      "yMax=\"[0-9.]+\">([^<]*)</word>");
  std::map<std::string, std::pair<double, double>> words;  // text → (xMin, xMax)
  for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), word_re);
       it != std::sregex_iterator(); ++it)
    words[(*it)[3]] = {std::stod((*it)[1]), std::stod((*it)[2])};
  for (const char* w : {"g", "gggggggg", "c", "cccccccc", "7", "1234567"})
    ASSERT_TRUE(words.contains(w)) << w << "\n" << bbox;
  EXPECT_NEAR(words["g"].first, words["gggggggg"].first, 0.6);   // left edges
  EXPECT_NEAR(words["7"].second, words["1234567"].second, 0.6);  // right edges
  EXPECT_NEAR((words["c"].first + words["c"].second) / 2,        // centres
              (words["cccccccc"].first + words["cccccccc"].second) / 2, 0.6);
  EXPECT_GT(words["7"].first, words["1234567"].first + 5);  // so not left-aligned
}

TEST(DocumentEngine, RefusesACharacterTheFontCannotPrint) {
  TempDir dir;
  EXPECT_THROW(render_markdown("Nom : 漢字\n", options(), dir / "a.pdf"), MissingGlyph);
  EXPECT_EQ(missing_glyph("Zoé « Œ » 50\u202F€", FontFiles::liberation_serif()), std::nullopt);
  EXPECT_EQ(missing_glyph("Łódź 漢", FontFiles::liberation_serif()), U'漢');
}

// What the emitters report as `document-resource` before any document is attempted.
TEST(DocumentEngine, NamesEveryMissingFontAndDictionaryBeforeRendering) {
  EXPECT_TRUE(check_resources(options()).empty());
  DocumentOptions broken = options();
  broken.fonts.bold = "/nonexistent/LiberationSerif-Bold.ttf";
  broken.hyphenation_dictionary = "/nonexistent/hyph_fr.dic";
  auto problems = check_resources(broken);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("/nonexistent/LiberationSerif-Bold.ttf"), std::string::npos);
  EXPECT_NE(problems[1].find("hyph_fr.dic"), std::string::npos);
}

TEST(DocumentEngine, DrawsFiguresThroughTheCanvas) {
  TempDir dir;
  Document document(options());
  document.add_markdown("## Activité\n");
  document.add_figure(
      120,
      [](Canvas& c, double width) {
        c.rect(0, 0, width / 2, 100, Paint::filled({0.0, 0.3, 0.6}));
        c.line(0, 110, width, 110, 0.5, Color::gray(0.5));
        c.path(Path().move(0, 0).line(10, 10).curve(20, 0, 30, 20, 40, 10).close(),
               Paint::stroked(1));
        c.text(width, 118, "janvier 2022", FontStyle::Italic, 8, {}, TextAlign::Right);
      },
      "Une barre bleue en janvier 2022");
  document.render(dir / "a.pdf");
  EXPECT_NE(pdftotext(dir / "a.pdf").find("janvier 2022"), std::string::npos);
  EXPECT_EQ(qpdf_check(dir / "a.pdf"), 0);
}

TEST(DocumentEngine, RendersDocumentsConcurrently) {
  TempDir dir;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i)
        render_markdown("# T" + std::to_string(t) + "\n\n" + paragraph(300) + "\n", options(),
                        dir / ("t" + std::to_string(t) + "-" + std::to_string(i) + ".pdf"));
    });
  for (auto& th : threads) th.join();
  std::string reference = read_bytes(dir / "t0-0.pdf");
  for (int i = 1; i < 5; ++i)
    EXPECT_EQ(read_bytes(dir / ("t0-" + std::to_string(i) + ".pdf")), reference);
  EXPECT_NE(pdftotext(dir / "t3-4.pdf").find("T3"), std::string::npos);
}

}  // namespace
}  // namespace tampon::doc
