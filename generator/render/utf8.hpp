#pragma once
/// The one UTF-8 codec of the renderers (document engine, site search folding, bulletin):
/// a lenient decoder for text already checked on reading (load/text_check.cpp is the strict
/// validator that reports the first bad byte) and the encoder.
#include <string>
#include <string_view>

namespace tampon::render {

/// The code point starting at `i`, and advances `i` past it; U+FFFD and one byte for a
/// malformed or truncated sequence.
char32_t next_codepoint(std::string_view utf8, std::size_t& i);

/// Appends `c` in UTF-8.
void append_utf8(std::string& out, char32_t c);

}  // namespace tampon::render
