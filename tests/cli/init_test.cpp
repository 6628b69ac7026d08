// `tampon init DIR` (issue 15): a project that validates at once, with one commented example
// of each record kind, and a folder that holds anything is never written into.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;

TEST(Init, MakesAProjectWithOneCommentedExampleOfEachKindThatValidatesAndBuilds) {
  Project p;
  auto made = p.run({"init", "nouveau"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("tampon validate --project nouveau"), std::string::npos);
  for (const char* kind : {"structures", "conseillers", "conventions", "avenants", "versements",
                           "rapports", "depenses"}) {
    fs::path folder = p.dir() / "nouveau" / "data" / kind;
    ASSERT_TRUE(fs::is_directory(folder)) << kind;
    auto file = fs::directory_iterator(folder)->path();
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    EXPECT_TRUE(first.starts_with("# ")) << file << " : pas de commentaire en tête";
  }
  EXPECT_TRUE(fs::is_regular_file(p.dir() / "nouveau" / "README.md"));
  // Without --as-of: the examples must stay valid whatever today's date.
  auto checked = p.run({"validate", "--project", "nouveau"});
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  EXPECT_NE(checked.err.find("0 erreur, 0 avertissement"), std::string::npos) << checked.err;
  auto built = p.run({"build", "--project", "nouveau", "--out", "sortie", "--quiet"});
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_TRUE(fs::is_regular_file(p.dir() / "sortie" / "conventions" / "cv-exemple.pdf"));
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Issue 15 point 2: each example names its schema in its first line, relative to itself, and
// the schemas are in the project (offline), the same as the repository's schemas/ (which the
// ctest RecordSchemas.CommittedFilesAreGenerated keeps equal to the field tables).
TEST(Init, WritesTheSchemasEveryExampleNamesInItsYamlLanguageServerHeader) {
  Project p;
  ASSERT_EQ(p.run({"init", "nouveau"}).exit_code, 0);
  const fs::path project = p.dir() / "nouveau";
  const std::pair<const char*, const char*> kinds[] = {
      {"structures", "structure"}, {"conseillers", "conseiller"}, {"conventions", "convention"},
      {"avenants", "avenant"},     {"versements", "versement"},   {"rapports", "rapport"},
      {"depenses", "depense"}};
  const fs::path source = TAMPON_SOURCE_DIR;
  for (const auto& [folder, kind] : kinds) {
    const std::string schema_name = std::string(kind) + ".schema.json";
    const fs::path schema = project / "schemas" / schema_name;
    ASSERT_TRUE(fs::is_regular_file(schema)) << schema;
    EXPECT_EQ(read_file(schema), read_file(source / "schemas" / schema_name)) << schema_name;
    auto parsed = nlohmann::json::parse(read_file(schema));
    EXPECT_EQ(parsed.at("$schema"), "http://json-schema.org/draft-07/schema#");
    EXPECT_TRUE(parsed.at("definitions").contains(kind)) << schema_name;
    for (const auto& entry : fs::directory_iterator(project / "data" / folder)) {
      std::ifstream in(entry.path());
      std::string first;
      std::getline(in, first);
      const std::string prefix = "# yaml-language-server: $schema=";
      ASSERT_TRUE(first.starts_with(prefix)) << entry.path() << " : " << first;
      fs::path target = entry.path().parent_path() / first.substr(prefix.size());
      EXPECT_TRUE(fs::equivalent(target, schema)) << entry.path() << " -> " << target;
    }
  }
  // VS Code's YAML extension ties every file of data/<kind>/ to its schema, header or not.
  auto settings = nlohmann::json::parse(read_file(project / ".vscode" / "settings.json"));
  for (const auto& [folder, kind] : kinds) {
    auto globs = settings.at("yaml.schemas").at("./schemas/" + std::string(kind) + ".schema.json");
    EXPECT_EQ(globs.at(0), "data/" + std::string(folder) + "/**/*.yaml") << kind;
    EXPECT_TRUE(fs::is_regular_file(project / ("schemas/" + std::string(kind) + ".schema.json")));
  }
  // A real validator (python3-jsonschema) accepts every example against the project's schemas.
  const fs::path report = p.dir() / "validation.txt";
  int status = std::system(
      ("/usr/bin/python3 '" + (source / "tests/schemas/validate_schemas.py").string() + "' '" +
       source.string() + "' project '" + project.string() + "' > '" + report.string() + "' 2>&1")
          .c_str());
  EXPECT_EQ(status, 0) << read_file(report);
  EXPECT_NE(read_file(report).find("7 fichiers de fiches lus"), std::string::npos)
      << read_file(report);
}

TEST(Init, RefusesAFolderThatHoldsAnythingAndChangesNothingInIt) {
  Project p;
  p.write("existant/data/structures/ma-structure.yaml", "id: ma-structure\n");
  auto before = p.snapshot("existant");
  auto r = p.run({"init", "existant"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("n'est pas un dossier vide"), std::string::npos) << r.err;
  EXPECT_EQ(p.snapshot("existant"), before);
  p.write("un-fichier", "x");
  EXPECT_EQ(p.run({"init", "un-fichier"}).exit_code, 2);
  EXPECT_EQ(p.run({"init"}).exit_code, 2);
  fs::create_directories(p.dir() / "vide");
  EXPECT_EQ(p.run({"init", "vide"}).exit_code, 0);
}

TEST(Init, ListsWhatItMadeAsJson) {
  Project p;
  auto r = p.run({"init", "nouveau", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"data/conventions/cv-exemple.yaml\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"schemas/convention.schema.json\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tampon::testing
