#include "text_fold.hpp"

namespace tampon::site {
namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

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

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b = byte(pos);
  int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
  if (extra < 0 || pos + extra >= text.size() + (extra == 0 ? 1 : 0)) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = extra == 0 ? b : (b & (0x3F >> extra));
  for (int i = 1; i <= extra; ++i) {
    unsigned char c = byte(pos + i);
    if ((c & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  pos += extra + 1;
  return cp;
}

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
    char32_t cp = next_code_point(utf8, pos);
    std::string_view folded = cp < 0x80 ? std::string_view() : fold_code_point(cp);
    if (folded.empty()) {
      append_utf8(out, cp);
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
