// bulletin: the HTML and PDF bulletins read back (HTML as text, PDF through pdftotext).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "bulletin_fixture.hpp"

namespace tampon {
std::unique_ptr<Emitter> make_bulletin_emitter();
}

namespace tampon::testing {
namespace {

class Bulletin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_model = bulletin_model().release();
    s_out = new std::filesystem::path(fresh_dir("out"));
    s_diagnostics = new Diagnostics;
    s_jobs = new std::vector<OutputJob>(emit_bulletins(*s_model, *s_out, s_diagnostics));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*s_out);
    delete s_jobs;
    delete s_diagnostics;
    delete s_out;
    delete s_model;
  }
  static std::string html(const std::string& quarter) {
    return read_file(*s_out / ("bulletins/hostile/" + quarter + ".html"));
  }
  static std::string pdf_text(const std::string& quarter) {
    return run("pdftotext -layout '" +
               (*s_out / ("bulletins/hostile/" + quarter + ".pdf")).string() + "' -");
  }
  /// The cells of the totals table row named `label`: this quarter, previous, change.
  static std::vector<std::string> total_row(const std::string& page, const std::string& label) {
    std::regex re("<tr><th scope=\"row\">" + label +
                  "</th><td class=\"n\">([^<]*)</td><td class=\"n\">([^<]*)</td><td "
                  "class=\"n\">([^<]*)</td></tr>");
    std::smatch m;
    if (!std::regex_search(page, m, re)) return {};
    return {m[1], m[2], m[3]};
  }
  static Model* s_model;
  static std::filesystem::path* s_out;
  static Diagnostics* s_diagnostics;
  static std::vector<OutputJob>* s_jobs;
};
Model* Bulletin::s_model = nullptr;
std::filesystem::path* Bulletin::s_out = nullptr;
Diagnostics* Bulletin::s_diagnostics = nullptr;
std::vector<OutputJob>* Bulletin::s_jobs = nullptr;

const std::vector<std::string> k_personal = {"Jean",
                                             "Secret",
                                             "secret@example.org",
                                             "jeanne.contact@example.org",
                                             "Jeanne Contact",
                                             "03 27 99 99 99",
                                             "12 rue des Secrets",
                                             "Renée",
                                             "40483304800022",
                                             "mediatheque.perso",
                                             "06 12 34 56 78",
                                             "ecrire.perso",
                                             "12/03/1985"};

TEST_F(Bulletin, PlansAnHtmlAndAPdfPerQuarterWithReportsUpToTheReferenceQuarter) {
  std::vector<std::string> paths;
  for (const auto& job : *s_jobs) paths.push_back(job.path);
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "bulletins/hostile/2022-T1.html", "bulletins/hostile/2022-T1.pdf",
                       "bulletins/hostile/2022-T2.html", "bulletins/hostile/2022-T2.pdf",
                       "bulletins/hostile/2022-T3.html", "bulletins/hostile/2022-T3.pdf"}));
  EXPECT_TRUE(s_diagnostics->empty());
  const auto& inputs = s_jobs->at(2).inputs;
  EXPECT_NE(
      std::find(inputs.begin(), inputs.end(), RecordRef{RecordKind::Rapport, "cn-0002/2022-06"}),
      inputs.end());
  EXPECT_NE(
      std::find(inputs.begin(), inputs.end(), RecordRef{RecordKind::Rapport, "cn-0001/2022-03"}),
      inputs.end());  // the previous quarter, for the comparison
}

TEST_F(Bulletin, HtmlTotalsCompareWithThePreviousQuarter) {
  std::string page = html("2022-T2");
  EXPECT_EQ(total_row(page, "Accompagnements individuels"),
            (std::vector<std::string>{"42", "10", "+32 (+320\u00a0%)"}));
  EXPECT_EQ(total_row(page, "Ateliers collectifs"),
            (std::vector<std::string>{"7", "2", "+5 (+250\u00a0%)"}));
  EXPECT_EQ(total_row(page, "Participants aux ateliers"),
            (std::vector<std::string>{"48", "12", "+36 (+300\u00a0%)"}));
  EXPECT_EQ(total_row(page, "Demandes ponctuelles")[0], "16");
  EXPECT_EQ(total_row(page, "Appels Solidarité Numérique")[0], "6");
  EXPECT_EQ(total_row(page, "Usagers accompagnés")[0], "77");
  EXPECT_EQ(total_row(html("2022-T1"), "Usagers accompagnés"),
            (std::vector<std::string>{"20", "—", "—"}));
  EXPECT_EQ(total_row(html("2022-T3"), "Accompagnements individuels"),
            (std::vector<std::string>{"3", "42", "−39 (−93\u00a0%)"}));
}

TEST_F(Bulletin, HtmlCarriesTheMandatoryMentionAndLink) {
  std::string page = html("2022-T2");
  EXPECT_NE(page.find("Opération soutenue par l&#39;État dans le cadre du dispositif Conseiller "
                      "numérique"),
            std::string::npos);
  EXPECT_NE(page.find("<a href=\"https://www.conseiller-numerique.gouv.fr\">"
                      "www.conseiller-numerique.gouv.fr</a>"),
            std::string::npos);
}

TEST_F(Bulletin, AStructureNamedAsAScriptShowsAsTextAndNoScriptRuns) {
  std::string page = html("2022-T2");
  EXPECT_NE(page.find("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie</h1>"),
            std::string::npos);
  std::string lower = page;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("javascript:"), std::string::npos);
}

TEST_F(Bulletin, HighlightsAreMarkdownWithRawHtmlDropped) {
  std::string page = html("2022-T2");
  EXPECT_NE(page.find("Atelier <strong>repérer les arnaques</strong> avec le club des aînés."),
            std::string::npos);
  EXPECT_EQ(page.find("alert(\"faits\")"), std::string::npos);  // the raw <script> block
  EXPECT_EQ(page.find("raw HTML omitted"), std::string::npos);
  EXPECT_NE(page.find("<a href=\"\">un lien</a>"), std::string::npos);  // unsafe URL emptied
  EXPECT_NE(page.find("avril 2022, Camille Durand"), std::string::npos);
  EXPECT_NE(page.find("Permanence ouverte à la médiathèque."), std::string::npos);
}

TEST_F(Bulletin, HighlightsCannotAddHeadingsImagesOrEngineDirectives) {
  std::string page = html("2022-T2");
  EXPECT_NE(page.find("<p><strong>Un titre</strong></p>"), std::string::npos);
  EXPECT_EQ(page.find("<h1>Un titre"), std::string::npos);
  // An image becomes its text: nothing is loaded from elsewhere.
  EXPECT_NE(page.find("<p>Affiche de l’atelier</p>"), std::string::npos);
  EXPECT_EQ(page.find("traceur.example"), std::string::npos);
  EXPECT_NE(page.find("<pre><code>Ne pas signer\n</code></pre>"), std::string::npos);
  EXPECT_EQ(page.find("signatures"), std::string::npos);
  std::string text = pdf_text("2022-T2");
  EXPECT_NE(text.find("Un titre"), std::string::npos);
  EXPECT_NE(text.find("Affiche de l’atelier"), std::string::npos);
  EXPECT_EQ(text.find("traceur"), std::string::npos);
}

TEST_F(Bulletin, NoPersonalDataInEitherFormat) {
  for (std::string q : {"2022-T1", "2022-T2", "2022-T3"}) {
    std::string page = html(q), text = pdf_text(q);
    for (const std::string& secret : k_personal) {
      EXPECT_EQ(page.find(secret), std::string::npos) << q << ".html: " << secret;
      EXPECT_EQ(text.find(secret), std::string::npos) << q << ".pdf: " << secret;
    }
  }
}

TEST_F(Bulletin, PersonalDataInHighlightsIsMaskedAndNeverLinked) {
  std::string page = html("2022-T2"), text = pdf_text("2022-T2");
  for (const std::string& shown :
       {std::string("Permanence au club"), std::string("[courriel masqué]"),
        std::string("[téléphone masqué]"), std::string("[date de naissance masquée]")}) {
    EXPECT_NE(page.find(shown), std::string::npos) << shown << "\n" << page;
    EXPECT_NE(text.find(shown), std::string::npos) << shown << "\n" << text;
  }
  EXPECT_EQ(page.find("mailto:"), std::string::npos);
  EXPECT_EQ(page.find("example.org"), std::string::npos);
}

TEST_F(Bulletin, KeyFactsCountTheTeamAndNameOnlyTheConseillerWhoAgreed) {
  std::string page = html("2022-T2");
  EXPECT_NE(page.find("<dt>Conseillers numériques en poste</dt><dd>2 (dont Camille Durand)</dd>"),
            std::string::npos);
  EXPECT_NE(page.find("<dt>Conseillers ayant transmis un rapport</dt><dd>2</dd>"),
            std::string::npos);
  // Six reports owed for April to June (two conseillers), Jean Secret's May one missing.
  EXPECT_NE(page.find("<dt>Rapports mensuels reçus</dt><dd>5 sur 6 attendus</dd>"),
            std::string::npos);
  EXPECT_NE(page.find("<dt>Situation au</dt><dd>15 juillet 2022</dd>"), std::string::npos);
  // July 2022 is not owed before August: nothing is expected yet in the third quarter.
  EXPECT_NE(html("2022-T3").find("<dd>1 (aucun n&#39;était encore dû)</dd>"), std::string::npos);
  std::string text = pdf_text("2022-T2");
  EXPECT_NE(text.find("Conseillers numériques en poste : 2 (dont Camille Durand)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Rapports mensuels reçus : 5 sur 6 attendus"), std::string::npos);
}

TEST_F(Bulletin, TotalTilesSayTheChangeFromThePreviousQuarterInWords) {
  EXPECT_NE(html("2022-T2").find("<span class=\"nombre\">42</span>Accompagnements individuels"
                                 "<span class=\"evolution\">+32 (+320\u00a0%) par rapport au 1er "
                                 "trimestre 2022</span>"),
            std::string::npos);
  EXPECT_NE(html("2022-T1").find("<span class=\"evolution\">pas de rapport au 4e trimestre "
                                 "2021</span>"),
            std::string::npos);
}

TEST_F(Bulletin, MonthTableHasOneColumnPerMonthInBothFormats) {
  std::string page = html("2022-T2");
  EXPECT_NE(page.find("<th scope=\"col\" class=\"n\">avril 2022</th><th scope=\"col\" "
                      "class=\"n\">mai 2022</th><th scope=\"col\" class=\"n\">juin 2022</th>"),
            std::string::npos);
  EXPECT_NE(page.find("<tr><th scope=\"row\">Rapports mensuels reçus</th><td class=\"n\">2</td>"
                      "<td class=\"n\">1</td><td class=\"n\">2</td></tr>"),
            std::string::npos);
  std::regex individual("Accompagnements individuels\\s+17\\s+8\\s+17\\n");
  EXPECT_TRUE(std::regex_search(pdf_text("2022-T2"), individual));
}

TEST_F(Bulletin, MonthsLackingAReportAreListedWithCountsAndPublishableNamesOnly) {
  EXPECT_NE(html("2022-T2").find("<li>mai 2022 : 1 conseiller sans rapport</li>"),
            std::string::npos);
  std::string t1 = html("2022-T1");
  EXPECT_NE(t1.find("<li>janvier 2022 : 2 conseillers sans rapport (dont Camille Durand)</li>"),
            std::string::npos);
  EXPECT_NE(t1.find("<li>mars 2022 : 1 conseiller sans rapport</li>"), std::string::npos);
  EXPECT_NE(html("2022-T3").find("Tous les rapports mensuels attendus"), std::string::npos);
}

TEST_F(Bulletin, ChartsAreAccessibleSvgWithTheirFiguresInTables) {
  std::string page = html("2022-T2");
  EXPECT_NE(page.find("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""), std::string::npos);
  EXPECT_NE(page.find("<title id=\"g-mois-titre\">Activité par mois</title>"), std::string::npos);
  EXPECT_NE(page.find("avril 2022 : 17 accompagnements individuels, 4 ateliers collectifs"),
            std::string::npos);
  EXPECT_NE(page.find("mai 2022 : 8 accompagnements individuels, 1 atelier collectif, 4 demandes "
                      "ponctuelles, 0 appel Solidarité Numérique ;"),
            std::string::npos);
  EXPECT_NE(page.find("Prendre en main un équipement : 10 accompagnements ; Démarches en ligne : 8 "
                      "accompagnements"),
            std::string::npos);
  EXPECT_NE(page.find("<th scope=\"row\">Démarches en ligne</th><td class=\"n\">8</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<th scope=\"row\">Permanence</th><td class=\"n\">10</td>"),
            std::string::npos);
  EXPECT_EQ(page.find("<link"), std::string::npos);  // self-contained
  EXPECT_EQ(page.find("<img"), std::string::npos);
}

TEST_F(Bulletin, PdfCarriesTheSameTotalsMentionAndLiteralName) {
  std::string text = pdf_text("2022-T2");
  EXPECT_NE(text.find("<script>alert(1)</script> & Cie"), std::string::npos);
  EXPECT_NE(text.find("Opération soutenue par l’État dans le cadre du dispositif Conseiller"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("www.conseiller-numerique.gouv.fr"), std::string::npos);
  // pdftotext turns the no-break space before % into a plain space.
  std::regex individual("Accompagnements individuels\\s+42\\s+10\\s+\\+32 \\(\\+320\\s%\\)");
  EXPECT_TRUE(std::regex_search(text, individual)) << text;
  std::regex usagers("Usagers accompagnés\\s+77\\s+20");
  EXPECT_TRUE(std::regex_search(text, usagers));
  EXPECT_NE(text.find("mai 2022 : 1 conseiller sans rapport"), std::string::npos);
  EXPECT_NE(text.find("repérer les arnaques"), std::string::npos);
  EXPECT_EQ(text.find("alert(\"faits\")"), std::string::npos);  // raw HTML dropped
  // The ```signatures fence in a highlight stays a code block, never a signature field.
  EXPECT_NE(text.find("Ne pas signer"), std::string::npos);
  EXPECT_EQ(read_file(*s_out / "bulletins/hostile/2022-T2.pdf").find("/Sig"), std::string::npos);
  // The programme's address is a link a reader can click, as in the HTML bulletin.
  std::string objects = run("qpdf --qdf --object-streams=disable '" +
                            (*s_out / "bulletins/hostile/2022-T2.pdf").string() + "' -");
  EXPECT_NE(objects.find("/URI (https://www.conseiller-numerique.gouv.fr)"), std::string::npos);
}

/// Pixels of page 1 rasterised by poppler at 40 dpi whose colour is within 40 of `rgb`.
int pixels_of_colour(const std::string& pdf, std::array<int, 3> rgb) {
  std::string ppm = run("pdftoppm -r 40 -f 1 -l 1 '" + pdf + "'");
  std::istringstream in(ppm);
  std::string magic;
  int width = 0, height = 0, depth = 0;
  in >> magic >> width >> height >> depth;
  in.get();
  int count = 0;
  for (int i = 0; i < width * height; ++i) {
    std::array<int, 3> px{in.get(), in.get(), in.get()};
    bool near = true;
    for (int c = 0; c < 3; ++c) near = near && std::abs(px[c] - rgb[c]) <= 40;
    count += near;
  }
  return count;
}

TEST_F(Bulletin, PdfPageImageShowsTheMonthChartBarsInEachSeriesColour) {
  std::string path = (*s_out / "bulletins/hostile/2022-T2.pdf").string();
  // The four series: bleu France, its light tint, green, brick (chart_model.cpp).
  EXPECT_GT(pixels_of_colour(path, {0, 0, 145}), 40);
  EXPECT_GT(pixels_of_colour(path, {106, 106, 244}), 5);
  EXPECT_GT(pixels_of_colour(path, {0, 144, 129}), 5);
  EXPECT_GT(pixels_of_colour(path, {206, 97, 74}), 5);
}

TEST_F(Bulletin, PdfIsValidWithEmbeddedFonts) {
  std::string path = (*s_out / "bulletins/hostile/2022-T2.pdf").string();
  EXPECT_NO_THROW(run("qpdf --check '" + path + "' >/dev/null"));
  std::string fonts = run("pdffonts '" + path + "'");
  EXPECT_NE(fonts.find("LiberationSans"), std::string::npos);
  EXPECT_EQ(fonts.find(" no  "), std::string::npos) << fonts;  // every font embedded
}

/// The structure elements a screen reader follows, read with pikepdf (python3-pikepdf): one
/// line per element, "Role alt=…" for figures.
std::string pdf_roles(const std::string& pdf) {
  return run(
      "/usr/bin/python3 -c '\n"
      "import sys, pikepdf\n"
      "pdf = pikepdf.open(sys.argv[1])\n"
      "def walk(e):\n"
      "    print(str(e.S)[1:] + (\" alt=\" + str(e.Alt) if \"/Alt\" in e else \"\"))\n"
      "    k = e.get(\"/K\")\n"
      "    for x in (list(k) if isinstance(k, pikepdf.Array) else [k]):\n"
      "        if isinstance(x, pikepdf.Dictionary) and \"/S\" in x: walk(x)\n"
      "walk(pdf.Root.StructTreeRoot.K)\n"
      "' '" +
      pdf + "'");
}

TEST_F(Bulletin, PdfIsTaggedAndEveryChartSaysWhatItShows) {
  std::string path = (*s_out / "bulletins/hostile/2022-T2.pdf").string();
  EXPECT_NE(run("pdfinfo '" + path + "'").find("Tagged:          yes"), std::string::npos);
  std::string roles = pdf_roles(path);
  // the month chart: every series of every month, with its figure
  EXPECT_NE(roles.find("Figure alt=Graphique en barres de l’activité par mois. avril 2022 : "
                       "Accompagnements individuels "),
            std::string::npos)
      << roles;
  EXPECT_NE(roles.find("mai 2022 :"), std::string::npos) << roles;
  // the themes chart: its title and its bars
  EXPECT_NE(roles.find("Figure alt=Graphique en barres : Thèmes abordés. "), std::string::npos)
      << roles;
  std::istringstream in(roles);
  int figures = 0;
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Figure", 0) == 0) {
      ++figures;
      EXPECT_GT(line.size(), std::string("Figure alt=").size() + 20) << line;
    }
  EXPECT_GE(figures, 2);
  EXPECT_NE(roles.find("Table\nTR\nTH\n"), std::string::npos) << roles;
  EXPECT_NE(roles.find("Link"), std::string::npos) << roles;  // the programme's site
}

TEST_F(Bulletin, TwoBuildsAreByteIdentical) {
  auto again = fresh_dir("again");
  emit_bulletins(*s_model, again);
  for (const auto& job : *s_jobs)
    EXPECT_EQ(read_file(*s_out / job.path), read_file(again / job.path)) << job.path;
  std::filesystem::remove_all(again);
}

// Only the host skips (--keep-going): every bulletin is planned, and those that read the
// report in error list it.
TEST_F(Bulletin, ARecordWithAnErrorIsListedByTheBulletinsThatReadIt) {
  Model model = *s_model;
  model.index();
  const RecordRef bad{RecordKind::Rapport, "cn-0002/2022-04"};
  model.invalid.insert(bad);
  auto jobs = make_bulletin_emitter()->plan(model, ProjectContext{{}, {}}, BuildState{});
  EXPECT_EQ(jobs.size(), s_jobs->size());
  std::vector<std::string> not_reading;
  for (const auto& job : jobs)
    if (std::find(job.inputs.begin(), job.inputs.end(), bad) == job.inputs.end())
      not_reading.push_back(job.path);
  EXPECT_EQ(not_reading, (std::vector<std::string>{"bulletins/hostile/2022-T1.html",
                                                   "bulletins/hostile/2022-T1.pdf"}));
}

}  // namespace
}  // namespace tampon::testing
