#include "io/file_digests.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>

#include "fake_emitter.hpp"
#include "host/build_pipeline.hpp"
#include "io/sha256.hpp"
#include "io/source_file.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;
using testing::FakeEmitter;

class FileDigestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("tampon-digests-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "project");
  }
  void TearDown() override { fs::remove_all(root); }
  void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  }
  fs::path root;
};

TEST_F(FileDigestsTest, AFileReadAsASourceIsNotReadAgainToDigestIt) {
  fs::path file = root / "page.md";
  write(file, "# Titre");
  std::string text;
  ASSERT_TRUE(read_source_file(file, SourceRoot(), text));
  EXPECT_EQ(text, "# Titre");
  std::size_t hashed = process_file_digests().files_hashed();
  EXPECT_EQ(process_file_digests().digest(file), sha256_hex("# Titre"));
  EXPECT_EQ(process_file_digests().files_hashed(), hashed);
  // Edited afterwards: its identity changed, so it is read and hashed again.
  write(file, "# Autre titre, plus long");
  EXPECT_EQ(process_file_digests().digest(file), sha256_hex("# Autre titre, plus long"));
  EXPECT_EQ(process_file_digests().files_hashed(), hashed + 1);
  EXPECT_FALSE(read_source_file(root / "absent.md", SourceRoot(), text));
}

TEST_F(FileDigestsTest, AnUnchangedFileIsHashedOnlyOnce) {
  fs::path file = root / "gabarit.mustache";
  write(file, "<p>{{titre}}</p>");
  FileDigests digests;
  EXPECT_EQ(digests.digest(file), sha256_hex("<p>{{titre}}</p>"));
  EXPECT_EQ(digests.digest(file), sha256_hex("<p>{{titre}}</p>"));
  EXPECT_EQ(digests.files_hashed(), 1u);
}

TEST_F(FileDigestsTest, AnEditIsSeenEvenWithTheSameSizeAndModificationTime) {
  fs::path file = root / "page.md";
  write(file, "version A");
  FileDigests digests;
  EXPECT_EQ(digests.digest(file), sha256_hex("version A"));
  auto mtime = fs::last_write_time(file);
  write(file, "version B");          // same size
  fs::last_write_time(file, mtime);  // and the old modification time, as `touch -r` would
  EXPECT_EQ(digests.digest(file), sha256_hex("version B"));
  EXPECT_EQ(digests.files_hashed(), 2u);
}

TEST_F(FileDigestsTest, AMissingFileIsAbsentUntilItAppears) {
  fs::path file = root / "bientot.md";
  FileDigests digests;
  EXPECT_EQ(digests.digest(file), "absent");
  write(file, "arrivé");
  EXPECT_EQ(digests.digest(file), sha256_hex("arrivé"));
  fs::remove(file);
  EXPECT_EQ(digests.digest(file), "absent");
}

TEST_F(FileDigestsTest, ABuildHashesASharedDependencyOnceAndRebuildsItsJobsWhenItChanges) {
  fs::path shared = root / "project" / "commun.mustache";
  write(shared, "gabarit v1");
  std::vector<OutputJob> jobs;
  for (int i = 0; i < 50; ++i)
    jobs.push_back(OutputJob{"page-" + std::to_string(i) + ".html", {}, {"commun.mustache"}, "ok"});
  FakeEmitter emitter("site", jobs);
  ProjectContext project{root / "project", root / "shipped"};
  BuildOptions options;
  options.out_dir = root / "out";
  options.jobs = 2;
  std::size_t before = process_file_digests().files_hashed();
  auto first = run_build(Model{}, {&emitter}, project, options);
  EXPECT_EQ(first.written, 50u);
  EXPECT_EQ(process_file_digests().files_hashed() - before, 1u);

  auto second = run_build(Model{}, {&emitter}, project, options);  // nothing changed
  EXPECT_EQ(second.unchanged, 50u);
  EXPECT_EQ(process_file_digests().files_hashed() - before, 1u);  // not even re-read

  write(shared, "gabarit v2");
  auto third = run_build(Model{}, {&emitter}, project, options);
  EXPECT_EQ(third.written, 50u);
  EXPECT_EQ(process_file_digests().files_hashed() - before, 2u);
}

}  // namespace
}  // namespace tampon
