#pragma once
/// Calendar values of the domain: Date (a day), Month (YYYY-MM), Quarter (YYYY-Tn).
/// Built on std::chrono's civil calendar; no clock is ever read here (time is --as-of).
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace tampon {

/// A civil day. Always valid once constructed through parse_date or from_ymd.
class Date {
 public:
  Date() = default;
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  /// Strict ISO `YYYY-MM-DD`; rejects 2021-02-30, `2021-2-3`, trailing text.
  static std::optional<Date> parse(std::string_view iso);

  int year() const { return static_cast<int>(m_ymd.year()); }
  unsigned month() const { return static_cast<unsigned>(m_ymd.month()); }
  unsigned day() const { return static_cast<unsigned>(m_ymd.day()); }
  /// Days since 1970-01-01.
  long days() const { return std::chrono::sys_days(m_ymd).time_since_epoch().count(); }

  std::string iso() const;  ///< `2021-04-02`
  /// Adds N months keeping the day, clamped to the target month's last day (domain.md §4):
  /// 2021-01-31 + 1 month = 2021-02-28.
  Date plus_months(int months) const;
  Date plus_days(int days) const;
  /// Whole days from this date to `later` (negative when `later` is earlier).
  long days_until(Date later) const { return later.days() - days(); }

  friend bool operator==(Date a, Date b) { return a.m_ymd == b.m_ymd; }
  friend std::strong_ordering operator<=>(Date a, Date b) { return a.days() <=> b.days(); }

 private:
  explicit Date(std::chrono::year_month_day ymd) : m_ymd(ymd) {}
  std::chrono::year_month_day m_ymd{std::chrono::year{1970}, std::chrono::month{1},
                                    std::chrono::day{1}};
};

/// Whole calendar months between two dates, counted the way contract lengths are:
/// 2021-04-01 → 2022-09-30 is 18 months (the end day is included).
int months_covered(Date start, Date end_inclusive);

/// A calendar month, `YYYY-MM`.
struct Month {
  int year = 1970;
  unsigned month = 1;  // 1..12
  static std::optional<Month> parse(std::string_view text);
  static Month of(Date d) { return {d.year(), d.month()}; }
  std::string iso() const;  ///< `2022-04`
  Month next() const;
  Month previous() const;
  Date first_day() const;
  Date last_day() const;
  int index() const { return year * 12 + static_cast<int>(month) - 1; }
  friend auto operator<=>(const Month&, const Month&) = default;
};

/// A calendar quarter, `YYYY-Tn`.
struct Quarter {
  int year = 1970;
  unsigned number = 1;  // 1..4
  static std::optional<Quarter> parse(std::string_view text);
  static Quarter of(Date d) { return {d.year(), (d.month() - 1) / 3 + 1}; }
  static Quarter of(Month m) { return {m.year, (m.month - 1) / 3 + 1}; }
  std::string iso() const;  ///< `2022-T2`
  Month first_month() const { return {year, (number - 1) * 3 + 1}; }
  Month last_month() const { return {year, number * 3}; }
  Date first_day() const { return first_month().first_day(); }
  Date last_day() const { return last_month().last_day(); }
  Quarter previous() const;
  Quarter next() const;
  friend auto operator<=>(const Quarter&, const Quarter&) = default;
};

}  // namespace tampon
