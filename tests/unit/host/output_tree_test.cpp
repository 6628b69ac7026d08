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

TEST_F(OutputTreeTest, StagedFilesSitSideBySideInOneFolderAndKeepTheirFileName) {
  OutputTree tree(out);
  fs::path a = tree.stage("site/rubrique/page/index.html");
  fs::path b = tree.stage("site/autre/page/index.html");
  fs::path c = tree.stage("echeanciers/cv-1.xlsx");
  EXPECT_EQ(a.parent_path(), out / ".tampon-tmp");
  EXPECT_EQ(b.parent_path(), out / ".tampon-tmp");
  EXPECT_EQ(c.parent_path(), out / ".tampon-tmp");
  EXPECT_NE(a, b);
  EXPECT_TRUE(a.filename().string().ends_with("-index.html")) << a;
  EXPECT_EQ(c.extension(), ".xlsx");
  EXPECT_TRUE(fs::is_directory(a.parent_path()));
  // No folder of the outputs exists anywhere yet: only the staging folder.
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator{}), 1);
}

TEST_F(OutputTreeTest, CommitPutsEachFileInPlaceAndMakesEachFolderOnce) {
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
  std::size_t before = tree.mkdir_calls();
  EXPECT_EQ(before, 3u);  // .tampon-tmp (refused: no out/), out/, .tampon-tmp again
  auto commit_half = [&](std::size_t from) {
    for (std::size_t i = from; i < staged.size(); i += 2)
      tree.commit(staged[i].first, staged[i].second);
  };
  {
    std::jthread other(commit_half, 1);
    commit_half(0);
  }
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(read(out / staged[static_cast<std::size_t>(i)].second),
              "fichier " + std::to_string(i));
  }
  // a/x (refused: no a/), a, a/x again, a/y, b: one mkdir per folder, not one per file.
  EXPECT_EQ(tree.mkdir_calls() - before, 5u);
  tree.discard();
  EXPECT_FALSE(fs::exists(out / ".tampon-tmp"));
}

TEST_F(OutputTreeTest, CommitIntoFoldersOfAPreviousBuildKeepsTheirOtherFiles) {
  fs::create_directories(out / "a");
  std::ofstream(out / "a" / "ancien.txt") << "ancien";
  OutputTree tree(out);
  fs::path staged = tree.stage("a/nouveau.txt");
  std::ofstream(staged) << "nouveau";
  tree.commit(staged, "a/nouveau.txt");
  EXPECT_EQ(read(out / "a" / "nouveau.txt"), "nouveau");
  EXPECT_EQ(read(out / "a" / "ancien.txt"), "ancien");
}

TEST_F(OutputTreeTest, AFileWhereAFolderMustGoIsAnOutputFailure) {
  fs::create_directories(out);
  std::ofstream(out / "a") << "un fichier";
  OutputTree tree(out);
  fs::path staged = tree.stage("a/b.txt");
  std::ofstream(staged) << "x";
  EXPECT_THROW(tree.commit(staged, "a/b.txt"), Fatal);
  EXPECT_EQ(read(out / "a"), "un fichier");
}

TEST_F(OutputTreeTest, DiscardRemovesTheStagingAndAnOutputFolderItCreated) {
  {
    OutputTree tree(out);
    std::ofstream(tree.stage("a/b/c.txt")) << "jamais publié";
  }  // destroyed without commit, like a failed build
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(OutputTreeTest, FoldersPreparedForABuildThatFailsAreRemovedAndOldOnesKept) {
  fs::create_directories(out / "ancien");
  {
    OutputTree tree(out);
    std::ofstream(tree.stage("ancien/neuf/page.html")) << "jamais publié";
    tree.prepare_folder("ancien/neuf/page.html");
    tree.prepare_folder("autre/x/y/page.html");
    EXPECT_TRUE(fs::is_directory(out / "ancien" / "neuf"));
    EXPECT_TRUE(fs::is_directory(out / "autre" / "x" / "y"));
  }  // destroyed without commit, like a failed build
  EXPECT_TRUE(fs::is_directory(out / "ancien"));
  EXPECT_FALSE(fs::exists(out / "ancien" / "neuf"));
  EXPECT_FALSE(fs::exists(out / "autre"));
}

TEST_F(OutputTreeTest, FoldersPreparedAheadAreKeptOnceTheBuildCommits) {
  OutputTree tree(out);
  fs::path staged = tree.stage("a/b/page.html");
  std::ofstream(staged) << "publié";
  tree.prepare_folder("a/b/page.html");
  std::size_t made = tree.mkdir_calls();
  tree.commit(staged, "a/b/page.html");
  EXPECT_EQ(tree.mkdir_calls(), made);  // already there: commit only renames
  tree.discard();
  EXPECT_EQ(read(out / "a" / "b" / "page.html"), "publié");
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
