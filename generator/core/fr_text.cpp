#include "core/fr_text.hpp"

#include <cmath>
#include <cstdint>

namespace tampon::text {

std::string money(Money amount) {
  std::int64_t cents = amount.cents();
  bool negative = cents < 0;
  std::uint64_t abs =
      negative ? static_cast<std::uint64_t>(-(cents + 1)) + 1 : static_cast<std::uint64_t>(cents);
  std::string whole = std::to_string(abs / 100);
  // Thousands groups separated by a space, from the right.
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ' ';
    grouped += whole[i];
  }
  std::uint64_t frac = abs % 100;
  std::string out = negative ? "-" : "";
  out += grouped + "," + (frac < 10 ? "0" : "") + std::to_string(frac) + " €";
  return out;
}

std::string hours(double value) {
  // Hours come from YAML as 35, 17.5, 28.75: print at most two decimals, comma separated.
  long hundredths = std::lround(value * 100);
  std::string out = std::to_string(hundredths / 100);
  long frac = hundredths % 100;
  if (frac < 0) frac = -frac;
  if (frac == 0) return out;
  std::string digits = (frac < 10 ? "0" : "") + std::to_string(frac);
  if (digits.back() == '0') digits.pop_back();
  return out + "," + digits;
}

std::string days(long count) {
  return std::to_string(count) + (count > 1 || count < -1 ? " jours" : " jour");
}

std::string months(long count) { return std::to_string(count) + " mois"; }

}  // namespace tampon::text
