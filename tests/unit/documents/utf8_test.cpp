// The renderers' one UTF-8 codec (render/utf8.hpp): what the document engine, the site's
// search folding and the bulletin decode and encode with.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/utf8.hpp"

namespace tampon::render {
namespace {

std::vector<char32_t> decode(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) out.push_back(next_codepoint(text, i));
  return out;
}

TEST(Utf8, DecodesAndEncodesEveryLength) {
  const std::string text = "a\u00e9\u20ac\U0001F600";  // 1, 2, 3 and 4 bytes
  EXPECT_EQ(decode(text), (std::vector<char32_t>{U'a', U'\u00e9', U'\u20ac', U'\U0001F600'}));
  std::string back;
  for (char32_t c : decode(text)) append_utf8(back, c);
  EXPECT_EQ(back, text);
}

TEST(Utf8, AMalformedOrTruncatedSequenceGivesOneReplacementPerByte) {
  EXPECT_EQ(decode("\xff"
                   "a"),
            (std::vector<char32_t>{0xFFFD, U'a'}));
  EXPECT_EQ(decode("\xc3"
                   "a"),
            (std::vector<char32_t>{0xFFFD, U'a'}));
  EXPECT_EQ(decode("a\xe2\x82"), (std::vector<char32_t>{U'a', 0xFFFD, 0xFFFD}));
}

}  // namespace
}  // namespace tampon::render
