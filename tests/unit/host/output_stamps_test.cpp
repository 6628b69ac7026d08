#include "write/output_stamps.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>

#include "io/sha256.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class OutputStampsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    out = fs::temp_directory_path() /
          ("tampon-stamps-" +
           std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
           std::to_string(::getpid()));
    fs::remove_all(out);
    fs::create_directories(out);
  }
  void TearDown() override { fs::remove_all(out); }
  // Records the stamps of `files` as a commit does.
  void stamp(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<StampedOutput> outputs;
    for (const auto& [path, sha] : files) outputs.push_back({path, sha, nullptr});
    write(out / OutputStamps::k_file_name, OutputStamps::text_of(out, outputs));
  }
  fs::path out;
};

// holds() looks at outputs through a folder opened when the stamps are read: a folder replaced
// between two builds of one process (tampon serve) must be looked at again, never through a
// descriptor of the old one.
TEST_F(OutputStampsTest, AFolderReplacedBetweenTwoBuildsIsLookedAtAgain) {
  const std::string one = sha256_hex("one"), two = sha256_hex("two");
  write(out / "a/f.txt", "one");
  write(out / "top.txt", "one");
  stamp({{"a/f.txt", one}, {"top.txt", one}});
  OutputStamps first = OutputStamps::read(out);
  EXPECT_TRUE(first.holds(out, "top.txt", 3, one));  // a file of --out itself
  EXPECT_TRUE(first.holds(out, "a/f.txt", 3, one));
  EXPECT_TRUE(first.all_known());
  fs::rename(out / "a", out / "old");  // the folder moved away, kept whole
  write(out / "a/f.txt", "two");       // same size, other bytes
  OutputStamps second = OutputStamps::read(out);
  EXPECT_FALSE(second.holds(out, "a/f.txt", 3, one));
  EXPECT_TRUE(second.holds(out, "a/f.txt", 3, two));
  EXPECT_FALSE(second.all_known());  // hashed, since the recorded stamp is the old file's
  EXPECT_TRUE(second.holds(out, "top.txt", 3, one));
}

TEST_F(OutputStampsTest, ALinkOrAMissingFolderHoldsNothing) {
  const std::string one = sha256_hex("one");
  write(out / "c/g.txt", "one");
  fs::create_symlink(out / "c/g.txt", out / "c/link.txt");
  OutputStamps stamps = OutputStamps::read(out);
  EXPECT_FALSE(stamps.holds(out, "missing/f.txt", 3, one));
  EXPECT_FALSE(stamps.holds(out, "c/link.txt", 3, one));  // a link is never an output
  EXPECT_TRUE(stamps.holds(out, "c/g.txt", 3, one));
}

}  // namespace
}  // namespace tampon
