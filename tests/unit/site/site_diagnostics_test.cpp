// Each site diagnostic is reported on the file (and line) the communication team has to fix.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "site_fixture.hpp"

namespace tampon::site_test {
namespace {

TEST(SiteDiagnostics, PageSavedInLatin1IsRefusedAtItsFirstBadByte) {
  Project p;
  p.write("content/guide.md", "---\ntitle: Guide\n---\n\nD\xe9marches en ligne.\n");
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-read");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::Error);
  EXPECT_EQ(d->where.file, "content/guide.md");
  EXPECT_EQ(d->where.line, 5u);
  EXPECT_EQ(d->where.column, 2u);
  EXPECT_NE(d->message.find("UTF-8"), std::string::npos) << d->message;
}

TEST(SiteDiagnostics, FrontMatterValueOfTheWrongKindIsAnErrorAtItsLine) {
  Project p;
  p.write("content/guide.md", "---\ntitle: Guide\norder: premier\n---\n\nTexte.\n");
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-front-matter");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, "content/guide.md");
  EXPECT_EQ(d->where.line, 3u);
  EXPECT_NE(d->message.find("order"), std::string::npos) << d->message;
}

TEST(SiteDiagnostics, TwoFilesForTheSameAddressAreAnError) {
  Project p;
  p.write("content/guide/etapes.md", "---\ntitle: Étapes\n---\n\nUn.\n");
  p.write("content/guide/etapes/_index.md", "---\ntitle: Étapes bis\n---\n\nDeux.\n");
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-duplicate-page");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("guide/etapes"), std::string::npos) << d->message;
}

TEST(SiteDiagnostics, AliasTakenByAPageIsAnError) {
  Project p;
  p.write("content/faq.md", "---\ntitle: FAQ\n---\n\nQuestions.\n");
  p.write("content/guide.md", "---\ntitle: Guide\naliases: [/faq/]\n---\n\nTexte.\n");
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-alias");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, "content/guide.md");
  EXPECT_NE(d->message.find("/faq/"), std::string::npos) << d->message;
}

TEST(SiteDiagnostics, MissingNotFoundPageIsAnError) {
  Project p;
  std::filesystem::remove(p.dir / "content/404.md");
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-missing-page");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("404.md"), std::string::npos) << d->message;
}

TEST(SiteDiagnostics, UnknownPartialInAProjectTemplateIsAnErrorAtItsLine) {
  Project p;
  std::string page =
      read_all(std::filesystem::path(TAMPON_SOURCE_DIR) / "templates/site/page.mustache");
  ASSERT_FALSE(page.empty());
  p.write("templates/site/page.mustache", "{{> en-tete-disparu}}\n" + page);
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-template");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, "templates/site/page.mustache");
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_NE(d->message.find("en-tete-disparu"), std::string::npos) << d->message;
}

TEST(SiteDiagnostics, MissingDesignSystemIsAnErrorThatSaysHowToInstallIt) {
  Project p;
  // Neither the project nor the "shipped" folder has node_modules/@gouvfr/dsfr.
  p.project.shipped_dir = p.dir;
  std::filesystem::create_directories(p.dir / "templates");
  std::filesystem::copy(std::filesystem::path(TAMPON_SOURCE_DIR) / "templates/site",
                        p.dir / "templates/site", std::filesystem::copy_options::recursive);
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-dsfr-missing");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::Error);
  EXPECT_NE(d->message.find("npm ci"), std::string::npos) << d->message;
}

/// The shipped site.yaml with `from` replaced by `to` (once).
std::string shipped_config_with(const std::string& from, const std::string& to) {
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/content/site.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  auto at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

std::uint32_t line_of(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  return static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + at, '\n') + 1);
}

TEST(SiteDiagnostics, MisspeltKeyOfTheSiteConfigurationGetsASuggestionAtItsLine) {
  Project p;
  std::string config = shipped_config_with("\nbaseline:", "\nbasline:");
  p.write("content/site.yaml", config);
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-config");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, "content/site.yaml");
  EXPECT_EQ(d->where.line, line_of(config, "basline:"));
  EXPECT_EQ(d->where.column, 1u);
  EXPECT_NE(d->message.find("vouliez-vous dire « baseline »"), std::string::npos) << d->message;
}

TEST(SiteDiagnostics, UnreadableSiteConfigurationIsAnErrorInFrenchAtItsPlace) {
  Project p;
  std::string config =
      shipped_config_with("  statut: partiellement conforme", "  statut: \"partiellement conforme");
  p.write("content/site.yaml", config);
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-config");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, "content/site.yaml");
  EXPECT_GE(d->where.line, line_of(config, "statut:"));
  EXPECT_EQ(d->message.rfind("configuration du site illisible : ", 0), 0u) << d->message;
  EXPECT_EQ(d->message.find("found"), std::string::npos) << "in French: " << d->message;
}

// site-config: a base address without a site name (fuzz_site_config: "url_base: https://"
// ended the build with an uncaught exception).
TEST(SiteDiagnostics, SiteConfig_BaseUrlWithoutASiteNameIsAnErrorAtItsLine) {
  for (const char* bad : {"https://", "http://", "https:///guide/"}) {
    Project p;
    std::string config =
        shipped_config_with("url_base: https://guide-employeur.conseiller-numerique.gouv.fr/",
                            "url_base: " + std::string(bad));
    p.write("content/site.yaml", config);
    Diagnostics found = p.build();
    const Diagnostic* d = find_code(found, "site-config");
    ASSERT_NE(d, nullptr) << bad;
    EXPECT_EQ(d->where.line, line_of(config, "url_base: " + std::string(bad))) << bad;
    EXPECT_NE(d->message.find("n'a pas de nom de site"), std::string::npos) << d->message;
  }
}

TEST(SiteDiagnostics, FrontMatterKeyMisspeltGetsASuggestion) {
  Project p;
  p.write("content/guide.md", "---\ntitle: Guide\ndescripton: Texte\n---\n\nTexte.\n");
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-front-matter");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, "content/guide.md");
  EXPECT_EQ(d->where.line, 3u);
  EXPECT_EQ(d->where.column, 1u);
  EXPECT_NE(d->message.find("vouliez-vous dire « description »"), std::string::npos) << d->message;
}

// A broken anchor names the closest heading anchor of the page it points into, at the link.
TEST(SiteDiagnostics, BrokenAnchorGetsTheClosestHeadingOfTheTargetPage) {
  Project p;
  p.write("content/guide.md",
          "---\ntitle: Guide\n---\n\n## Démarches en ligne\n\nTexte.\n\n## Pièces à fournir\n");
  p.write("content/faq.md",
          "---\ntitle: FAQ\n---\n\nVoir [le guide](guide.md#demarche-en-ligne).\n\n"
          "Et [plus bas](#questionss).\n\n## Questions\n");
  Diagnostics found = p.build();
  std::vector<const Diagnostic*> broken;
  for (const auto& d : found)
    if (d.code == "site-broken-link") broken.push_back(&d);
  ASSERT_EQ(broken.size(), 2u);
  std::ranges::sort(broken, {}, [](const Diagnostic* d) { return d->where.line; });
  EXPECT_EQ(broken[0]->where.file, "content/faq.md");
  EXPECT_EQ(broken[0]->where.line, 5u);
  EXPECT_EQ(broken[0]->message,
            "ancre cassée : « #demarche-en-ligne » n'existe pas dans la page « guide.md » ; "
            "vouliez-vous dire « #demarches-en-ligne » ?");
  EXPECT_EQ(broken[1]->where.line, 7u);
  EXPECT_NE(broken[1]->message.find("vouliez-vous dire « #questions » ?"), std::string::npos)
      << broken[1]->message;
}

TEST(SiteDiagnostics, LinkToAMisspeltPageGetsTheClosestPageAsTheLinkWouldBeWritten) {
  Project p;
  p.write("content/guide/etapes.md", "---\ntitle: Étapes\n---\n\nTexte.\n");
  p.write("content/guide/faq.md",
          "---\ntitle: FAQ\n---\n\nVoir [les étapes](etapse.md) et [l'accueil](../_indx.md).\n");
  Diagnostics found = p.build();
  std::vector<std::string> messages;
  for (const auto& d : found)
    if (d.code == "site-broken-link" && d.where.file == "content/guide/faq.md")
      messages.push_back(d.message);
  ASSERT_EQ(messages.size(), 2u);
  std::ranges::sort(messages);
  EXPECT_EQ(
      messages[0],
      "lien cassé : la page « ../_indx.md » n'existe pas ; vouliez-vous dire « /_index.md » ?");
  EXPECT_EQ(messages[1],
            "lien cassé : la page « etapse.md » n'existe pas ; vouliez-vous dire « etapes.md » ?");
}

TEST(SiteDiagnostics, BrokenAnchorFarFromEveryHeadingGetsNoHint) {
  Project p;
  p.write("content/guide.md", "---\ntitle: Guide\n---\n\n## Démarches\n");
  p.write("content/faq.md", "---\ntitle: FAQ\n---\n\nVoir [le guide](guide.md#zzz).\n");
  Diagnostics found = p.build();
  const Diagnostic* d = find_code(found, "site-broken-link");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message.find("vouliez-vous"), std::string::npos) << d->message;
}

}  // namespace
}  // namespace tampon::site_test
