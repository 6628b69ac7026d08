#include "load/personal_data_check.hpp"

#include <fmt/format.h>

#include "tampon/personal_data.hpp"

namespace tampon::load {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

struct Cursor {
  std::size_t offset = 0;
  std::uint32_t line = 1;
  std::uint32_t column = 1;  // in characters, as libyaml counts them
};

/// Moves `c` forward to byte `target`, counting lines and characters.
void advance(std::string_view src, Cursor& c, std::size_t target) {
  for (; c.offset < target && c.offset < src.size(); ++c.offset) {
    if (src[c.offset] == '\n') {
      ++c.line;
      c.column = 1;
    } else if (!continuation(src[c.offset])) {
      ++c.column;
    }
  }
}

/// The byte at which the node starts, from its line and column.
Cursor cursor_at(std::string_view src, std::uint32_t line, std::uint32_t column) {
  Cursor c;
  while (c.line < line && c.offset < src.size()) {
    std::size_t nl = src.find('\n', c.offset);
    if (nl == std::string_view::npos) return c;
    c.offset = nl + 1;
    ++c.line;
  }
  while (c.column < column && c.offset < src.size() && src[c.offset] != '\n') {
    ++c.offset;
    while (c.offset < src.size() && continuation(src[c.offset])) ++c.offset;
    ++c.column;
  }
  return c;
}

}  // namespace

void report_personal_data(FileDecoder& d, const YamlNode& value, std::string_view field) {
  std::string_view text = d.text(value);
  auto found = find_personal_data(text);
  if (found.empty()) return;
  std::string_view src = d.source();
  Cursor cursor = cursor_at(src, value.line, value.column);
  // Searched for verbatim after the node: a plain or block scalar keeps the characters as
  // written. One folded over two lines or written with escapes keeps the node's position.
  const std::size_t window = cursor.offset + 2 * text.size() + 4096;
  for (const auto& m : found) {
    std::string_view piece = text.substr(m.offset, m.length);
    std::uint32_t line = value.line;
    std::uint32_t column = value.column;
    std::size_t p = src.empty() ? std::string_view::npos : src.find(piece, cursor.offset);
    if (p != std::string_view::npos && p + piece.size() <= window) {
      advance(src, cursor, p);
      line = cursor.line;
      column = cursor.column;
      advance(src, cursor, p + piece.size());
    }
    d.report_at(line, column, "personal-data-in-text",
                fmt::format("{} dans « {} » : aucune donnée personnelle ne doit paraître dans "
                            "un bulletin ; retirez-la (le bulletin la masque en attendant)",
                            personal_data_fr(m.kind), field),
                Severity::Warning);
  }
}

}  // namespace tampon::load
