#include "tampon/date.hpp"

#include <charconv>

namespace tampon {
namespace {

using namespace std::chrono;

// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string pad(int value, int width) {
  std::string s = std::to_string(value);
  return std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
}

}  // namespace

std::optional<Date> Date::from_ymd(int y, unsigned m, unsigned d) {
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto y = digits(iso, 0, 4), m = digits(iso, 5, 2), d = digits(iso, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  return from_ymd(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::string Date::iso() const {
  return pad(year(), 4) + "-" + pad(static_cast<int>(month()), 2) + "-" +
         pad(static_cast<int>(day()), 2);
}

Date Date::plus_months(int n) const {
  std::chrono::year_month ym =
      std::chrono::year_month{m_ymd.year(), m_ymd.month()} + std::chrono::months{n};
  std::chrono::day last =
      std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
  return Date(std::chrono::year_month_day{ym.year(), ym.month(), std::min(m_ymd.day(), last)});
}

Date Date::plus_days(int n) const {
  return Date(std::chrono::year_month_day{std::chrono::sys_days(m_ymd) + std::chrono::days{n}});
}

int months_covered(Date start, Date end_inclusive) {
  // Counts the months from `start` to the day after `end_inclusive`: 04-01 → 09-30 (next day
  // 10-01) is 6 months. A partial month counts as a started month.
  Date after = end_inclusive.plus_days(1);
  int months = (after.year() - start.year()) * 12 + static_cast<int>(after.month()) -
               static_cast<int>(start.month());
  if (after.day() < start.day() && start.plus_months(months) > after) --months;
  if (start.plus_months(months) < after) ++months;
  return months;
}

std::optional<Month> Month::parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto y = digits(text, 0, 4), m = digits(text, 5, 2);
  if (!y || !m || *m < 1 || *m > 12) return std::nullopt;
  return Month{*y, static_cast<unsigned>(*m)};
}

std::string Month::iso() const { return pad(year, 4) + "-" + pad(static_cast<int>(month), 2); }
Month Month::next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }
Month Month::previous() const { return month == 1 ? Month{year - 1, 12} : Month{year, month - 1}; }
Date Month::first_day() const { return *Date::from_ymd(year, month, 1); }
Date Month::last_day() const { return first_day().plus_months(1).plus_days(-1); }

std::optional<Quarter> Quarter::parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-' || text[5] != 'T') return std::nullopt;
  auto y = digits(text, 0, 4), n = digits(text, 6, 1);
  if (!y || !n || *n < 1 || *n > 4) return std::nullopt;
  return Quarter{*y, static_cast<unsigned>(*n)};
}

std::string Quarter::iso() const { return pad(year, 4) + "-T" + std::to_string(number); }
Quarter Quarter::previous() const {
  return number == 1 ? Quarter{year - 1, 4} : Quarter{year, number - 1};
}
Quarter Quarter::next() const {
  return number == 4 ? Quarter{year + 1, 1} : Quarter{year, number + 1};
}

}  // namespace tampon
