// `tampon init DIR` (issue 15): a project that validates at once, with one commented example
// of each record kind, and a folder that holds anything is never written into.
#include <gtest/gtest.h>

#include <fstream>
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
}

}  // namespace
}  // namespace tampon::testing
