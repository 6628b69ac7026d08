// bulletin-template: the HTML bulletin is templates/bulletin/bulletin.mustache and bulletin.css,
// the project's own first (the communication team edits them), checked against the view's
// schema at check() time with file:line:column.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>

#include "bulletin_fixture.hpp"
#include "bulletin_html.hpp"

namespace tampon::testing {
namespace {
namespace fs = std::filesystem;

std::string shipped(const std::string& name) {
  return read_file(fs::path(TAMPON_SOURCE_DIR) / "templates/bulletin" / name);
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

/// The shipped page template with `from` replaced by `to` (once; fails when absent).
std::string shipped_page_with(const std::string& from, const std::string& to) {
  std::string page = shipped("bulletin.mustache");
  auto at = page.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) page.replace(at, from.size(), to);
  return page;
}

const Diagnostic* find_code(const Diagnostics& found, const std::string& code) {
  for (const Diagnostic& d : found)
    if (d.code == code) return &d;
  return nullptr;
}

TEST(BulletinTemplate, TheShippedTemplatesPassTheCheck) {
  EXPECT_EQ(find_code(check_bulletins(*bulletin_model()), "bulletin-template"), nullptr);
}

TEST(BulletinTemplate, AProjectsOwnTemplateAndStyleSheetMakeItsBulletins) {
  auto dir = fresh_dir("override");
  write(dir / "templates/bulletin/bulletin.mustache",
        shipped_page_with("<h1>{{structure}}</h1>",
                          "<h1>Lettre de l'équipe : {{structure}}</h1>\n<p>{{trimestre}}</p>"));
  write(dir / "templates/bulletin/bulletin.css", "body{color:#123456}\n");
  auto model = bulletin_model();
  EXPECT_TRUE(check_bulletins(*model, dir).empty());
  Diagnostics rendered;
  emit_bulletins(*model, dir / "out", &rendered);
  EXPECT_TRUE(rendered.empty());
  std::string html = read_file(dir / "out/bulletins/hostile/2022-T1.html");
  // The project's text, with the structure's name escaped by the view.
  EXPECT_NE(html.find("<h1>Lettre de l'équipe : &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                      "Cie</h1>\n<p>1er trimestre 2022 (janvier à mars 2022)</p>"),
            std::string::npos)
      << html.substr(0, 2000);
  EXPECT_NE(html.find("<style>\nbody{color:#123456}\n</style>"), std::string::npos);
  EXPECT_EQ(html.find("--bleu:#000091"), std::string::npos);  // not the shipped style sheet
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  fs::remove_all(dir);
}

TEST(BulletinTemplate, AnUnknownVariableIsReportedAtItsLineWithASuggestion) {
  auto dir = fresh_dir("unknown");
  std::string page = shipped_page_with("<h1>{{structure}}</h1>", "<h1>{{structur}}</h1>");
  write(dir / "templates/bulletin/bulletin.mustache", page);
  Diagnostics found = check_bulletins(*bulletin_model(), dir);
  const Diagnostic* d = find_code(found, "bulletin-template");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::Error);
  EXPECT_EQ(d->where.file, "templates/bulletin/bulletin.mustache");
  std::size_t at = page.find("{{structur}}");
  std::uint32_t line =
      1 + static_cast<std::uint32_t>(std::count(page.begin(), page.begin() + at, '\n'));
  EXPECT_EQ(d->where.line, line);
  EXPECT_EQ(d->where.column, 5u);
  EXPECT_NE(d->message.find("vouliez-vous dire « structure »"), std::string::npos) << d->message;
  fs::remove_all(dir);
}

TEST(BulletinTemplate, AnUnclosedSectionIsReportedAtItsLine) {
  auto dir = fresh_dir("syntax");
  write(dir / "templates/bulletin/bulletin.mustache",
        shipped_page_with("{{/reperes}}</dl>", "</dl>"));
  Diagnostics found = check_bulletins(*bulletin_model(), dir);
  const Diagnostic* d = find_code(found, "bulletin-template");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.file, "templates/bulletin/bulletin.mustache");
  EXPECT_GT(d->where.line, 0u);
  fs::remove_all(dir);
}

TEST(BulletinTemplate, AStyleSheetThatIsAFolderIsRefusedAndNoHtmlIsWritten) {
  auto dir = fresh_dir("folder");
  fs::create_directories(dir / "templates/bulletin/bulletin.css");
  auto model = bulletin_model();
  Diagnostics found = check_bulletins(*model, dir);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].where.file, "templates/bulletin/bulletin.css");
  Diagnostics rendered;
  emit_bulletins(*model, dir / "out", &rendered);
  EXPECT_FALSE(rendered.empty());
  EXPECT_FALSE(fs::exists(dir / "out/bulletins/hostile/2022-T1.html"));
  EXPECT_TRUE(fs::exists(dir / "out/bulletins/hostile/2022-T1.pdf"));
  fs::remove_all(dir);
}

TEST(BulletinTemplate, EveryHtmlJobDependsOnBothTemplates) {
  auto dir = fresh_dir("depends");
  auto jobs = emit_bulletins(*bulletin_model(), dir / "out");
  ASSERT_FALSE(jobs.empty());
  for (const OutputJob& job : jobs) {
    if (!job.path.ends_with(".html")) continue;
    ASSERT_EQ(job.depends_on.size(), 2u) << job.path;
    EXPECT_TRUE(job.depends_on[0].ends_with("templates/bulletin/bulletin.mustache"));
    EXPECT_TRUE(job.depends_on[1].ends_with("templates/bulletin/bulletin.css"));
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tampon::testing

namespace tampon::testing {
namespace {

/// The first cell of every row of the manual's "Variables des bulletins" table.
std::set<std::string> documented_bulletin_variables() {
  std::string page = read_file(std::filesystem::path(TAMPON_SOURCE_DIR) / "docs/pages.md");
  auto start = page.find("### Variables des bulletins");
  std::set<std::string> names;
  if (start == std::string::npos) return names;
  auto end = page.find("\n## ", start);
  std::string part = page.substr(start, end == std::string::npos ? end : end - start);
  std::regex row(R"(\n\| `([a-z0-9_.\[\]]+)` \|)");
  for (std::sregex_iterator it(part.begin(), part.end(), row), last; it != last; ++it)
    names.insert((*it)[1]);
  return names;
}

TEST(BulletinTemplate, TheManualListsExactlyTheViewsVariables) {
  std::set<std::string> view;
  for (std::string_view name : bulletin::bulletin_view_variables()) view.insert(std::string(name));
  EXPECT_EQ(documented_bulletin_variables(), view);
  // And the schema built from the list accepts every one of them.
  tmpl::Template page{"essai.mustache", ""};
  for (const std::string& name : view)
    if (!name.starts_with("reperes")) page.text += "{{" + name + "}}\n";
  page.text += "{{#reperes}}{{libelle}}{{valeur}}{{/reperes}}\n";
  EXPECT_TRUE(tmpl::check_template(page, bulletin::bulletin_view_schema()).empty());
}

}  // namespace
}  // namespace tampon::testing
