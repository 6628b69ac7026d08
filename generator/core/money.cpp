#include "tampon/money.hpp"

#include <limits>

namespace tampon {

std::optional<Money> Money::parse(std::string_view text) {
  // Plain decimal only: digits, optionally '.' and one or two digits. YAML gives us the
  // scalar's text, so `1e5`, `+3`, `.5`, `0x10` and `1_000` are all refused here.
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 12) return std::nullopt;
  if (dot != std::string_view::npos && (frac.empty() || frac.size() > 2)) return std::nullopt;
  std::int64_t cents = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  cents *= 100;
  std::int64_t scale = 10;
  for (char c : frac) {
    if (c < '0' || c > '9') return std::nullopt;
    cents += (c - '0') * scale;
    scale /= 10;
  }
  return Money(cents);
}

std::string Money::plain() const {
  std::int64_t abs = m_cents < 0 ? -m_cents : m_cents;
  std::string frac = std::to_string(abs % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return (m_cents < 0 ? "-" : "") + std::to_string(abs / 100) + "." + frac;
}

}  // namespace tampon
