// Links, FIFOs and devices planted in a project are never read as data, content or templates
// (issue 13, io/source_file.hpp): nothing outside the project is published, nothing hangs, the
// message names the file and the code, and the exit code is 3 (an input failure, outputs.md)
// or 0 with a warning for debris skipped in content/.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A secret outside the project, where a planted link points.
struct Secret {
  Secret() {
    dir = fs::temp_directory_path() / ("tampon-secret-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "passwd") << k_text;
  }
  ~Secret() { fs::remove_all(dir); }
  static constexpr const char* k_text = "root:x:0:0:secret-du-serveur:/root:/bin/bash\n";
  fs::path dir;
};

/// A project with the shipped site content (so the site builds) and the minimal records.
void write_site_project(const Project& p) {
  write_minimal_valid_project(p);
  fs::copy(fs::path(TAMPON_SOURCE_DIR) / "content", p.dir() / "content",
           fs::copy_options::recursive);
}

/// Whether any file under out/ holds `text`.
bool published(const Project& p, const std::string& text) {
  for (const auto& [path, bytes] : p.snapshot("out"))
    if (contains(bytes, text)) return true;
  return false;
}

TEST(HostileSources, ALinkInContentToAFileOutsideIsNotPublished) {
  Project p;
  Secret secret;
  write_site_project(p);
  auto clean = p.run({"build", "--only", "site", "--as-of", "2024-06-30"});
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  fs::create_symlink(secret.dir / "passwd", p.dir() / "content/passwd.txt");
  fs::create_symlink(secret.dir / "passwd", p.dir() / "content/guide-secret.md");
  auto r = p.run({"build", "--only", "site", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "content/passwd.txt")) << r.err;
  EXPECT_TRUE(contains(r.err, "content/guide-secret.md")) << r.err;
  EXPECT_TRUE(contains(r.err, "[source-outside]")) << r.err;
  EXPECT_TRUE(contains(r.err, "lien symbolique")) << r.err;
  EXPECT_FALSE(fs::exists(p.dir() / "out/site/passwd.txt"));
  EXPECT_FALSE(published(p, "secret-du-serveur"));  // pages, search index, everything
  // --keep-going still publishes nothing of it.
  auto kept = p.run({"build", "--only", "site", "--as-of", "2024-06-30", "--keep-going"});
  EXPECT_NE(kept.exit_code, 0);
  EXPECT_FALSE(published(p, "secret-du-serveur"));
}

TEST(HostileSources, ALinkInContentToARecordOfTheSameProjectIsNotPublished) {
  Project p;
  write_site_project(p);
  fs::create_symlink("../data/conseillers/cn-0001.yaml", p.dir() / "content/fiche.txt");
  auto r = p.run({"build", "--only", "site", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "content/fiche.txt")) << r.err;
  EXPECT_FALSE(published(p, "camille.durand@example.org"));
}

TEST(HostileSources, ALinkThatStaysInContentIsFollowed) {
  Project p;
  write_site_project(p);
  std::ofstream(p.dir() / "content/notice.txt") << "notice publique\n";
  fs::create_symlink("notice.txt", p.dir() / "content/notice-copie.txt");
  auto r = p.run({"build", "--only", "site", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(p.dir() / "out/site/notice-copie.txt");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "notice publique");
  EXPECT_FALSE(fs::is_symlink(p.dir() / "out/site/notice-copie.txt"));
}

TEST(HostileSources, AFifoNamedLikeARecordDoesNotHangValidate) {
  Project p;
  write_minimal_valid_project(p);
  ASSERT_EQ(::mkfifo((p.dir() / "data/structures/bloquant.yaml").c_str(), 0600), 0);
  auto start = std::chrono::steady_clock::now();
  auto r = p.run({"validate", "--as-of", "2024-06-30"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "data/structures/bloquant.yaml")) << r.err;
  EXPECT_TRUE(contains(r.err, "[source-not-regular]")) << r.err;
  EXPECT_TRUE(contains(r.err, "tube nommé")) << r.err;
}

TEST(HostileSources, ARecordLinkedFromOutsideTheProjectIsNotRead) {
  Project p;
  Secret secret;
  write_minimal_valid_project(p);
  fs::create_symlink(secret.dir / "passwd", p.dir() / "data/structures/intrus.yaml");
  auto r = p.run({"validate", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "data/structures/intrus.yaml")) << r.err;
  EXPECT_TRUE(contains(r.err, "[source-outside]")) << r.err;
  EXPECT_FALSE(contains(r.err, "secret-du-serveur")) << r.err;  // its text is never parsed
}

TEST(HostileSources, RulesDataLinkedFromOutsideIsRefusedNotReplacedByTheShippedOne) {
  Project p;
  Secret secret;
  write_minimal_valid_project(p);
  fs::create_symlink(secret.dir / "passwd", p.dir() / "data/baremes.yaml");
  auto r = p.run({"validate", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "data/baremes.yaml")) << r.err;
  EXPECT_TRUE(contains(r.err, "[source-outside]")) << r.err;
}

TEST(HostileSources, ATemplateLinkedFromOutsideIsRefused) {
  Project p;
  Secret secret;
  write_site_project(p);
  fs::create_directories(p.dir() / "templates/site");
  fs::create_symlink(secret.dir / "passwd", p.dir() / "templates/site/page.mustache");
  auto r = p.run({"build", "--only", "site", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "templates/site/page.mustache")) << r.err;
  EXPECT_FALSE(published(p, "secret-du-serveur"));
}

TEST(HostileSources, AFifoInContentIsSkippedWithAWarning) {
  Project p;
  write_site_project(p);
  ASSERT_EQ(::mkfifo((p.dir() / "content/tube.md").c_str(), 0600), 0);
  ASSERT_EQ(::mkfifo((p.dir() / "content/tube.txt").c_str(), 0600), 0);
  auto start = std::chrono::steady_clock::now();
  auto r = p.run({"build", "--only", "site", "--as-of", "2024-06-30"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "content/tube.md")) << r.err;
  EXPECT_TRUE(contains(r.err, "[source-skipped]")) << r.err;
  EXPECT_FALSE(fs::exists(p.dir() / "out/site/tube.txt"));
  EXPECT_FALSE(fs::exists(p.dir() / "out/site/tube/index.html"));
  EXPECT_EQ(p.run({"build", "--only", "site", "--as-of", "2024-06-30", "--strict"}).exit_code, 1);
}

}  // namespace
}  // namespace tampon::testing
