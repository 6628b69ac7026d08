// libxlsxwriter's English "[ERROR] …" lines never reach the user (issue 13): while a workbook
// call runs, what its thread prints on the C stderr is kept; other threads print as before.
#include "render/xlsx/library_messages.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <thread>

#include "render/xlsx/workbook.hpp"

namespace tampon::testing {
namespace {

TEST(XlsxLibraryMessages, LinesPrintedDuringACaptureAreKeptNotShown) {
  std::string kept, other_thread;
  {
    xlsx::CaptureLibraryMessages capture;
    std::fprintf(stderr, "[ERROR] workbook_close(): Error creating tmpfile(s).\n");
    // Another thread, meanwhile, is not captured.
    std::thread([&] {
      ::testing::internal::CaptureStderr();
      std::fprintf(stderr, "autre fil\n");
      other_thread = ::testing::internal::GetCapturedStderr();
    }).join();
    kept = capture.text();
  }
  EXPECT_EQ(kept, "[ERROR] workbook_close(): Error creating tmpfile(s).\n");
  EXPECT_EQ(other_thread, "autre fil\n");
  ::testing::internal::CaptureStderr();
  std::fprintf(stderr, "après\n");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "après\n");
}

TEST(XlsxLibraryMessages, AWorkbookThatCannotBeWrittenSaysWhyInFrench) {
  // The zip is assembled in memory; writing it where no file can be made fails after close,
  // with one French message naming the file, and nothing from libxlsxwriter on stderr.
  ::testing::internal::CaptureStderr();
  std::string message;
  try {
    xlsx::Workbook book("/nonexistent-folder/classeur.xlsx", xlsx::Size::Small,
                        {"t", "s", "k", *Date::parse("2022-06-15")});
    book.add_sheet("Feuille");
    book.close();
  } catch (const Fatal& e) {
    message = e.what();
  }
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(message.find("classeur.xlsx"), std::string::npos) << message;
  EXPECT_NE(message.find("non écrit"), std::string::npos) << message;
  EXPECT_EQ(err.find("[ERROR]"), std::string::npos) << err;
}

}  // namespace
}  // namespace tampon::testing
