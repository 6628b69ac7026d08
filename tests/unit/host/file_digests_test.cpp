#include "io/file_digests.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>

#include "fake_emitter.hpp"
#include "host/build_pipeline.hpp"
#include "host/emitter_builds.hpp"
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
  FileDigests digests;
  ASSERT_TRUE(digests.read(file, SourceRoot(), text));
  EXPECT_EQ(text, "# Titre");
  EXPECT_EQ(digests.digest(file), sha256_hex("# Titre"));
  EXPECT_EQ(digests.files_hashed(), 0u);
  // Edited afterwards: its identity changed, so it is read and hashed again.
  write(file, "# Autre titre, plus long");
  EXPECT_EQ(digests.digest(file), sha256_hex("# Autre titre, plus long"));
  EXPECT_EQ(digests.files_hashed(), 1u);
  EXPECT_FALSE(digests.read(root / "absent.md", SourceRoot(), text));
}

// serve's watcher names every change under the sources: a digest there is kept, without a
// stat, until `forget` names the file; a file outside the trusted folders is still checked.
TEST_F(FileDigestsTest, AFileUnderATrustedFolderKeepsItsDigestUntilForgotten) {
  fs::create_directories(root / "content");
  fs::path page = root / "content" / "page.md", outside = root / "site.yaml";
  write(page, "# Un");
  write(outside, "titre: un");
  FileDigests digests;
  digests.trust_under({root / "content"});
  EXPECT_EQ(digests.digest(page), sha256_hex("# Un"));
  EXPECT_EQ(digests.digest(outside), sha256_hex("titre: un"));
  write(page, "# Deux, plus long");
  write(outside, "titre: deux, plus long");
  EXPECT_EQ(digests.digest(page), sha256_hex("# Un"));  // not looked at again
  EXPECT_EQ(digests.digest(outside), sha256_hex("titre: deux, plus long"));
  digests.forget({page});
  EXPECT_EQ(digests.digest(page), sha256_hex("# Deux, plus long"));
  fs::remove(page);
  digests.forget({page});
  EXPECT_EQ(digests.digest(page), "absent");
  // Only paths written the normal way are trusted: another spelling is checked.
  write(page, "# Trois");
  EXPECT_EQ(digests.digest(root / "content" / "." / "page.md"), sha256_hex("# Trois"));
}

/// Reads its one dependency while preparing, as the site reads its pages.
class ReadingEmitter final : public Emitter {
 public:
  explicit ReadingEmitter(fs::path file) : m_file(std::move(file)) {}
  const EmitterInfo& info() const override { return m_info; }
  struct Read final : BuildState {
    std::string text;
  };
  std::unique_ptr<BuildState> prepare(const Model&, PrepareContext& ctx) const override {
    auto read = std::make_unique<Read>();
    EXPECT_TRUE(ctx.read_source(m_file, SourceRoot(), read->text));
    return read;
  }
  std::vector<OutputJob> plan(const Model&, const ProjectContext&,
                              const BuildState&) const override {
    return {OutputJob{"page.html", {}, {m_file.string()}, {}}};
  }
  void render(const OutputJob&, const Model&, const BuildState& state,
              RenderContext& ctx) const override {
    ctx.write(state.as<Read>().text);
  }

 private:
  fs::path m_file;
  EmitterInfo m_info{"lecteur", "1.0.0", "test", {}, {}, {}};
};

TEST_F(FileDigestsTest, AFileAnEmitterReadWhilePreparingIsNotReadAgainToPlan) {
  fs::path file = root / "page.md";
  write(file, "# Titre");
  ReadingEmitter emitter(file);
  ProjectContext project{root / "project", root / "shipped"};
  BuildOptions options;
  options.out_dir = root / "out";
  EmitterBuilds builds(Model{}, {&emitter}, project, 1);
  auto report = run_build(Model{}, builds, project, options);
  EXPECT_EQ(report.written, 1u);
  EXPECT_EQ(builds.digests().files_hashed(), 0u);
  EXPECT_EQ(builds.digests().digest(file), sha256_hex("# Titre"));
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
    jobs.push_back(OutputJob{"page-" + std::to_string(i) + ".html", {}, {"commun.mustache"}, {}});
  FakeEmitter emitter("site", jobs);
  ProjectContext project{root / "project", root / "shipped"};
  BuildOptions options;
  options.out_dir = root / "out";
  options.jobs = 2;
  auto build = [&] {
    EmitterBuilds builds(Model{}, {&emitter}, project, options.jobs);
    auto report = run_build(Model{}, builds, project, options);
    EXPECT_EQ(builds.digests().files_hashed(), 1u);  // once for 50 jobs
    return report;
  };
  EXPECT_EQ(build().written, 50u);
  EXPECT_EQ(build().unchanged, 50u);  // nothing changed
  write(shared, "gabarit v2");
  EXPECT_EQ(build().written, 50u);
}

}  // namespace
}  // namespace tampon
