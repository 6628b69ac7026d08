#include "load/bank_formats.hpp"

#include <algorithm>

namespace tampon::load {
namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool alnum(char c) { return upper(c) || digit(c); }

}  // namespace

std::string compact_upper(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

bool is_valid_iban(std::string_view s) {
  // 34 characters at most (ISO 13616-1); the shortest national format has 15.
  if (s.size() < 15 || s.size() > 34) return false;
  if (!upper(s[0]) || !upper(s[1]) || !digit(s[2]) || !digit(s[3])) return false;
  if (!std::all_of(s.begin() + 4, s.end(), alnum)) return false;
  // Mod 97 digit by digit over the rearranged text, so no big number is needed.
  int rest = 0;
  auto feed = [&](char c) {
    if (digit(c)) {
      rest = (rest * 10 + (c - '0')) % 97;
    } else {
      int v = c - 'A' + 10;
      rest = (rest * 100 + v) % 97;
    }
  };
  for (char c : s.substr(4)) feed(c);
  for (char c : s.substr(0, 4)) feed(c);
  return rest == 1;
}

bool is_valid_bic(std::string_view s) {
  if (s.size() != 8 && s.size() != 11) return false;
  return std::all_of(s.begin(), s.begin() + 6, upper) && std::all_of(s.begin() + 6, s.end(), alnum);
}

}  // namespace tampon::load
