#include "write/output_tree.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "tampon/diagnostic.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class OutputTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("tampon-tree-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    out = root / "out";
  }
  void TearDown() override { fs::remove_all(root); }
  fs::path root, out;
};

TEST_F(OutputTreeTest, FilesForFoldersOutHasSitSideBySideInOneFlatFolder) {
  fs::create_directories(out / "site" / "rubrique" / "page");
  fs::create_directories(out / "echeanciers");
  OutputTree tree(out);
  fs::path a = tree.stage("site/rubrique/page/index.html");
  fs::path b = tree.stage("site/rubrique/page/autre.html");
  fs::path c = tree.stage("echeanciers/cv-1.xlsx");
  EXPECT_EQ(a.parent_path(), out / ".tampon-tmp");
  EXPECT_EQ(b.parent_path(), out / ".tampon-tmp");
  EXPECT_EQ(c.parent_path(), out / ".tampon-tmp");
  EXPECT_NE(a, b);
  EXPECT_TRUE(a.filename().string().ends_with("-index.html")) << a;
  EXPECT_EQ(c.extension(), ".xlsx");
  EXPECT_TRUE(fs::is_directory(a.parent_path()));
}

TEST_F(OutputTreeTest, FilesForNewFoldersAreStagedInACopyOfTheTree) {
  OutputTree tree(out);
  fs::path a = tree.stage("site/rubrique/page/index.html");
  fs::path b = tree.stage("site/autre/index.html");
  EXPECT_EQ(a, out / ".tampon-tmp" / "tree" / "site" / "rubrique" / "page" / "index.html");
  EXPECT_EQ(b, out / ".tampon-tmp" / "tree" / "site" / "autre" / "index.html");
  EXPECT_TRUE(fs::is_directory(a.parent_path()));
  // No folder of the outputs exists in --out yet: only the staging folder and the lock.
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(out)) names.insert(e.path().filename().string());
  EXPECT_EQ(names, (std::set<std::string>{".tampon-lock", ".tampon-tmp"}));
}

TEST_F(OutputTreeTest, CommitMovesEachNewFolderInWholeAndMakesEachFolderOnce) {
  OutputTree tree(out);
  std::vector<std::pair<fs::path, std::string>> staged;
  for (int i = 0; i < 30; ++i) {
    std::string rel = (i % 3 == 0   ? "a/x/"
                       : i % 3 == 1 ? "a/y/"
                                    : "b/") +
                      std::to_string(i) + ".txt";
    staged.emplace_back(tree.stage(rel), rel);
    std::ofstream(staged.back().first) << "fichier " << i;
  }
  // .tampon-tmp; tree/a/x (refused), tree/a (refused), tree, tree/a, tree/a/x; tree/a/y;
  // tree/b: each folder once, not once per file.
  EXPECT_EQ(tree.mkdir_calls(), 8u);
  std::size_t before = tree.mkdir_calls();
  for (const auto& [path, rel] : staged) tree.place(path, rel);
  tree.commit();
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(read(out / staged[static_cast<std::size_t>(i)].second),
              "fichier " + std::to_string(i));
  }
  EXPECT_EQ(tree.commit_renames(), 2u);  // a and b, with everything in them
  EXPECT_EQ(tree.mkdir_calls(), before);
  EXPECT_FALSE(fs::exists(out / ".tampon-tmp"));
  EXPECT_FALSE(fs::exists(out / ".tampon-journal"));
}

TEST_F(OutputTreeTest, ANewFolderInsideAnExistingOneIsMovedInAndTheRestRenamedFileByFile) {
  fs::create_directories(out / "site");
  std::ofstream(out / "site" / "ancien.html") << "ancien";
  OutputTree tree(out);
  std::vector<std::pair<fs::path, std::string>> staged;
  for (std::string rel : {"site/index.html", "site/neuf/a/index.html", "site/neuf/b/index.html"}) {
    staged.emplace_back(tree.stage(rel), rel);
    std::ofstream(staged.back().first) << rel;
  }
  EXPECT_EQ(staged[0].first.parent_path(), out / ".tampon-tmp");  // flat: site/ exists
  for (const auto& [path, rel] : staged) tree.place(path, rel);
  tree.commit();
  for (const auto& [path, rel] : staged) EXPECT_EQ(read(out / rel), rel);
  EXPECT_EQ(read(out / "site" / "ancien.html"), "ancien");
  EXPECT_EQ(tree.commit_renames(), 2u);  // site/index.html, then site/neuf whole
}

TEST_F(OutputTreeTest, ABuildThatDoesNotCommitLeavesNoNewFolderBehind) {
  fs::create_directories(out / "ancien");
  {
    OutputTree tree(out);
    std::ofstream(tree.stage("ancien/neuf/page.html")) << "jamais publié";
    std::ofstream(tree.stage("autre/x/y/page.html")) << "jamais publié";
  }  // destroyed without commit, like a failed build
  EXPECT_TRUE(fs::is_directory(out / "ancien"));
  EXPECT_FALSE(fs::exists(out / "ancien" / "neuf"));
  EXPECT_FALSE(fs::exists(out / "autre"));
  EXPECT_FALSE(fs::exists(out / ".tampon-tmp"));
}

TEST_F(OutputTreeTest, CommitIntoFoldersOfAPreviousBuildKeepsTheirOtherFiles) {
  fs::create_directories(out / "a");
  std::ofstream(out / "a" / "ancien.txt") << "ancien";
  OutputTree tree(out);
  fs::path staged = tree.stage("a/nouveau.txt");
  std::ofstream(staged) << "nouveau";
  tree.place(staged, "a/nouveau.txt");
  tree.commit();
  EXPECT_EQ(read(out / "a" / "nouveau.txt"), "nouveau");
  EXPECT_EQ(read(out / "a" / "ancien.txt"), "ancien");
}

TEST_F(OutputTreeTest, AFolderRemovedWhileTheBuildRanIsMadeAgainAtCommit) {
  fs::create_directories(out / "a");
  OutputTree tree(out);
  fs::path staged = tree.stage("a/b.txt");
  EXPECT_EQ(staged.parent_path(), out / ".tampon-tmp");
  std::ofstream(staged) << "x";
  fs::remove(out / "a");
  tree.place(staged, "a/b.txt");
  tree.commit();
  EXPECT_EQ(read(out / "a" / "b.txt"), "x");
}

TEST_F(OutputTreeTest, AFileWhereAFolderMustGoIsAnOutputFailure) {
  fs::create_directories(out);
  std::ofstream(out / "a") << "un fichier";
  OutputTree tree(out);
  fs::path staged = tree.stage("a/b.txt");
  std::ofstream(staged) << "x";
  tree.place(staged, "a/b.txt");
  EXPECT_THROW(tree.commit(), Fatal);
  EXPECT_EQ(read(out / "a"), "un fichier");
  EXPECT_FALSE(fs::exists(out / ".tampon-journal"));  // refused before the commit point
}

TEST_F(OutputTreeTest, DiscardRemovesTheStagingAndAnOutputFolderItCreated) {
  {
    OutputTree tree(out);
    std::ofstream(tree.stage("a/b/c.txt")) << "jamais publié";
  }  // destroyed without commit, like a failed build
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(OutputTreeTest, StagingLeftByACrashedBuildIsClearedBeforeUse) {
  fs::create_directories(out / ".tampon-tmp" / "vieux");
  std::ofstream(out / ".tampon-tmp" / "0-index.html") << "reste d'un plantage";
  OutputTree tree(out);
  fs::path staged = tree.stage("index.html");
  EXPECT_FALSE(fs::exists(staged));
  EXPECT_FALSE(fs::exists(out / ".tampon-tmp" / "vieux"));
}

}  // namespace
}  // namespace tampon

namespace tampon {
namespace {

// FolderWalk answers as OutFolder::blocked does for each folder of a list, whatever their
// order: siblings share their parent's descriptor, a last part is only looked at.
TEST_F(OutputTreeTest, AFolderWalkFindsTheLinkTheFileAndTheMissingPartAmongSiblings) {
  for (const char* folder : {"site/a/p1", "site/a/p2", "site/b/p1", "site/c"})
    fs::create_directories(out / folder);
  fs::create_directories(root / "ailleurs");
  fs::create_symlink("../../../ailleurs", out / "site" / "a" / "p3");
  std::ofstream(out / "site" / "b" / "p2") << "un fichier";
  OutFolder folder(out);
  FolderWalk walk(folder);
  std::string missing;
  EXPECT_EQ(walk.blocked("site/a/p1", &missing), std::nullopt);
  EXPECT_EQ(missing, "");
  EXPECT_EQ(walk.blocked("site/a/p2", &missing), std::nullopt);
  auto link = walk.blocked("site/a/p3", &missing);
  ASSERT_TRUE(link.has_value());
  EXPECT_NE(link->find("lien symbolique"), std::string::npos) << *link;
  EXPECT_NE(link->find((out / "site/a/p3").string()), std::string::npos) << *link;
  EXPECT_EQ(walk.blocked("site/b/p1", &missing), std::nullopt);
  auto file = walk.blocked("site/b/p2", &missing);
  ASSERT_TRUE(file.has_value());
  EXPECT_NE(file->find("n'est pas un dossier"), std::string::npos) << *file;
  // Below a link: refused at the link, never looked at through it.
  link = walk.blocked("site/a/p3/sous", &missing);
  ASSERT_TRUE(link.has_value());
  EXPECT_NE(link->find((out / "site/a/p3").string() + " "), std::string::npos) << *link;
  EXPECT_EQ(walk.blocked("site/c/neuf/encore", &missing), std::nullopt);
  EXPECT_EQ(missing, "site/c/neuf");
  missing.clear();
  EXPECT_EQ(walk.blocked("site/a/p1", &missing), std::nullopt);  // back up the tree
  EXPECT_EQ(missing, "");
  EXPECT_EQ(walk.blocked("", &missing), std::nullopt);
  // The same answers as one folder at a time.
  EXPECT_EQ(folder.blocked("site/a/p3"), FolderWalk(folder).blocked("site/a/p3"));
  EXPECT_TRUE(fs::is_empty(root / "ailleurs"));
}

}  // namespace
}  // namespace tampon
