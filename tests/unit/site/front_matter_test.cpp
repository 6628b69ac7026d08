// The front matter is read by the loader's YAML reader (load/yaml_tree, load/map_reader): the
// values of the usual forms, and its findings (French wording, "vouliez-vous dire", positions
// in the page, limits) under the site's code.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "front_matter.hpp"

namespace {

using tampon::Diagnostics;
using tampon::site::decode_front_matter_yaml;
using tampon::site::FrontMatter;
using tampon::site::split_front_matter;

FrontMatter decode(const std::string& yaml, Diagnostics& findings) {
  FrontMatter meta;
  decode_front_matter_yaml(yaml, "content/p.md", 2, meta, findings);
  return meta;
}

TEST(FrontMatter, ReadsTheUsualFormsWithoutFindings) {
  struct Case {
    std::string yaml, title;
  };
  const std::vector<Case> usual = {
      {"", ""},
      {"title: Accueillir un conseiller numérique\n", "Accueillir un conseiller numérique"},
      {"title: \"Page 7 de la rubrique 3\"\ndescription: \"Description\"\norder: 7\n",
       "Page 7 de la rubrique 3"},
      {"title: 'Les étapes : pas à pas'\nlayout: faq\n", "Les étapes : pas à pas"},
      {"title: Page non trouvée\nlayout: \"404\"\ndraft: false\n", "Page non trouvée"},
      {"title:   espaces autour   \ndescription: a:b, c#d, 10:30 et 50 %\n", "espaces autour"},
      {"\ntitle: ligne vide avant\n\norder: 12\n", "ligne vide avant"},
      {"title: \"  gardés  \"\n", "  gardés  "},
      {"title: C# et F#\n", "C# et F#"},
      {"title: a # commentaire\n", "a"},
      {"# commentaire\ntitle: a\n", "a"},
      {"title: 'l''apostrophe'\n", "l'apostrophe"},
      {"title: sur\n  deux lignes\n", "sur deux lignes"},
      {"title: >\n  plié\n", "plié\n"},
      {"title: crlf\r\n", "crlf"},
  };
  for (const Case& c : usual) {
    Diagnostics findings;
    FrontMatter meta = decode(c.yaml, findings);
    EXPECT_TRUE(findings.empty()) << c.yaml << (findings.empty() ? "" : findings[0].message);
    EXPECT_EQ(meta.title, c.title) << c.yaml;
  }
  Diagnostics findings;
  FrontMatter meta = decode(
      "title: Ancienne\naliases:\n  - /eligibilite/\n  - \"/vieux/chemin/\"\norder: -3\n"
      "draft: true\nmenu: principal\nmenu_title: Court\nlayout: faq\n",
      findings);
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(meta.aliases, (std::vector<std::string>{"/eligibilite/", "/vieux/chemin/"}));
  EXPECT_EQ(meta.order, -3);
  EXPECT_TRUE(meta.draft);
  EXPECT_TRUE(meta.main_menu);
  EXPECT_EQ(meta.menu_title, "Court");
  EXPECT_EQ(meta.layout, "faq");
}

TEST(FrontMatter, AMisspeltKeyGetsASuggestionAtItsPlaceInThePage) {
  Diagnostics findings;
  auto page =
      split_front_matter("---\ntitle: a\ndescripton: b\n---\ncorps\n", "content/p.md", findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "site-front-matter");
  EXPECT_EQ(findings[0].where.file, "content/p.md");
  EXPECT_EQ(findings[0].where.line, 3u);
  EXPECT_EQ(findings[0].where.column, 1u);
  EXPECT_NE(findings[0].message.find("vouliez-vous dire « description »"), std::string::npos)
      << findings[0].message;
  EXPECT_EQ(page.meta.title, "a");
}

TEST(FrontMatter, FindingsAreInFrenchAtTheirLineAndColumn) {
  Diagnostics findings;
  auto page =
      split_front_matter("---\ntitle: a\nmenu: secondaire\n---\ncorps\n", "content/p.md", findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].where.line, 3u);
  EXPECT_EQ(findings[0].where.column, 7u);
  EXPECT_NE(findings[0].message.find("« secondaire » inconnue pour « menu »"), std::string::npos)
      << findings[0].message;
  EXPECT_FALSE(page.meta.main_menu);
  EXPECT_EQ(page.body, "corps\n");

  struct Wrong {
    std::string yaml;
    unsigned line, column;
  };
  const std::vector<Wrong> wrong = {
      {"draft: yes\n", 2, 8},         {"order: premier\n", 2, 8},   {"order: 9999999999\n", 2, 8},
      {"layout: inconnu\n", 2, 9},    {"aliases: /seul/\n", 2, 10}, {"title: [a, b]\n", 2, 8},
      {"title: a\ntitle: b\n", 3, 1}, {"aliases: [[a]]\n", 2, 11},
  };
  for (const Wrong& w : wrong) {
    Diagnostics found;
    decode(w.yaml, found);
    ASSERT_EQ(found.size(), 1u) << w.yaml;
    EXPECT_EQ(found[0].code, "site-front-matter") << w.yaml;
    EXPECT_EQ(found[0].where.line, w.line) << w.yaml << found[0].message;
    EXPECT_EQ(found[0].where.column, w.column) << w.yaml << found[0].message;
    EXPECT_EQ(found[0].message.rfind("en-tête de la page : ", 0), 0u) << found[0].message;
  }
}

TEST(FrontMatter, ASyntaxErrorIsPlacedInThePage) {
  Diagnostics findings;
  split_front_matter("---\ntitle: a\ndescription: [b\n---\ncorps\n", "content/p.md", findings);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].code, "site-front-matter");
  EXPECT_GE(findings[0].where.line, 3u);
  EXPECT_NE(findings[0].message.find("en-tête YAML illisible"), std::string::npos);
}

TEST(FrontMatter, AHostileHeaderStopsAtTheLimits) {
  std::string deep = "title: a\naliases: " + std::string(200, '[') + std::string(200, ']') + "\n";
  Diagnostics findings;
  decode(deep, findings);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].code, "site-front-matter");

  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 0; i < 12; ++i)
    bomb += "b" + std::to_string(i) + ": &b" + std::to_string(i) + " [" +
            std::string(i == 0 ? "*a" : "*b" + std::to_string(i - 1)) + ", " +
            std::string(i == 0 ? "*a" : "*b" + std::to_string(i - 1)) + ", *a, *a, *a, *a]\n";
  Diagnostics found;
  decode(bomb, found);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].code, "site-front-matter");
}

TEST(FrontMatter, GivesTheMetaThroughSplitFrontMatter) {
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
