#pragma once
/// Money in integer cents. Never a floating-point value (domain.md §3).
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tampon {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money cents(std::int64_t c) { return Money(c); }
  static constexpr Money euros(std::int64_t e) { return Money(e * 100); }
  /// Parses a YAML scalar such as `50000`, `1645.58`, `0.5`. Rejects negatives, more than two
  /// decimals, exponents and anything that is not a plain decimal (records.md `amount`).
  static std::optional<Money> parse(std::string_view text);

  constexpr std::int64_t cents() const { return m_cents; }
  /// `floor(this × pct / 100)` in cents, exact (domain.md §4).
  constexpr Money percent_floor(int pct) const { return Money(m_cents * pct / 100); }
  /// `50000.00`: plain machine form (JSON, logs). French display lives in render/fr_format.
  std::string plain() const;

  constexpr Money operator+(Money o) const { return Money(m_cents + o.m_cents); }
  constexpr Money operator-(Money o) const { return Money(m_cents - o.m_cents); }
  constexpr Money& operator+=(Money o) {
    m_cents += o.m_cents;
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    m_cents -= o.m_cents;
    return *this;
  }
  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t c) : m_cents(c) {}
  std::int64_t m_cents = 0;
};

}  // namespace tampon
