#include "load/value_formats.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace tampon::load {
namespace {

bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// Lower-case ASCII letter for the accented letters of French names (UTF-8, two bytes).
char fold_accent(unsigned char lead, unsigned char next) {
  if (lead != 0xC3) return 0;
  static constexpr std::string_view from =
      "\xA0\xA2\xA4\xA7\xA8\xA9\xAA\xAB\xAE\xAF\xB4\xB6\xB9\xBB\xBC\xBF"
      "\x80\x82\x84\x87\x88\x89\x8A\x8B\x8E\x8F\x94\x96\x99\x9B\x9C";
  static constexpr std::string_view to = "aaaceeeeiioouuuyaaaceeeeiioouuu";
  auto at = from.find(static_cast<char>(next));
  return at == std::string_view::npos ? 0 : to[at];
}

}  // namespace

bool is_valid_id(std::string_view text) {
  if (text.empty() || text.size() > 64 || text[0] == '-') return false;
  return std::all_of(text.begin(), text.end(), id_char);
}

std::string suggest_id(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < 64; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char mapped = 0;
    if (c >= 'A' && c <= 'Z')
      mapped = static_cast<char>(c - 'A' + 'a');
    else if (id_char(static_cast<char>(c)))
      mapped = static_cast<char>(c);
    else if (c == 0xC3 && i + 1 < text.size())
      mapped = fold_accent(c, static_cast<unsigned char>(text[++i]));
    if (mapped == 0 || mapped == '-') {
      if (!out.empty() && out.back() != '-') out += '-';
      continue;
    }
    out += mapped;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return is_valid_id(out) ? out : std::string{};
}

bool is_valid_departement(std::string_view t) {
  if (t == "2A" || t == "2B") return true;
  if (!std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  if (t.size() == 2) return t != "00" && t != "20" && t <= "95";
  if (t.size() != 3) return false;
  return (t >= "971" && t <= "978") || t == "986" || t == "987" || t == "988";
}

SiretCheck check_siret(std::string_view t) {
  if (t.size() != 14 ||
      !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return SiretCheck::NotFourteenDigits;
  int sum = 0;
  if (t.substr(0, 9) == "356000000") {  // La Poste: plain sum of the digits
    for (char c : t) sum += c - '0';
    return sum % 5 == 0 ? SiretCheck::Valid : SiretCheck::BadChecksum;
  }
  for (std::size_t i = 0; i < 14; ++i) {
    int d = t[13 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0 ? SiretCheck::Valid : SiretCheck::BadChecksum;
}

}  // namespace tampon::load
