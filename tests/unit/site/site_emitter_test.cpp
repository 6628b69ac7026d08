#include <gtest/gtest.h>

#include "site_fixture.hpp"

namespace {

using namespace tampon;
using namespace tampon::site_test;

TEST(SiteEmitter, EveryMarkdownFileBecomesAPageAtTheMatchingPath) {
  Project p;
  p.write("content/guide/_index.md", "---\ntitle: Guide\nmenu: principal\norder: 5\n---\nIntro.\n");
  p.write("content/guide/etapes.md", "---\ntitle: Étapes\n---\n## Une\n");
  Diagnostics d = p.build();
  EXPECT_EQ(errors(d), 0u) << (d.empty() ? "" : d[0].message);
  EXPECT_NE(p.output("site/index.html").find("<h1>Accueil</h1>"), std::string::npos);
  EXPECT_NE(p.output("site/guide/index.html").find("<h1>Guide</h1>"), std::string::npos);
  std::string etapes = p.output("site/guide/etapes/index.html");
  EXPECT_NE(etapes.find("<h1>Étapes</h1>"), std::string::npos);
  EXPECT_NE(etapes.find("href=\"../../dsfr/dsfr.min.css\""), std::string::npos);
  EXPECT_NE(p.output("site/404.html").find("Page non trouvée"), std::string::npos);
}

TEST(SiteEmitter, EachPageOfASectionMarksItselfAndOnlyItselfInTheSideMenu) {
  Project p;  // rendered one after the other on one thread, sharing the section's menu
  p.write("content/guide/_index.md", "---\ntitle: Guide\n---\nIntro.\n");
  for (const char* name : {"un", "deux", "trois"})
    p.write(std::string("content/guide/") + name + ".md",
            std::string("---\ntitle: Titre ") + name + "\n---\nTexte.\n");
  ASSERT_EQ(errors(p.build()), 0u);
  for (const char* name : {"un", "deux", "trois", ""}) {
    std::string html =
        p.output(std::string("site/guide/") + name + (*name ? "/" : "") + "index.html");
    std::string active = "fr-sidemenu__item--active\"><a class=\"fr-sidemenu__link\" href=\"";
    std::size_t first = html.find(active);
    ASSERT_NE(first, std::string::npos) << name;
    EXPECT_EQ(html.find(active, first + 1), std::string::npos) << name;  // only one
    std::string item = html.substr(first, html.find("</li>", first) - first);
    EXPECT_NE(item.find(*name ? std::string(">Titre ") + name + "<" : ">Vue d&#39;ensemble<"),
              std::string::npos)
        << item;
    EXPECT_NE(item.find("aria-current=\"page\""), std::string::npos) << item;
  }
}

/// The side-menu items are rendered once per section when the page template allows it (see
/// site_templates.cpp); a template whose item shows anything else takes the general path. Both
/// paths must write the same pages.
TEST(SiteEmitter, SideMenuItemsRenderTheSameThroughTheCachedAndTheGeneralPath) {
  std::string shipped = read_all(fs::path(TAMPON_SOURCE_DIR) / "templates/site/page.mustache");
  std::string item_open = "{{#items}}<li class=\"fr-sidemenu__item";
  ASSERT_NE(shipped.find(item_open), std::string::npos) << "the shipped side menu changed";
  // An empty section over a page value: prints nothing, but the item now reads outside itself.
  std::string general = shipped;
  general.replace(general.find(item_open), 10, "{{#items}}{{#root}}{{/root}}");
  auto pages = [](const std::string& page_template) {
    Project p;
    p.write("templates/site/page.mustache", page_template);
    p.write("content/guide/_index.md", "---\ntitle: Guide\n---\nIntro.\n");
    for (const char* name : {"un", "deux", "trois"})
      p.write(std::string("content/guide/") + name + ".md",
              std::string("---\ntitle: Titre <") + name + "> & co\n---\nTexte.\n");
    EXPECT_EQ(errors(p.build()), 0u);
    std::string all;
    for (const char* name : {"", "un/", "deux/", "trois/"})
      all += p.output(std::string("site/guide/") + name + "index.html");
    return all;
  };
  std::string cached = pages(shipped);
  EXPECT_NE(cached.find("Titre &lt;deux&gt; &amp; co</a>"), std::string::npos);
  EXPECT_EQ(cached, pages(general));
}

TEST(SiteEmitter, EveryPageCarriesTheStateMentionAndTheProgrammeLink) {
  Project p;
  p.build();
  for (const char* page :
       {"site/index.html", "site/mentions-legales/index.html", "site/404.html"}) {
    std::string html = p.output(page);
    EXPECT_NE(html.find("Opération soutenue par l&#39;État dans le cadre du dispositif Conseiller "
                        "numérique"),
              std::string::npos)
        << page;
    EXPECT_NE(html.find("href=\"https://www.conseiller-numerique.gouv.fr\""), std::string::npos)
        << page;
  }
}

TEST(SiteEmitter, FrontMatterValuesAreHtmlEscaped) {
  Project p;
  p.write(
      "content/x.md",
      "---\ntitle: \"<script>alert('x')</script> & co\"\ndescription: \"a\\\"b\"\n---\nTexte.\n");
  p.build();
  std::string html = p.output("site/x/index.html");
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"),
            std::string::npos);
}

TEST(SiteEmitter, BrokenLinkIsAnErrorNamingTheMarkdownFileAndLine) {
  Project p;
  p.write("content/a.md", "---\ntitle: A\n---\n\nUn lien vers [rien](inexistant.md).\n");
  Diagnostics d = p.build();
  const Diagnostic* broken = find_code(d, "site-broken-link");
  ASSERT_NE(broken, nullptr);
  EXPECT_EQ(broken->severity, Severity::Error);
  EXPECT_EQ(broken->where.file, "content/a.md");
  EXPECT_EQ(broken->where.line, 5u);
  EXPECT_EQ(broken->where.column, 21u);  // the target, after "[rien]("
}

TEST(SiteEmitter, BrokenAnchorIsAnErrorAndAGoodOneResolvesToARelativeHref) {
  Project p;
  p.write("content/a.md",
          "---\ntitle: A\n---\n## Deux mots\n\n[ok](b.md#titre-b) [ko](b.md#absent)\n");
  p.write("content/b.md", "---\ntitle: B\n---\n## Titre B\n\n[retour](a.md#deux-mots)\n");
  Diagnostics d = p.build();
  std::size_t broken = 0;
  for (const auto& x : d)
    if (x.code == "site-broken-link") {
      ++broken;
      EXPECT_NE(x.message.find("#absent"), std::string::npos);
      EXPECT_EQ(x.where.line, 6u);
    }
  EXPECT_EQ(broken, 1u);
  EXPECT_NE(p.output("site/a/index.html").find("href=\"../b/#titre-b\""), std::string::npos);
}

TEST(SiteEmitter, MissingMandatoryConfigurationItemIsAnErrorWithFileAndLine) {
  Project p;
  p.write("content/site.yaml", "nom_service: Test\nurl_base: https://exemple.gouv.fr/\n");
  Diagnostics d = p.build();
  const Diagnostic* missing = nullptr;
  for (const auto& x : d)
    if (x.code == "site-config" && x.message.find("accessibilite") != std::string::npos)
      missing = &x;
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->where.file, "content/site.yaml");
  EXPECT_EQ(missing->where.line, 1u);
}

TEST(SiteEmitter, SearchIndexFoldsAccentsSoPlainQueriesMatch) {
  Project p;
  p.write("content/d.md", "---\ntitle: Les Démarches\n---\nRéaliser ses démarches en ligne.\n");
  p.build();
  EXPECT_EQ(p.output("site/recherche/index.json"), "[\"index-1.json\"]\n");  // one part
  std::string index = p.output("site/recherche/index-1.json");
  EXPECT_NE(index.find("\"t\":\"Les Démarches\""), std::string::npos);
  EXPECT_NE(index.find("realiser ses demarches en ligne"), std::string::npos);
  EXPECT_EQ(index.find("404"), std::string::npos);
}

TEST(SiteEmitter, SearchIndexIsCutInPartsOfFiftyPagesListedByTheFirstFile) {
  Project p;  // 7 pages of the fixture
  for (int i = 0; i < 60; ++i)
    p.write("content/p" + std::to_string(100 + i) + ".md",
            "---\ntitle: Page " + std::to_string(i) + "\n---\nMot" + std::to_string(i) + ".\n");
  EXPECT_EQ(errors(p.build()), 0u);
  EXPECT_EQ(p.output("site/recherche/index.json"), "[\"index-1.json\",\n\"index-2.json\"]\n");
  std::string first = p.output("site/recherche/index-1.json");
  std::string second = p.output("site/recherche/index-2.json");
  // In source order: 404, _index, accessibilite, donnees-personnelles, mentions-legales, then
  // p100 (Page 0) … p144 (Page 44) make part 1; Page 45 … 59, plan-du-site, recherche part 2.
  EXPECT_NE(first.find("\"t\":\"Page 44\""), std::string::npos);
  EXPECT_EQ(first.find("\"t\":\"Page 45\""), std::string::npos);
  EXPECT_NE(second.find("\"t\":\"Page 45\""), std::string::npos);
  EXPECT_NE(second.find("\"t\":\"Page 59\""), std::string::npos);
  EXPECT_EQ(second.find("\"t\":\"Page 0\""), std::string::npos);
}

TEST(SiteEmitter, DataBlocksComeFromTheBaremesAndTranchesAddUp) {
  Project p;
  p.write("content/m.md",
          "---\ntitle: M\n---\n```tampon\ngrille relance-2021\n```\n\n```tampon\ntranches "
          "relance-2021\n```\n");
  EXPECT_EQ(errors(p.build()), 0u);
  std::string html = p.output("site/m/index.html");
  EXPECT_NE(html.find("<caption>Montant par poste : France Relance 2021</caption>"),
            std::string::npos);
  EXPECT_NE(html.find("50\u202f000,00\u00a0€"), std::string::npos);
  // 33 333,33 € → 6 666,66 + 9 999,99 + 16 666,68 (the last takes the remainder)
  EXPECT_NE(html.find("6\u202f666,66\u00a0€"), std::string::npos);
  EXPECT_NE(html.find("16\u202f666,68\u00a0€"), std::string::npos);
  EXPECT_NE(html.find("12 mois après le départ en formation du conseiller"), std::string::npos);
}

// The 2020 call accepted only collectivités and their establishments (familles_eligibles):
// its grid must not offer a private association 40 000 €, nor its schedule a column for it.
TEST(SiteEmitter, AGridListsOnlyTheFamiliesItsCallWasOpenTo) {
  Project p;
  Regime closed = p.model.baremes.regimes.front();
  closed.id = "relance-2020";
  closed.label = "France Relance 2020";
  closed.eligible = {Family::Collectivite, Family::PublicRattache};
  GridRow prive = closed.grid.front();
  prive.id = "prive-cdi-projet-40000";
  prive.label = "Structure privée, CDI";
  prive.families = {Family::Prive};
  prive.amount = Money::euros(40000);
  closed.grid = {closed.grid.front(), prive};
  p.model.baremes.regimes.push_back(closed);
  p.write("content/m.md",
          "---\ntitle: M\n---\n```tampon\ngrille relance-2020\n```\n\n```tampon\ntranches "
          "relance-2020\n```\n\n```tampon\ndurees\n```\n");
  EXPECT_EQ(errors(p.build()), 0u);
  std::string html = p.output("site/m/index.html");
  std::string grid = html.substr(0, html.find("Calendrier des versements"));
  EXPECT_NE(grid.find("Collectivité, contrat de droit public"), std::string::npos);
  EXPECT_EQ(grid.find("Structure privée, CDI"), std::string::npos);
  EXPECT_NE(grid.find("Cet appel n'était pas ouvert aux familles de structures suivantes : "
                      "autre organisme public, structure privée."),
            std::string::npos);
  std::string schedule = html.substr(html.find("Calendrier des versements"));
  schedule = schedule.substr(0, schedule.find("</table>"));
  EXPECT_EQ(schedule.find("Poste à 40\u202f000,00\u00a0€"), std::string::npos);
  std::string durations = html.substr(html.find("Période financée selon"));
  EXPECT_EQ(durations.find("France Relance 2020</th><td>Structure privée"), std::string::npos);
  // The amount is the second column, right-aligned, where the eye lands.
  EXPECT_NE(grid.find("<th scope=\"col\">Structure</th><th scope=\"col\" "
                      "class=\"fr-cell--right\">Montant par poste</th>"),
            std::string::npos);
  p.write("content/d.md", "---\ntitle: D\n---\n[La grille](/donnees/grille-des-montants.csv)\n");
  p.build();
  std::string csv = p.output("site/donnees/grille-des-montants.csv");
  EXPECT_EQ(csv.find("relance-2020;prive-cdi-projet-40000"), std::string::npos);
  EXPECT_NE(csv.find("relance-2020;public-50000"), std::string::npos);
}

TEST(SiteEmitter, UnknownRegimeInADataBlockIsAnErrorAtItsLine) {
  Project p;
  p.write("content/m.md", "---\ntitle: M\n---\n\n```tampon\ngrille inconnu\n```\n");
  Diagnostics found = p.build();  // find_code points into it: keep it alive
  const Diagnostic* bad = find_code(found, "site-data-block");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->where.line, 5u);
}

TEST(SiteEmitter, DownloadLinksShowFormatAndSize) {
  Project p;
  p.write("content/m.md", "---\ntitle: M\n---\n[La grille](/donnees/grille-des-montants.csv)\n");
  p.build();
  std::string csv = p.output("site/donnees/grille-des-montants.csv");
  ASSERT_FALSE(csv.empty());
  std::string html = p.output("site/m/index.html");
  EXPECT_NE(html.find("class=\"fr-link fr-link--download\" download"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"fr-link__detail\">CSV – " + std::to_string(csv.size()) +
                      " octets</span>"),
            std::string::npos);
}

TEST(SiteEmitter, PlansOneJobPerFileWithItsSourcesAsDependencies) {
  Project p;
  p.build();
  bool css = false, home = false;
  for (const auto& job : p.jobs) {
    css = css || job.path == "site/dsfr/dsfr.min.css";
    if (job.path == "site/index.html") {
      home = true;
      bool own = false;
      for (const auto& dep : job.depends_on) own = own || dep.ends_with("content/_index.md");
      EXPECT_TRUE(own);
    }
  }
  EXPECT_TRUE(css);
  EXPECT_TRUE(home);
  EXPECT_FALSE(p.output("site/dsfr/fonts/Marianne-Regular.woff2").empty());
  EXPECT_NE(p.output("site/sitemap.xml")
                .find("<loc>https://guide-employeur.conseiller-numerique.gouv.fr/</loc>"),
            std::string::npos);
}

TEST(SiteEmitter, AliasesRedirectToTheirPage) {
  Project p;
  p.write("content/a.md", "---\ntitle: A\naliases: [/ancien/]\n---\nx\n");
  EXPECT_EQ(errors(p.build()), 0u);
  EXPECT_NE(p.output("site/ancien/index.html").find("url=../a/"), std::string::npos);
}

}  // namespace
