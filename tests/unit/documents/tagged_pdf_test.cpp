// Tagged PDF (PDF/UA-1) and PDF/A-2U: documents read back with pdfinfo, pdftotext, qpdf and
// pikepdf, as a screen reader and an archive would see them (issue #18).
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "render/document/document_engine.hpp"
#include "render/document/pdf_syntax.hpp"
#include "support/pdf_readback.hpp"

namespace tampon::doc {
namespace {

using namespace tampon::testing;

DocumentOptions options() {
  DocumentOptions o;
  o.title = "Convention « accessible » n° 7";
  o.subject = "Sujet";
  o.author = "Banque des Territoires";
  o.header_left = "En-tête courant";
  o.header_right = "Dispositif Conseiller numérique";
  o.footer_left = "Pied de page courant";
  o.date = Date::parse("2021-04-02");
  return o;
}

/// A convention in small: title, articles, a list (nested), a link, a table long enough to
/// split across pages, signatures.
std::string convention_markdown() {
  std::string md =
      "# Convention de test\n\nSous-titre de la convention\n\n## Article 1 – Objet\n\n"
      "Voir [le site du dispositif](https://www.conseiller-numerique.gouv.fr) pour le détail.\n\n"
      "Les tranches sont :\n\n- tranche 1 ;\n- tranche 2 :\n  - sous-point a ;\n"
      "  - sous-point b.\n- tranche 3.\n\n## Article 2 – Postes\n\n### Détail\n\n"
      "| Poste | Conseiller | Montant |\n|---|---|---:|\n";
  for (int i = 1; i <= 70; ++i)
    md += "| " + std::to_string(i) + " | Conseiller " + std::to_string(i) + " | 1 000 € |\n";
  md +=
      "\nFait à Paris.\n\n```signatures\nPour l’État\nLa Banque\n\nPour la structure\nLe maire\n"
      "```\n";
  return md;
}

std::string tree_of(const std::string& structure) {
  auto at = structure.find("\ntree\n");
  return at == std::string::npos ? "" : structure.substr(at + 6);
}

/// The structure elements' roles, in reading order, without indentation or details.
std::vector<std::string> roles(const std::string& tree) {
  std::vector<std::string> out;
  std::istringstream in(tree);
  for (std::string line; std::getline(in, line);) {
    auto start = line.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    out.push_back(line.substr(start, line.find(' ', start) - start));
  }
  return out;
}

class TaggedPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir;
    render_markdown(convention_markdown(), options(), *s_dir / "convention.pdf");
    s_structure = new std::string(pdf_structure(*s_dir / "convention.pdf"));
  }
  static void TearDownTestSuite() {
    delete s_structure;
    delete s_dir;
  }
  static TempDir* s_dir;
  static std::string* s_structure;
};
TempDir* TaggedPdf::s_dir = nullptr;
std::string* TaggedPdf::s_structure = nullptr;

TEST_F(TaggedPdf, PdfinfoSaysTaggedVersion17WithMetadataAndQpdfFindsNoProblem) {
  std::string info = pdfinfo(*s_dir / "convention.pdf");
  EXPECT_NE(info.find("Tagged:          yes"), std::string::npos) << info;
  EXPECT_NE(info.find("PDF version:     1.7"), std::string::npos) << info;
  EXPECT_NE(info.find("Metadata Stream: yes"), std::string::npos) << info;
  EXPECT_GE(page_count(*s_dir / "convention.pdf"), 2);  // the table is split
  EXPECT_EQ(qpdf_check(*s_dir / "convention.pdf"), 0);
}

TEST_F(TaggedPdf, CatalogHasLanguageMarkInfoTitleDisplayAndPdfaIdentification) {
  const std::string& s = *s_structure;
  EXPECT_NE(s.find("version 1.7\n"), std::string::npos) << s;
  EXPECT_NE(s.find("lang fr-FR\n"), std::string::npos) << s;
  EXPECT_NE(s.find("marked True\n"), std::string::npos) << s;
  EXPECT_NE(s.find("display-doc-title True\n"), std::string::npos) << s;
  EXPECT_NE(s.find("pdfa 2U pdfua 1\n"), std::string::npos) << s;
  EXPECT_NE(s.find("xmp-title Convention « accessible » n° 7\n"), std::string::npos) << s;
  EXPECT_TRUE(std::regex_search(s, std::regex("output-intent /GTS_PDFA1 N=3 profile-bytes=[1-9]")))
      << s;
  EXPECT_EQ(s.find("tabs  "), std::string::npos) << "a page without /Tabs /S\n" << s;
  EXPECT_EQ(s.find("struct-parents False"), std::string::npos) << s;
}

TEST_F(TaggedPdf, XmpDatesAndProducerMirrorTheInformationDictionary) {
  std::string pdf = read_bytes(*s_dir / "convention.pdf");
  EXPECT_NE(pdf.find("<xmp:CreateDate>2021-04-02T00:00:00Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(pdf.find("<xmp:ModifyDate>2021-04-02T00:00:00Z</xmp:ModifyDate>"), std::string::npos);
  EXPECT_NE(pdf.find("<pdf:Producer>Tampon (PoDoFo)</pdf:Producer>"), std::string::npos);
  // the extension schema PDF/A requires for the pdfuaid property
  EXPECT_NE(pdf.find("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"), std::string::npos);
  std::string info = pdfinfo(*s_dir / "convention.pdf");
  EXPECT_NE(info.find("CreationDate:    Fri Apr  2 00:00:00 2021 UTC"), std::string::npos) << info;
}

TEST_F(TaggedPdf, StructureFollowsTheDocumentInReadingOrder) {
  std::vector<std::string> r = roles(tree_of(*s_structure));
  ASSERT_GE(r.size(), 12u) << *s_structure;
  std::vector<std::string> head(r.begin(), r.begin() + 9);
  EXPECT_EQ(head,
            (std::vector<std::string>{"Document", "H1", "P", "H2", "P", "Link", "P", "L", "LI"}))
      << *s_structure;
  // list: LI → Lbl, LBody holding the item's text; the nested list inside the second item's
  // body, after its text
  std::string tree = tree_of(*s_structure);
  EXPECT_NE(tree.find("      LI\n        Lbl mc=1\n        LBody mc=1\n      LI\n"),
            std::string::npos)
      << tree;
  EXPECT_NE(tree.find("        LBody mc=1\n          L\n            LI\n              Lbl mc=1\n"
                      "              LBody mc=1\n"),
            std::string::npos)
      << tree;
  EXPECT_EQ(tree.find("LBody\n          P"), std::string::npos) << tree;
  // headings in order
  std::vector<std::string> headings;
  for (const auto& role : r)
    if (role.size() == 2 && role[0] == 'H') headings.push_back(role);
  EXPECT_EQ(headings, (std::vector<std::string>{"H1", "H2", "H2", "H3"}));
}

TEST_F(TaggedPdf, TableHasColumnHeadersAndOneRowPerRecordAcrossPages) {
  std::string tree = tree_of(*s_structure);
  std::vector<std::string> r = roles(tree);
  EXPECT_EQ(std::count(r.begin(), r.end(), "Table"), 1);
  // 70 rows and the header once: the header repeated on later pages is an artifact
  EXPECT_EQ(std::count(r.begin(), r.end(), "TR"), 71);
  EXPECT_EQ(std::count(r.begin(), r.end(), "TH"), 3);
  EXPECT_EQ(std::count(r.begin(), r.end(), "TD"), 210);
  EXPECT_NE(tree.find("TH scope=Column mc=1"), std::string::npos) << tree;
}

TEST_F(TaggedPdf, LinksAndSignatureFieldsAreTaggedAnnotationsWithText) {
  const std::string& s = *s_structure;
  EXPECT_NE(s.find("annot /Link struct-parent True contents le site du dispositif"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("annot /Widget struct-parent True contents Signature : Pour l’État"),
            std::string::npos)
      << s;
  EXPECT_EQ(s.find("struct-parent False"), std::string::npos) << s;
  std::string tree = tree_of(s);
  EXPECT_NE(tree.find("Link mc=1 objr=1"), std::string::npos) << tree;
  EXPECT_EQ(count(tree, "Form objr=1"), 2) << tree;
}

TEST_F(TaggedPdf, RunningHeaderFooterAndPageNumbersAreArtifactsOutOfTheTree) {
  std::string text = run("pdfinfo -struct-text '" + (*s_dir / "convention.pdf").string() + "'").out;
  EXPECT_NE(text.find("Sous-titre de la convention"), std::string::npos) << text;
  EXPECT_EQ(text.find("En-tête courant"), std::string::npos);
  EXPECT_EQ(text.find("Pied de page courant"), std::string::npos);
  EXPECT_EQ(text.find("page 1 /"), std::string::npos);
  EXPECT_EQ(text.find("Signature\""), std::string::npos);  // the box's caption
  // while the page still shows them
  std::string page = pdftotext(*s_dir / "convention.pdf");
  EXPECT_NE(page.find("En-tête courant"), std::string::npos);
  EXPECT_NE(page.find("page 1 /"), std::string::npos);
}

TEST_F(TaggedPdf, WordsOfTwoLinesStayApartInTheStructureText) {
  TempDir dir;
  std::string words;
  for (int i = 0; i < 60; ++i) words += "mot" + std::to_string(i) + " ";
  render_markdown(words + "\n", options(), dir / "a.pdf");
  std::string text = run("pdfinfo -struct-text '" + (dir / "a.pdf").string() + "'").out;
  for (int i = 0; i + 1 < 60; ++i)
    EXPECT_NE(text.find("mot" + std::to_string(i) + " mot" + std::to_string(i + 1)),
              std::string::npos)
        << i << "\n"
        << text;
}

TEST_F(TaggedPdf, OutlineListsArticlesAndSubheadings) {
  const std::string& s = *s_structure;
  EXPECT_NE(s.find("outline Article 1 – Objet\noutline Article 2 – Postes\noutline   Détail\n"),
            std::string::npos)
      << s;
  EXPECT_EQ(s.find("outline Convention de test"), std::string::npos);
}

TEST(TaggedFigure, EveryFigureCarriesItsAlternativeText) {
  TempDir dir;
  Document document(options());
  document.add_markdown("## Activité\n");
  document.add_figure(
      60,
      [](Canvas& c, double width) {
        c.rect(0, 0, width / 2, 50, Paint::filled({0, 0, 1}));
      },
      "Accompagnements en janvier : 12");
  document.render(dir / "a.pdf");
  std::string tree = tree_of(pdf_structure(dir / "a.pdf"));
  EXPECT_NE(tree.find("Figure alt=Accompagnements en janvier : 12 mc=1"), std::string::npos)
      << tree;
}

TEST(TaggedFigure, AlternativeTextReadsBackWithAccentsParenthesesAndBackslashes) {
  TempDir dir;
  for (std::string alt : {std::string("Accompagnements (janvier) : 12 \\ fin"),
                          std::string("Accompagnements en février : 12 € (estimé) 😀")}) {
    Document document(options());
    document.add_figure(
        60,
        [](Canvas& c, double width) {
          c.rect(0, 0, width / 2, 50, Paint::filled({0, 0, 1}));
        },
        alt);
    document.render(dir / "a.pdf");
    EXPECT_EQ(qpdf_check(dir / "a.pdf"), 0);
    std::string tree = tree_of(pdf_structure(dir / "a.pdf"));
    EXPECT_NE(tree.find("Figure alt=" + alt + " mc=1"), std::string::npos) << tree;
  }
}

TEST(PdfSyntax, TextStringsAreLiteralAsciiOrUtf16WithAByteOrderMark) {
  std::string out;
  append_text_string(out, "a (b) \\ c");
  EXPECT_EQ(out, "(a \\(b\\) \\\\ c)");
  out.clear();
  append_text_string(out, "é–");
  EXPECT_EQ(out, "<FEFF00E92013>");
  out.clear();
  append_text_string(out, "\n😀");  // a control character, a character outside the BMP
  EXPECT_EQ(out, "<FEFF000AD83DDE00>");
  out.clear();
  append_text_string(out, "");
  EXPECT_EQ(out, "()");
  out.clear();
  append_int(out, -42);
  append_ref(out, PoDoFo::PdfReference(7, 0));
  EXPECT_EQ(out, "-427 0 R");
}

TEST(TaggedFigure, SameInputsGiveTheSameBytesWithoutADate) {
  TempDir dir;
  DocumentOptions o = options();
  o.date.reset();
  render_markdown(convention_markdown(), o, dir / "a.pdf");
  render_markdown(convention_markdown(), o, dir / "b.pdf");
  std::string a = read_bytes(dir / "a.pdf");
  EXPECT_EQ(a, read_bytes(dir / "b.pdf"));
  EXPECT_EQ(a.find("xmp:CreateDate"), std::string::npos);
  EXPECT_NE(a.find("<pdfaid:conformance>U</pdfaid:conformance>"), std::string::npos);
}

TEST(TaggedFigure, MissingColourProfileIsReportedInFrench) {
  DocumentOptions o = options();
  o.icc_profile = "/nonexistent/sRGB.icc";
  auto problems = check_resources(o);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("profil de couleurs sRGB introuvable"), std::string::npos);
  TempDir dir;
  EXPECT_THROW(render_markdown("texte\n", o, dir / "a.pdf"), DocumentError);
  EXPECT_FALSE(std::filesystem::exists(dir / "a.pdf"));
}

}  // namespace
}  // namespace tampon::doc
