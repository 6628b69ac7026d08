// --project and --out are checked before anything is read or written (issue 13): each refusal
// is a usage error (exit 2) in French, paths being resolved (links and "..") before comparison.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void expect_usage_error(const RunResult& r, const std::string& part) {
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, part)) << r.err;
  EXPECT_TRUE(contains(r.err, "tampon: erreur:")) << r.err;
}

TEST(ProjectPaths, AProjectFolderThatDoesNotExistIsAUsageError) {
  Project p;
  expect_usage_error(p.run({"validate", "--project", "/nonexistent/typo"}), "n'existe pas");
  expect_usage_error(p.run({"build", "--project", "faute-de-frappe"}), "faute-de-frappe");
  EXPECT_FALSE(fs::exists(p.dir() / "out"));
}

TEST(ProjectPaths, AProjectThatIsAFileIsAUsageError) {
  Project p;
  p.write("projet.yaml", "id: x\n");
  expect_usage_error(p.run({"validate", "--project", "projet.yaml"}), "n'est pas un dossier");
}

TEST(ProjectPaths, EmptyProjectOrOutIsAUsageError) {
  Project p;
  write_minimal_valid_project(p);
  expect_usage_error(p.run({"validate", "--project", ""}), "--project est vide");
  expect_usage_error(p.run({"build", "--out", ""}), "--out est vide");
  EXPECT_FALSE(fs::exists(p.dir() / "manifest.json"));  // nothing in the current folder
}

TEST(ProjectPaths, AnOutputFolderInsideTheSourcesIsAUsageError) {
  Project p;
  write_minimal_valid_project(p);
  fs::create_directories(p.dir() / "content");
  for (const char* out : {"content/sortie", "data", "templates/x/y", "content/../data/z"})
    expect_usage_error(p.run({"build", "--only", "records-json", "--out", out}),
                       "est dans le dossier");
  // Through a link: "publie" is content/ under another name.
  fs::create_directory_symlink(p.dir() / "content", p.dir() / "publie");
  expect_usage_error(p.run({"build", "--only", "records-json", "--out", "publie/out"}),
                     "dossier content/");
  // A folder that does not exist yet, then "..": still inside data/.
  expect_usage_error(p.run({"build", "--out", "data/nouveau/../../data/x"}), "dossier data/");
  EXPECT_FALSE(fs::exists(p.dir() / "content/sortie"));
  EXPECT_FALSE(fs::exists(p.dir() / "data/export"));
}

TEST(ProjectPaths, AnOutputFolderEqualToTheProjectIsAUsageError) {
  Project p;
  write_minimal_valid_project(p);
  expect_usage_error(p.run({"build", "--out", "."}), "dossier du projet");
  expect_usage_error(p.run({"build", "--out", "./sous/.."}), "dossier du projet");
  std::string name = p.dir().filename().string();
  expect_usage_error(p.run({"build", "--out", "../" + name}), "dossier du projet");
}

TEST(ProjectPaths, AnOrdinaryOutputFolderIsAccepted) {
  Project p;
  write_minimal_valid_project(p);
  // validate and plugins do not write: --out is not their concern.
  EXPECT_EQ(p.run({"validate", "--as-of", "2024-06-30", "--out", "data"}).exit_code, 0);
  EXPECT_EQ(p.run({"plugins", "--project", "/nonexistent"}).exit_code, 0);
  auto r = p.run(
      {"build", "--only", "records-json", "--as-of", "2024-06-30", "--out", "sorties/nationales"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(p.dir() / "sorties/nationales/export/records.json"));
  // "content-publie" only starts like "content": not inside it.
  fs::create_directories(p.dir() / "content");
  EXPECT_EQ(
      p.run({"build", "--only", "records-json", "--as-of", "2024-06-30", "--out", "content-publie"})
          .exit_code,
      0);
}

}  // namespace
}  // namespace tampon::testing
