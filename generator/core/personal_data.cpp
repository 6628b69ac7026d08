#include "tampon/personal_data.hpp"

#include <algorithm>
#include <array>

namespace tampon {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool alnum(char c) { return digit(c) || alpha(c); }
// A byte of a non-ASCII letter (é, ç…): words in French text are made of these too.
bool word_byte(char c) { return alnum(c) || static_cast<unsigned char>(c) >= 0x80; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(text[at + i]) != word[i]) return false;
  return true;
}

// ---- e-mail: local@domain.tld

bool local_char(char c) {
  return alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool domain_char(char c) { return alnum(c) || c == '.' || c == '-'; }

void find_emails(std::string_view t, std::vector<PersonalDataMatch>& out) {
  std::size_t from = 0;
  for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    if (at < from) continue;
    std::size_t start = at;
    while (start > from && local_char(t[start - 1])) --start;
    while (start < at && t[start] == '.') ++start;
    if (start == at) continue;
    std::size_t end = at + 1;
    while (end < t.size() && domain_char(t[end])) ++end;
    while (end > at + 1 && (t[end - 1] == '.' || t[end - 1] == '-')) --end;
    std::string_view domain = t.substr(at + 1, end - at - 1);
    std::size_t dot = domain.rfind('.');
    if (domain.empty() || !alnum(domain[0]) || dot == std::string_view::npos) continue;
    std::string_view tld = domain.substr(dot + 1);
    if (tld.size() < 2 || !std::ranges::all_of(tld, alpha)) continue;
    out.push_back({start, end - start, PersonalData::Email});
    from = end;
  }
}

// ---- phone: 0X XX XX XX XX (separators: space, dot, dash, no-break spaces) or +CC …

std::size_t separator_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == ' ' || t[i] == '.' || t[i] == '-') return 1;
  if (t.substr(i, 2) == "\xC2\xA0") return 2;      // no-break space
  if (t.substr(i, 3) == "\xE2\x80\xAF") return 3;  // narrow no-break space
  return 0;
}

/// Digits from `i`, single separators allowed between them; returns the end and the count.
std::pair<std::size_t, int> digit_run(std::string_view t, std::size_t i) {
  int count = 0;
  std::size_t end = i;
  while (i < t.size()) {
    if (digit(t[i])) {
      ++count;
      end = ++i;
      continue;
    }
    if (count == 0) break;
    if (t.substr(i, 3) == "(0)") {  // +33 (0)6 …: the trunk zero in brackets
      i += 3;
      continue;
    }
    std::size_t sep = separator_at(t, i);
    if (sep != 0 && t.substr(i + sep, 3) == "(0)") {  // +33 (0)6 …
      i += sep;
      continue;
    }
    if (sep == 0 || i + sep >= t.size() || !digit(t[i + sep])) break;
    i += sep;
  }
  return {end, count};
}

void find_phones(std::string_view t, std::vector<PersonalDataMatch>& out) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c != '+' && c != '0') continue;
    if (i > 0 && (word_byte(t[i - 1]) || t[i - 1] == '+' || t[i - 1] == ',')) continue;
    std::pair<std::size_t, int> run;
    if (c == '+') {
      if (i + 1 >= t.size() || !digit(t[i + 1]) || t[i + 1] == '0') continue;
      run = digit_run(t, i + 1);
      if (run.second < 10 || run.second > 13) continue;
    } else {
      if (i + 1 >= t.size() || !digit(t[i + 1]) || t[i + 1] == '0') continue;
      run = digit_run(t, i);
      if (run.second != 10) {
        i = run.first;  // a longer or shorter number: skip it whole
        continue;
      }
    }
    if (run.first < t.size() && word_byte(t[run.first])) continue;
    out.push_back({i, run.first - i, PersonalData::Phone});
    i = run.first;
  }
}

// ---- birth date: "né le 12/03/1985", "née en 1990", "date de naissance : 1985-03-12"

constexpr std::array<std::string_view, 12> k_months = {"janvier",
                                                       "f\xC3\xA9vrier",
                                                       "mars",
                                                       "avril",
                                                       "mai",
                                                       "juin",
                                                       "juillet",
                                                       "ao\xC3\xBBt",
                                                       "septembre",
                                                       "octobre",
                                                       "novembre",
                                                       "d\xC3\xA9"
                                                       "cembre"};

std::size_t digits_from(std::string_view t, std::size_t i, std::size_t max) {
  std::size_t n = 0;
  while (i + n < t.size() && n < max && digit(t[i + n])) ++n;
  return n;
}

bool year_at(std::string_view t, std::size_t i) {
  return digits_from(t, i, 5) == 4 && (t.substr(i, 2) == "19" || t.substr(i, 2) == "20");
}

/// Length of a date written at `i` (12/03/1985, 12.03.85, 1985-03-12, 1er mars 1985, and a
/// bare year when `year_alone`), or 0.
std::size_t date_at(std::string_view t, std::size_t i, bool year_alone) {
  auto ends = [&](std::size_t len) { return i + len >= t.size() || !alnum(t[i + len]); };
  if (year_at(t, i) && i + 4 < t.size() && t[i + 4] == '-') {  // ISO
    if (digits_from(t, i + 5, 3) == 2 && i + 7 < t.size() && t[i + 7] == '-' &&
        digits_from(t, i + 8, 3) == 2 && ends(10))
      return 10;
  }
  std::size_t d = digits_from(t, i, 3);
  if (d == 1 || d == 2) {
    std::size_t j = i + d;
    if (j < t.size() && (t[j] == '/' || t[j] == '.' || t[j] == '-')) {
      char sep = t[j];
      std::size_t m = digits_from(t, j + 1, 3);
      std::size_t k = j + 1 + m;
      if ((m == 1 || m == 2) && k < t.size() && t[k] == sep) {
        std::size_t y = digits_from(t, k + 1, 5);
        if ((y == 2 || y == 4) && ends(k + 1 + y - i)) return k + 1 + y - i;
      }
    }
    if (t.substr(j, 2) == "er") j += 2;
    if (j < t.size() && t[j] == ' ') {
      for (std::string_view month : k_months)
        if (starts_with_ci(t, j + 1, month)) {
          std::size_t k = j + 1 + month.size();
          if (k < t.size() && t[k] == ' ' && year_at(t, k + 1) && ends(k + 5 - i)) return k + 5 - i;
        }
    }
  }
  if (year_alone && year_at(t, i) && ends(4)) return 4;
  return 0;
}

std::size_t skip_spaces(std::string_view t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == ':' || separator_at(t, i) > 1))
    i += t[i] == ' ' || t[i] == ':' ? 1 : separator_at(t, i);
  return i;
}

/// After "né"/"naissance": the date that follows, if one does.
void date_after(std::string_view t, std::size_t i, std::vector<PersonalDataMatch>& out) {
  i = skip_spaces(t, i);
  bool year_alone = false;
  for (std::string_view word : {"le ", "en ", "du ", "au "})
    if (starts_with_ci(t, i, word)) {
      year_alone = word == "en ";
      i = skip_spaces(t, i + word.size());
      break;
    }
  if (std::size_t len = date_at(t, i, year_alone)) out.push_back({i, len, PersonalData::BirthDate});
}

void find_birth_dates(std::string_view t, std::vector<PersonalDataMatch>& out) {
  for (std::size_t i = 0; i + 3 <= t.size(); ++i) {
    if (i > 0 && word_byte(t[i - 1])) continue;
    if (starts_with_ci(t, i, "naissance")) {
      date_after(t, i + 9, out);
    } else if (lower(t[i]) == 'n' &&
               (t.substr(i + 1, 2) == "\xC3\xA9" || t.substr(i + 1, 2) == "\xC3\x89")) {
      std::size_t j = i + 3;  // "né", then "e", "s", "(e)", "(e)s"
      if (t.substr(j, 3) == "(e)") j += 3;
      if (j < t.size() && lower(t[j]) == 'e') ++j;
      if (j < t.size() && lower(t[j]) == 's') ++j;
      if (j < t.size() && word_byte(t[j])) continue;
      date_after(t, j, out);
    }
  }
}

}  // namespace

std::vector<PersonalDataMatch> find_personal_data(std::string_view text) {
  std::vector<PersonalDataMatch> found;
  if (text.find('@') != std::string_view::npos) find_emails(text, found);
  if (text.find_first_of("0123456789") == std::string_view::npos) return found;
  find_phones(text, found);
  find_birth_dates(text, found);
  std::ranges::sort(found, {}, &PersonalDataMatch::offset);
  std::vector<PersonalDataMatch> kept;
  for (const auto& m : found)
    if (kept.empty() || kept.back().offset + kept.back().length <= m.offset) kept.push_back(m);
  return kept;
}

std::string_view personal_data_fr(PersonalData kind) {
  switch (kind) {
    case PersonalData::Email:
      return "une adresse électronique";
    case PersonalData::Phone:
      return "un numéro de téléphone";
    case PersonalData::BirthDate:
      return "une date de naissance";
  }
  return "une donnée personnelle";
}

std::string redact_personal_data(std::string_view text) {
  auto found = find_personal_data(text);
  if (found.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t from = 0;
  for (const auto& m : found) {
    std::size_t start = m.offset;
    if (m.kind == PersonalData::Email && start >= from + 7 &&
        starts_with_ci(text, start - 7, "mailto:"))
      start -= 7;
    out.append(text.substr(from, start - from));
    switch (m.kind) {
      case PersonalData::Email:
        out += "[courriel masqué]";
        break;
      case PersonalData::Phone:
        out += "[téléphone masqué]";
        break;
      case PersonalData::BirthDate:
        out += "[date de naissance masquée]";
        break;
    }
    from = m.offset + m.length;
  }
  out.append(text.substr(from));
  return out;
}

}  // namespace tampon
