#include "plan/output_paths.hpp"

#include <gtest/gtest.h>

namespace tampon {
namespace {

TEST(OutputPaths, AcceptsPathsBuiltFromValidatedIds) {
  EXPECT_FALSE(unsafe_output_path("conventions/cv-2021-0042.pdf"));
  EXPECT_FALSE(unsafe_output_path("justifications/mairie-x/2022-T1.xlsx"));
  EXPECT_FALSE(unsafe_output_path("site/index.html"));
}

TEST(OutputPaths, RefusesEveryWayOutOfTheOutputFolder) {
  for (const char* bad : {"../etc/passwd", "a/../../b", "/tmp/x", "a//b", "./a", "a/./b", "",
                          "a\\..\\b", "manifest.json", ".tampon-tmp/x", "a/b c", "é.pdf"})
    EXPECT_TRUE(unsafe_output_path(bad)) << bad;
  EXPECT_TRUE(unsafe_output_path(std::string(300, 'a')));
}

}  // namespace
}  // namespace tampon
