// Project files are read only when they are regular files really inside their root folder
// (io/source_file.hpp, issue 13): links out of it, FIFOs and devices are refused, without
// blocking. Test names carry the diagnostic codes (source-outside, source-not-regular).
#include "io/source_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

namespace tampon {
namespace {

namespace fs = std::filesystem;

class SourceFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base = fs::temp_directory_path() / ("tampon-source-" + std::to_string(::getpid()));
    fs::remove_all(base);
    fs::create_directories(base / "projet/content/guide");
    fs::create_directories(base / "projet/data");
    fs::create_directories(base / "ailleurs");
    write(base / "projet/content/guide/page.md", "# Page");
    write(base / "projet/data/fiche.yaml", "courriel: a@b.fr");
    write(base / "ailleurs/secret.txt", "secret");
    root = SourceRoot(base / "projet", "content");
  }
  void TearDown() override { fs::remove_all(base); }
  static void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  SourceStatus read(const fs::path& relative, std::string& text) const {
    return read_source(base / "projet/content" / relative, root, text);
  }
  fs::path base;
  SourceRoot root;
};

TEST_F(SourceFileTest, ARegularFileInsideItsRootIsRead) {
  std::string text;
  EXPECT_TRUE(read("guide/page.md", text));
  EXPECT_EQ(text, "# Page");
}

TEST_F(SourceFileTest, ALinkThatStaysInsideTheRootIsFollowed) {
  fs::create_symlink("guide/page.md", base / "projet/content/alias.md");
  std::string text;
  EXPECT_TRUE(read("alias.md", text));
  EXPECT_EQ(text, "# Page");
  EXPECT_TRUE(classify_entry(base / "projet/content/alias.md", root));
}

TEST_F(SourceFileTest, SourceOutsideALinkOutOfTheProjectIsRefused) {
  fs::create_symlink(base / "ailleurs/secret.txt", base / "projet/content/passwd.txt");
  std::string text;
  SourceStatus status = read("passwd.txt", text);
  EXPECT_EQ(status.problem, SourceProblem::outside);
  EXPECT_EQ(source_problem_code(status), "source-outside");
  EXPECT_TRUE(text.empty());
  EXPECT_NE(source_problem_message(status).find("secret.txt"), std::string::npos);
  EXPECT_EQ(classify_entry(base / "projet/content/passwd.txt", root).problem,
            SourceProblem::outside);
}

TEST_F(SourceFileTest, SourceOutsideALinkToAnotherFolderOfTheSameProjectIsRefused) {
  // A content page linked to a record would publish a conseiller's e-mail address.
  fs::create_symlink("../data/fiche.yaml", base / "projet/content/fiche.md");
  std::string text;
  EXPECT_EQ(read("fiche.md", text).problem, SourceProblem::outside);
  EXPECT_TRUE(text.empty());
}

TEST_F(SourceFileTest, SourceOutsideAFolderOnTheWayThatLeadsOutIsRefused) {
  fs::create_directory_symlink(base / "ailleurs", base / "projet/content/docs");
  std::string text;
  SourceStatus status = read("docs/secret.txt", text);
  EXPECT_EQ(status.problem, SourceProblem::outside);
  EXPECT_NE(status.target.find("ailleurs/secret.txt"), std::string::npos) << status.target;
  EXPECT_TRUE(text.empty());
}

TEST_F(SourceFileTest, SourceOutsideARootFolderThatIsItselfALinkContainsNothing) {
  fs::remove_all(base / "projet/content");
  fs::create_directory_symlink(base / "ailleurs", base / "projet/content");
  std::string text;
  EXPECT_EQ(
      read_source(base / "projet/content/secret.txt", SourceRoot(base / "projet", "content"), text)
          .problem,
      SourceProblem::outside);
}

TEST_F(SourceFileTest, SourceNotRegularAFifoIsRefusedWithoutBlocking) {
  fs::path fifo = base / "projet/content/tube.md";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto start = std::chrono::steady_clock::now();
  std::string text;
  SourceStatus status = read("tube.md", text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(status.problem, SourceProblem::not_regular);
  EXPECT_EQ(source_problem_code(status), "source-not-regular");
  EXPECT_EQ(classify_entry(fifo, root).problem, SourceProblem::not_regular);
  // Without a root to check, still never read.
  EXPECT_EQ(read_source(fifo, SourceRoot(), text).problem, SourceProblem::not_regular);
}

TEST_F(SourceFileTest, SourceNotRegularALinkToADeviceIsRefused) {
  fs::create_symlink("/dev/zero", base / "projet/content/zero.md");
  std::string text;
  // Outside the root first; without a root, a device is not a regular file.
  EXPECT_EQ(read("zero.md", text).problem, SourceProblem::outside);
  EXPECT_EQ(read_source("/dev/zero", SourceRoot(), text).problem, SourceProblem::not_regular);
}

TEST_F(SourceFileTest, SourceSkippedIsAWarningForDebrisInAWalk) {
  fs::path fifo = base / "projet/content/tube";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Diagnostic d = walk_diagnostic(classify_entry(fifo, root), "content/tube");
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.code, "source-skipped");
  EXPECT_EQ(d.where.file, "content/tube");
  fs::create_symlink(base / "ailleurs/secret.txt", base / "projet/content/lien.txt");
  d = walk_diagnostic(classify_entry(base / "projet/content/lien.txt", root), "content/lien.txt");
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.code, "source-outside");
}

TEST_F(SourceFileTest, ABrokenLinkAFolderAndAMissingFileSayWhy) {
  fs::create_symlink("nulle-part.md", base / "projet/content/casse.md");
  std::string text;
  EXPECT_EQ(read("casse.md", text).problem, SourceProblem::missing);
  EXPECT_EQ(read("absent.md", text).problem, SourceProblem::missing);
  EXPECT_EQ(read("guide", text).problem, SourceProblem::directory);
  EXPECT_EQ(source_diagnostic(read("casse.md", text), "content/casse.md", "site-read").code,
            "site-read");
}

TEST_F(SourceFileTest, AFileAboveTheCapIsRefused) {
  std::string text;
  EXPECT_EQ(read_source(base / "projet/content/guide/page.md", root, text, 3).problem,
            SourceProblem::too_large);
  EXPECT_TRUE(read_source(base / "projet/content/guide/page.md", root, text, 6));
}

}  // namespace
}  // namespace tampon
