// The simple front-matter reader must give exactly what yaml-cpp gives, or decline.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "front_matter.hpp"
#include "front_matter_simple.hpp"

namespace {

using tampon::Diagnostics;
using tampon::site::decode_front_matter_yaml;
using tampon::site::FrontMatter;
using tampon::site::read_simple_front_matter;
using tampon::site::split_front_matter;

void expect_same(const FrontMatter& a, const FrontMatter& b, const std::string& yaml) {
  EXPECT_EQ(a.title, b.title) << yaml;
  EXPECT_EQ(a.description, b.description) << yaml;
  EXPECT_EQ(a.order, b.order) << yaml;
  EXPECT_EQ(a.draft, b.draft) << yaml;
  EXPECT_EQ(a.aliases, b.aliases) << yaml;
  EXPECT_EQ(a.layout, b.layout) << yaml;
  EXPECT_EQ(a.main_menu, b.main_menu) << yaml;
  EXPECT_EQ(a.menu_title, b.menu_title) << yaml;
}

/// Returns whether the simple reader took the text; when it did, yaml-cpp must agree and find
/// nothing to say.
bool agrees_with_yaml_cpp(const std::string& yaml) {
  FrontMatter fast;
  if (!read_simple_front_matter(yaml, fast)) return false;
  FrontMatter slow;
  Diagnostics findings;
  decode_front_matter_yaml(yaml, "page.md", 2, slow, findings);
  EXPECT_TRUE(findings.empty()) << "yaml-cpp reports on a text the simple reader took:\n"
                                << yaml << "\n"
                                << (findings.empty() ? "" : findings[0].message);
  expect_same(fast, slow, yaml);
  return true;
}

TEST(SimpleFrontMatter, ReadsTheUsualFormsLikeYamlCpp) {
  const std::vector<std::string> usual = {
      "",
      "title: Accueillir un conseiller numérique\n",
      "title: \"Page 7 de la rubrique 3\"\ndescription: \"Description de Page 7\"\norder: 7\n",
      "title: Ce que l'État finance\nmenu: principal\norder: 20\nmenu_title: Financement\n",
      "title: 'Les étapes : pas à pas'\nlayout: faq\n",
      "title: Page non trouvée\nlayout: \"404\"\ndraft: false\n",
      "title: Brouillon\ndraft: true\norder: -3\n",
      "title: Ancienne\naliases:\n  - /eligibilite/\n  - \"/vieux/chemin/\"\n",
      "title: Ancienne\naliases:\n- /a/\n- /b.html\norder: 0\n",
      "title:   espaces autour   \ndescription: a:b, c#d, 10:30 et 50 %\n",
      "\ntitle: ligne vide avant\n\norder: 12\n",
      "title: \"  gardés  \"\n",
      "title: C# et F#\n",
      "title: « Guillemets » et — tirets\n",
  };
  for (const std::string& yaml : usual) EXPECT_TRUE(agrees_with_yaml_cpp(yaml)) << yaml;
}

TEST(SimpleFrontMatter, DeclinesWhatItCannotReadExactly) {
  const std::vector<std::string> declined = {
      "title: a # commentaire\n",
      "# commentaire\ntitle: a\n",
      "title: [a, b]\n",
      "title: {a: b}\n",
      "title: \"échappé \\\" guillemet\"\n",
      "title: 'l''apostrophe'\n",
      "title: sur\n  deux lignes\n",
      "title:\n  à la ligne\n",
      "title: ~\n",
      "title: null\n",
      "title: &ancre a\n",
      "title: *ancre\n",
      "title: !!str a\n",
      "title: |\n  bloc\n",
      "title: >\n  plié\n",
      "title: a: b\n",
      "title: a:\n",
      "title:a\n",
      " title: indenté\n",
      "title: a\ntitle: b\n",
      "titre: inconnue\n",
      "layout: inconnu\n",
      "menu: secondaire\n",
      "order: 007\n",
      "order: 1e3\n",
      "order: 0x10\n",
      "order: 9999999999\n",
      "order: \"5\"\n",
      "draft: yes\n",
      "draft: True\n",
      "aliases: /seul/\n",
      "aliases: [/a/]\n",
      "aliases:\n",
      "aliases:\n  - /a/\n    - /b/\n",
      "aliases:\n  - /a/\n - /b/\n",
      "title: tab\there\n",
      "title: crlf\r\n",
      "title: a\n...\n",
      "- liste\n",
      "? clé complexe\n: valeur\n",
  };
  for (const std::string& yaml : declined) {
    FrontMatter meta;
    EXPECT_FALSE(read_simple_front_matter(yaml, meta)) << yaml;
  }
}

TEST(SimpleFrontMatter, LeavesFindingsAndTheirPositionsToYamlCpp) {
  Diagnostics findings;
  auto page =
      split_front_matter("---\ntitle: a\nmenu: secondaire\n---\ncorps\n", "content/p.md", findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].where.file, "content/p.md");
  EXPECT_EQ(findings[0].where.line, 3u);
  EXPECT_EQ(findings[0].where.column, 7u);
  EXPECT_EQ(page.meta.title, "a");
  EXPECT_FALSE(page.meta.main_menu);
  EXPECT_EQ(page.body, "corps\n");
}

TEST(SimpleFrontMatter, GivesTheSameMetaThroughSplitFrontMatter) {
  Diagnostics findings;
  auto page = split_front_matter(
      "---\ntitle: Ancienne\naliases:\n  - /a/\norder: 4\nmenu: principal\n---\n# Titre\n",
      "content/p.md", findings);
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(page.meta.title, "Ancienne");
  EXPECT_EQ(page.meta.aliases, std::vector<std::string>{"/a/"});
  EXPECT_EQ(page.meta.order, 4);
  EXPECT_TRUE(page.meta.main_menu);
  EXPECT_EQ(page.body_first_line, 8);
}

}  // namespace
