#include "load/text_check.hpp"

#include <fmt/format.h>

namespace tampon::load {
namespace {

// Length of the UTF-8 sequence at `p` and its code point, or 0 when it is malformed
// (truncated, overlong, surrogate, beyond U+10FFFF).
std::size_t decode(std::string_view s, std::size_t p, char32_t& cp) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(p);
  std::size_t len = b0 < 0x80           ? 1
                    : (b0 >> 5) == 0x6  ? 2
                    : (b0 >> 4) == 0xE  ? 3
                    : (b0 >> 3) == 0x1E ? 4
                                        : 0;
  if (len == 0 || p + len > s.size()) return 0;
  if (len == 1) {
    cp = b0;
    return 1;
  }
  cp = b0 & (0x7F >> len);
  for (std::size_t i = 1; i < len; ++i) {
    if ((byte(p + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(p + i) & 0x3F);
  }
  constexpr char32_t k_min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < k_min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// The characters YAML 1.1 (and libyaml's reader) accept.
bool printable(char32_t c) {
  return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85 ||
         (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

std::string bad_byte_message(unsigned char b) {
  return fmt::format(
      "octet 0x{:02X} qui n'est pas de l'UTF-8 valide : le fichier est sans doute enregistré en "
      "Latin-1 ou Windows-1252 ; enregistrez-le en UTF-8",
      b);
}

std::string control_message(char32_t c) {
  if (c == 0)
    return "octet nul (0x00) : ce fichier est binaire ou enregistré en UTF-16, pas un texte YAML "
           "en UTF-8 ; enregistrez-le en UTF-8";
  return fmt::format("caractère de contrôle U+{:04X} interdit dans un fichier YAML : supprimez-le",
                     static_cast<std::uint32_t>(c));
}

}  // namespace

std::optional<TextProblem> check_text(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
    return TextProblem{1, 1, "fichier enregistré en UTF-16 : enregistrez-le en UTF-8"};
  std::uint32_t line = 1, column = 1;
  std::size_t p = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a UTF-8 BOM takes no column
  for (; p < bytes.size();) {
    unsigned char b = static_cast<unsigned char>(bytes[p]);
    if (b >= 0x20 && b < 0x7F) {  // fast path: printable ASCII
      ++p;
      ++column;
      continue;
    }
    char32_t cp = 0;
    std::size_t len = decode(bytes, p, cp);
    if (len == 0) return TextProblem{line, column, bad_byte_message(b)};
    if (!printable(cp)) return TextProblem{line, column, control_message(cp)};
    p += len;
    if (cp == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::nullopt;
}

}  // namespace tampon::load
