// bulletin-template on a copy of the sample project: editing templates/bulletin/ (the
// communication team's page) renders the HTML bulletins again and nothing else, and a broken
// template stops the build at check time with the template's line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {
namespace fs = std::filesystem;

const fs::path k_source = TAMPON_SOURCE_DIR;
const std::string k_as_of = "2024-06-30";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int count(const std::string& err, const std::string& what) {
  std::smatch m;
  return std::regex_search(err, m, std::regex("(\\d+) fichier\\(s\\) " + what)) ? std::stoi(m[1])
                                                                                : -1;
}

void copy_sample(const Project& p) {
  fs::copy(k_source / "data", p.dir() / "data", fs::copy_options::recursive);
  fs::copy(k_source / "templates", p.dir() / "templates", fs::copy_options::recursive);
}

std::string page_with(const Project& p, const std::string& from, const std::string& to) {
  std::string page = read(p.dir() / "templates/bulletin/bulletin.mustache");
  auto at = page.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) page.replace(at, from.size(), to);
  return page;
}

TEST(BulletinTemplate, EditingTheTemplateRendersOnlyTheHtmlBulletinsAgain) {
  Project p;
  copy_sample(p);
  const std::string emitters = "convention-pdf,bulletin";
  auto first = p.run({"build", "--as-of", k_as_of, "--only", emitters});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto before = p.snapshot("out");
  auto manifest = nlohmann::json::parse(before["manifest.json"]);
  int html = 0;
  for (const auto& f : manifest["files"])
    if (f["path"].get<std::string>().ends_with(".html")) ++html;
  ASSERT_GT(html, 0);

  p.write("templates/bulletin/bulletin.mustache",
          page_with(p, "<p class=\"chapo\">",
                    "<p class=\"edito\">Le mot de l'équipe.</p>\n<p class=\"chapo\">"));
  auto second = p.run({"build", "--as-of", k_as_of, "--only", emitters});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(count(second.err, "écrit\\(s\\)"), html) << second.err;
  auto after = p.snapshot("out");
  for (const auto& [path, bytes] : before) {
    if (path == "manifest.json") continue;
    bool bulletin_html = path.starts_with("bulletins/") && path.ends_with(".html");
    if (!bulletin_html) {
      EXPECT_EQ(after[path], bytes) << path;
      continue;
    }
    EXPECT_NE(after[path].find("<p class=\"edito\">Le mot de l'équipe.</p>"), std::string::npos)
        << path;
  }

  p.write("templates/bulletin/bulletin.css",
          read(p.dir() / "templates/bulletin/bulletin.css") + ".edito{font-style:italic}\n");
  auto third = p.run({"build", "--as-of", k_as_of, "--only", emitters});
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_EQ(count(third.err, "écrit\\(s\\)"), html) << third.err;
  for (const auto& f : manifest["files"]) {
    std::string path = f["path"];
    if (!path.ends_with(".html")) continue;
    EXPECT_NE(read(p.dir() / "out" / path).find(".edito{font-style:italic}\n</style>"),
              std::string::npos)
        << path;
  }
}

TEST(BulletinTemplate, AnUnknownVariableStopsTheBuildAtItsLine) {
  Project p;
  copy_sample(p);
  std::string page = page_with(p, "{{structure}}</h1>", "{{structure.nom}}</h1>");
  p.write("templates/bulletin/bulletin.mustache", page);
  auto r = p.run({"build", "--as-of", k_as_of, "--only", "bulletin"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto at = page.find("{{structure.nom}}");
  auto line = 1 + std::count(page.begin(), page.begin() + at, '\n');
  EXPECT_NE(r.err.find("templates/bulletin/bulletin.mustache:" + std::to_string(line) + ":5"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("bulletin-template"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(p.dir() / "out/bulletins"));
}

}  // namespace
}  // namespace tampon::testing
