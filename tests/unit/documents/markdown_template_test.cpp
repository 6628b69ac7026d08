// Document templates: unknown variables found with their line and column, values escaped
// for Markdown, and a render that refuses to print nothing for a missing name.
#include "render/template/markdown_template.hpp"

#include <gtest/gtest.h>

namespace tampon::tmpl {
namespace {

Data schema() {
  Data structure;
  structure.set("nom", Data("Commune"));
  Data post;
  post.set("numero", Data("1"));
  post.set("montant", Data("50 000,00 €"));
  Data posts(Data::type::list);
  posts.push_back(post);
  Data root;
  root.set("structure", structure);
  root.set("postes", posts);
  root.set("provisoire", Data(true));
  return root;
}

TEST(TemplateCheck, AcceptsNamesOfTheViewInSectionsAndDottedPaths) {
  Template t{"convention.md",
             "# {{structure.nom}}\n{{#postes}}| {{numero}} | {{montant}} | {{structure.nom}} |\n"
             "{{/postes}}{{^provisoire}}définitif{{/provisoire}}{{! un commentaire }}\n"};
  EXPECT_TRUE(check_template(t, schema()).empty());
}

TEST(TemplateCheck, ReportsAnUnknownVariableWithFileLineAndColumn) {
  Template t{"templates/documents/convention.md", "Ligne un\nMontant : {{total.montant}}\n"};
  auto found = check_template(t, schema());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where.file, "templates/documents/convention.md");
  EXPECT_EQ(found[0].where.line, 2u);
  EXPECT_EQ(found[0].where.column, 11u);
  EXPECT_EQ(found[0].code, k_unknown_variable);
  EXPECT_NE(found[0].message.find("total.montant"), std::string::npos);
}

// "Vouliez-vous dire" for template variables: one or two edits away, in the part of a dotted
// name that fails, inside sections too; nothing when no name is close.
TEST(TemplateCheck, AnUnknownVariableGetsTheClosestNameOfTheView) {
  auto message = [](const std::string& text) {
    auto found = check_template(Template{"t.md", text}, schema());
    return found.size() == 1 ? found[0].message : "(" + std::to_string(found.size()) + ")";
  };
  EXPECT_EQ(message("{{structure.nomm}}"),
            "variable « structure.nomm » inconnue des données du document ; vouliez-vous dire "
            "« structure.nom » ?");
  EXPECT_NE(message("{{strcture.nom}}").find("« structure.nom » ?"), std::string::npos);
  EXPECT_NE(message("{{#postes}}{{mnotant}}{{/postes}}").find("« montant » ?"),
            std::string::npos);                                                     // transposition
  EXPECT_NE(message("{{provisoir}}").find("« provisoire » ?"), std::string::npos);  // insertion
  EXPECT_NE(message("{{#postes}}{{numerro}}{{/postes}}").find("« numero » ?"), std::string::npos);
  // Two parts wrong: correcting one does not give a name of the view, so no hint.
  EXPECT_EQ(message("{{structre.nomm}}").find("vouliez-vous"), std::string::npos);
  EXPECT_EQ(message("{{total.montant}}").find("vouliez-vous"), std::string::npos);
  EXPECT_EQ(message("{{xyz}}").find("vouliez-vous"), std::string::npos);
}

// Found by fuzz_template: each unknown name of 6 to 10 letters cost a two-edit search (some
// 600 000 lookups), so a template of thousands of misspelt names took minutes to check. The
// search now has a budget per check: every unknown name is still reported, at its place, and
// the first ones keep their hint.
TEST(TemplateCheck, HintSearchesHaveABudgetSoThousandsOfMisspeltNamesStillCheckQuickly) {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += "{{provisoir}} {{structure.nomm}} {{qwertyu" + std::to_string(i % 10) + "}}\n";
  auto found = check_template(Template{"t.md", text}, schema());
  ASSERT_EQ(found.size(), 9000u);
  EXPECT_NE(found[0].message.find("« provisoire » ?"), std::string::npos);
  EXPECT_NE(found[1].message.find("« structure.nom » ?"), std::string::npos);
  EXPECT_EQ(found.back().message.find("vouliez-vous"), std::string::npos);
  EXPECT_EQ(found.back().where.line, 3000u);
  std::size_t hinted = 0;
  for (const auto& d : found) hinted += d.message.find("vouliez-vous") != std::string::npos;
  EXPECT_GT(hinted, 2u);
  EXPECT_LE(hinted, 64u);
}

TEST(TemplateCheck, AListElementNameIsUnknownOutsideItsSection) {
  Template t{"t.md", "{{#postes}}{{numero}}{{/postes}} {{numero}}"};
  auto found = check_template(t, schema());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where.column, 34u);
}

TEST(TemplateCheck, ReportsUnbalancedSectionsAndAnUnknownPartial) {
  auto found = check_template({"t.md", "{{#postes}}\n{{/structure}}\n{{> pied}}\n"}, schema());
  ASSERT_EQ(found.size(), 3u);
  int syntax = 0;
  for (const auto& d : found) {
    if (d.code == k_template_syntax) ++syntax;
    if (d.code == k_template_missing) {
      EXPECT_EQ(d.where.line, 3u);
    }
  }
  EXPECT_EQ(syntax, 2);
}

// A clause written once (a partial) is checked where it is included, and its errors point
// into its own file.
TEST(TemplateCheck, ChecksAPartialInTheContextOfItsInclusion) {
  Partials partials;
  partials["ligne"] = {"clauses/ligne.md", "Poste {{numero}} :\n{{montant}} {{inconnu}}\n"};
  auto found =
      check_template({"t.md", "{{#postes}}\n{{> ligne}}\n{{/postes}}\n"}, schema(), partials);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, k_unknown_variable);
  EXPECT_EQ(found[0].where.file, "clauses/ligne.md");
  EXPECT_EQ(found[0].where.line, 2u);
  EXPECT_EQ(found[0].where.column, 13u);
  // Outside the section, `numero` is unknown.
  EXPECT_EQ(check_template({"t.md", "{{> ligne}}\n"}, schema(), partials).size(), 3u);
  // A partial includes no other partial.
  partials["ligne"].text = "{{> ligne}}";
  EXPECT_EQ(check_template({"t.md", "{{> ligne}}"}, schema(), partials).at(0).code,
            k_template_syntax);
}

TEST(TemplateRender, RendersAPartialWithTheIncludingContext) {
  Partials partials;
  partials["ligne"] = {"clauses/ligne.md", "poste {{numero}} : {{montant}}\n"};
  std::string out =
      render({"t.md", "{{#postes}}\n{{> ligne}}\n{{/postes}}\nfin\n"}, schema(), partials);
  // Values are escaped for Markdown; the partial's tag line keeps its own line break.
  EXPECT_EQ(out, "poste 1 : 50 000\\,00 €\n\nfin\n");
  EXPECT_THROW(render({"t.md", "{{> absent}}"}, schema(), partials), std::runtime_error);
  EXPECT_TRUE(is_valid_partial_name("parties-2020"));
  EXPECT_FALSE(is_valid_partial_name("../secret"));
  EXPECT_EQ(partial_names({"t.md", "{{> b}} {{> a}} {{>b}}"}),
            (std::vector<std::string>{"a", "b"}));
}

TEST(TemplateRender, EscapesValuesForMarkdown) {
  Data view = schema();
  Data structure;
  structure.set("nom", Data("*Les | connectés* <b>"));
  view.set("structure", structure);
  std::string out = render({"t.md", "{{structure.nom}}"}, view);
  EXPECT_EQ(out, "\\*Les \\| connectés\\* \\<b\\>");
  EXPECT_EQ(escape_markdown("deux\nlignes"), "deux lignes");
}

TEST(TemplateRender, RefusesToPrintNothingForAMissingName) {
  EXPECT_THROW(render({"t.md", "{{absent}}"}, schema()), std::runtime_error);
}

TEST(TemplateRender, DropsStandaloneSectionLinesSoTablesStayWhole) {
  std::string out =
      render({"t.md", "| N |\n|---|\n{{#postes}}\n| {{numero}} |\n{{/postes}}\n"}, schema());
  EXPECT_EQ(out, "| N |\n|---|\n| 1 |\n");
}

}  // namespace
}  // namespace tampon::tmpl
