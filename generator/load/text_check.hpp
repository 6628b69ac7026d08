#pragma once
/// Checks raw file bytes before parsing: valid UTF-8, no NUL or control characters (binary
/// files, UTF-16, Latin-1 exports). The position of the first offending byte is reported the way
/// an editor shows it: 1-based line, column in characters.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tampon::load {

struct TextProblem {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::string message;  ///< French, says what to change
};

std::optional<TextProblem> check_text(std::string_view bytes);

}  // namespace tampon::load
