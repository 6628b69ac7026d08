#include "text_fold.hpp"

#include "render/utf8.hpp"

namespace tampon::site {
namespace {

// Latin-1 supplement U+00C0..U+00FF, lower-cased and without accents ('\0' = keep as is).
constexpr const char* k_latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "\0", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "\0", "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A U+0100..U+017F: base letter of each pair (both cases share it).
constexpr const char k_ext_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Folded spelling of one code point, or empty to keep it unchanged.
std::string_view fold_code_point(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char* f = k_latin1[cp - 0xC0];
    return f[0] ? std::string_view(f) : std::string_view();
  }
  if (cp == 0x152 || cp == 0x153) return "oe";
  if (cp >= 0x100 && cp < 0x100 + sizeof(k_ext_a) - 1) return {&k_ext_a[cp - 0x100], 1};
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
      return "'";
    case 0x00A0:
    case 0x202F:
    case 0x2009:
      return " ";
    case 0x2013:
    case 0x2014:
      return "-";
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
      return "\"";
    default:
      return {};
  }
}

bool is_alnum_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

void fold_append(std::string& out, std::string_view utf8) {
  for (std::size_t pos = 0; pos < utf8.size();) {
    // Runs of ASCII (most of a French page) are copied with only upper case changed.
    std::size_t run = pos;
    while (run < utf8.size() && static_cast<unsigned char>(utf8[run]) < 0x80) ++run;
    if (run > pos) {
      std::size_t at = out.size();
      out.append(utf8, pos, run - pos);
      for (std::size_t i = at; i < out.size(); ++i)
        if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] + 32);
      pos = run;
      continue;
    }
    char32_t cp = render::next_codepoint(utf8, pos);
    std::string_view folded = cp < 0x80 ? std::string_view() : fold_code_point(cp);
    if (folded.empty()) {
      render::append_utf8(out, cp);
    } else {
      out += folded;
    }
  }
}

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  fold_append(out, utf8);
  return out;
}

std::string slugify(std::string_view utf8) {
  std::string folded = fold(utf8);
  std::string out;
  bool pending_dash = false;
  for (char c : folded) {
    if (c == '\'') continue;
    if (is_alnum_ascii(c)) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += c;
    } else {
      pending_dash = true;
    }
  }
  return out.empty() ? std::string("section") : out;
}

}  // namespace tampon::site
