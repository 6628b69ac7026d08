#include "plan/output_paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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

std::vector<std::string> clashes(std::vector<std::string_view> paths) {
  std::sort(paths.begin(), paths.end());
  return output_path_clashes(paths);
}

bool mentions(const std::vector<std::string>& found, std::string_view a, std::string_view b) {
  for (const auto& message : found)
    if (message.find(a) != std::string::npos && message.find(b) != std::string::npos) return true;
  return false;
}

TEST(OutputPathClashes, NoneInAnOrdinaryBuild) {
  EXPECT_TRUE(clashes({"conventions/cv-1.pdf", "conventions/cv-2.pdf", "site/index.html",
                       "site/guide/index.html", "site/guide.html", "site/guide-2/index.html",
                       "echeanciers/echeancier-global.xlsx", "console.txt", "com10.txt",
                       "auxiliaire.pdf", "a.b/nul-part.txt"})
                  .empty());
}

TEST(OutputPathClashes, AFileAndAFolderOfTheSameName) {
  // "zz-a" sorts between "zz" and "zz/…": the clash is found whatever lies between.
  auto found = clashes({"zz", "zz-a", "zz.txt", "zz/inner.txt"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(mentions(found, "« zz »", "« zz/inner.txt »")) << found[0];
  EXPECT_EQ(clashes({"a/b", "a/b/c/d.pdf"}).size(), 1u);  // deeper folders too
}

// Sorted paths share their folders (each folder is recorded once, with the first path in it);
// a file named like one of them is found whatever its neighbours, and the message names the
// first file of that folder.
TEST(OutputPathClashes, AFileNamedLikeAFolderItsNeighboursShare) {
  auto found = clashes({"b/s-1/2023-T1.pdf", "b/s-1/2023-T2.pdf", "b/s-1/2023-T2.pdf/x.html",
                        "b/s-1/2023-T3.pdf", "b/s-10/2023-T1.pdf", "b/s-1", "b/s-2/a.pdf"});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(mentions(found, "« b/s-1 »", "« b/s-1/2023-T1.pdf »"));
  EXPECT_TRUE(mentions(found, "« b/s-1/2023-T2.pdf »", "« b/s-1/2023-T2.pdf/x.html »"));
  // "b/s-1-x/…" sorts before "b/s-1/…" and starts like it, but is another folder.
  found = clashes({"b/s-1-x/a.pdf", "b/s-1/a.pdf", "b/s-1"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(mentions(found, "« b/s-1 »", "« b/s-1/a.pdf »")) << found[0];
}

TEST(OutputPathClashes, PathsThatDifferOnlyByCase) {
  auto found = clashes({"site/Guide.html", "site/guide.html"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(mentions(found, "site/Guide.html", "site/guide.html")) << found[0];
  // Folders: their files would mix in one folder.
  found = clashes({"Site/a.html", "site/b.html"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(mentions(found, "« Site »", "« site »")) << found[0];
  // A file and a folder that differ by case.
  EXPECT_EQ(clashes({"Docs", "docs/x.pdf"}).size(), 1u);
}

TEST(OutputPathClashes, NamesWindowsRefuses) {
  for (std::string_view bad : {"con", "NUL.txt", "site/aux.html", "prn.tar.gz", "com1.pdf",
                               "LPT9/x.pdf", "a/Com5", "fin.", "dossier./x.pdf"}) {
    auto found = clashes({bad});
    ASSERT_EQ(found.size(), 1u) << bad;
    EXPECT_NE(found[0].find(std::string(bad)), std::string::npos) << found[0];
    EXPECT_NE(found[0].find("Windows"), std::string::npos) << found[0];
  }
  for (std::string_view fine :
       {"com10.pdf", "lpt.txt", "conseil.pdf", "nul-x/a", "auxiliaire", ".fin"})
    EXPECT_FALSE(unportable_output_path(fine)) << fine;
}

}  // namespace
}  // namespace tampon
