#include "tabular/table.hpp"

#include <cmath>
#include <cstdio>

namespace tampon::tabular {

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0;
  long col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == ref.size() || i > 3) return std::nullopt;
  if (ref[i] == '0') return std::nullopt;
  long row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return std::nullopt;
    row = row * 10 + (ref[i] - '0');
    if (row > 1048576) return std::nullopt;
  }
  return CellRef{static_cast<int>(row), static_cast<int>(col)};
}

std::string column_name(int col) {
  std::string out;
  while (col > 0) {
    int rem = (col - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    col = (col - 1) / 26;
  }
  return out;
}

std::string cell_name(int row, int col) { return column_name(col) + std::to_string(row); }

std::string cell_position(std::string_view file, std::string_view sheet, int row, int col) {
  std::string out(file);
  out += ", feuille « ";
  out += sheet;
  out += " », cellule ";
  out += cell_name(row, col);
  return out;
}

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void civil_from_days(long z, long& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

}  // namespace

std::optional<std::string> serial_to_iso(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 3'000'000) return std::nullopt;
  double whole = std::floor(serial);
  long days = static_cast<long>(whole);
  long base;
  if (date1904) {
    base = days_from_civil(1904, 1, 1);
  } else {
    // Serial 60 is Lotus's 29 February 1900, which did not exist; serials before it are one
    // day off from those after it.
    if (days == 60) return std::string("1900-02-29");
    base = days < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
  }
  long y;
  unsigned m, d;
  civil_from_days(base + days, y, m, d);
  if (y < 1 || y > 9999) return std::nullopt;
  char buf[40];
  long seconds = std::lround((serial - whole) * 86400.0);
  if (seconds >= 86400) seconds = 86399;
  if (seconds == 0) {
    std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
  } else {
    std::snprintf(buf, sizeof buf, "%04ld-%02u-%02uT%02ld:%02ld:%02ld", y, m, d, seconds / 3600,
                  (seconds / 60) % 60, seconds % 60);
  }
  return std::string(buf);
}

double iso_to_serial(int year, int month, int day) {
  long days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) -
              days_from_civil(1899, 12, 30);
  if (days < 61) days -= 1;  // before Lotus's 29 February 1900
  return static_cast<double>(days);
}

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return true;
  if (code.empty() || code == "General" || code == "@") return false;
  // Drop quoted text, escaped characters and [..] sections (colours, locales, elapsed time),
  // then look for a day or year token. Months alone are ambiguous with minutes.
  bool in_quote = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (in_quote) {
      if (c == '"') in_quote = false;
      continue;
    }
    if (c == '"') {
      in_quote = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      while (i < code.size() && code[i] != ']') ++i;
    } else if (c == ';') {
      break;  // the positive section decides
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'j' || c == 'J' || c == 'a' ||
               c == 'A') {
      // 'j'/'a' are LibreOffice's French day/year tokens ("JJ/MM/AAAA"); "AM/PM" is time.
      if ((c == 'a' || c == 'A') && code.substr(i, 5) == "AM/PM") {
        i += 4;
        continue;
      }
      if ((c == 'a' || c == 'A') && code.substr(i, 3) == "A/P") {
        i += 2;
        continue;
      }
      return true;
    }
  }
  return false;
}

}  // namespace tampon::tabular
