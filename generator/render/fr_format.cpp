// French formatting through ICU. ICU formatter objects are not safe to share between threads
// for formatting, so each thread keeps its own (thread_local): render jobs call these
// functions concurrently.
#include "render/fr_format.hpp"

#include <unicode/datefmt.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <stdexcept>

namespace tampon::fr {
namespace {

const icu::Locale& locale_fr() {
  static const icu::Locale k_locale("fr", "FR");
  return k_locale;
}

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

icu::RuleBasedNumberFormat& spellout() {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, locale_fr(), status);
    check(status, "spellout fr");
    f->setDefaultRuleSet(u"%spellout-cardinal-masculine", status);
    check(status, "%spellout-cardinal-masculine");
    return f;
  }();
  return *format;
}

icu::NumberFormat& currency() {
  thread_local std::unique_ptr<icu::NumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(
        icu::NumberFormat::createCurrencyInstance(locale_fr(), status));
    check(status, "currency fr-FR");
    f->setCurrency(u"EUR", status);
    check(status, "EUR");
    return f;
  }();
  return *format;
}

icu::NumberFormat& integer() {
  thread_local std::unique_ptr<icu::NumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(icu::NumberFormat::createInstance(locale_fr(), status));
    check(status, "number fr-FR");
    f->setMaximumFractionDigits(0);
    return f;
  }();
  return *format;
}

icu::NumberFormat& percent_format() {
  thread_local std::unique_ptr<icu::NumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(
        icu::NumberFormat::createPercentInstance(locale_fr(), status));
    check(status, "percent fr-FR");
    return f;
  }();
  return *format;
}

/// `pattern` in ICU date syntax, evaluated in UTC so a Date never shifts by a day.
icu::SimpleDateFormat& date_format(const char16_t* pattern) {
  thread_local std::map<std::u16string, std::unique_ptr<icu::SimpleDateFormat>> formats;
  auto& slot = formats[pattern];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot =
        std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString(pattern), locale_fr(), status);
    check(status, "date pattern");
    slot->adoptTimeZone(icu::TimeZone::createTimeZone(u"UTC"));
  }
  return *slot;
}

UDate udate(Date day) { return static_cast<UDate>(day.days()) * 86400000.0; }

std::string spell(std::int64_t value) {
  icu::UnicodeString out;
  spellout().format(static_cast<int64_t>(value), out);
  std::string text = utf8(out);
  // ICU follows the 1990 spelling ("vingt-et-un"); legal documents keep the traditional one
  // ("vingt et un", "soixante et onze"), which the rest of the hyphenation already matches.
  for (std::size_t at; (at = text.find("-et-")) != std::string::npos;) text.replace(at, 4, " et ");
  return text;
}

/// "un million d'euros" but "un million cent euros": the noun takes "de" after a round
/// million or milliard (the spelled number then ends in "million(s)" / "milliard(s)").
std::string euros_suffix(const std::string& words, std::int64_t euros) {
  auto ends_with = [&](std::string_view tail) {
    return words.size() >= tail.size() &&
           words.compare(words.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends_with("million") || ends_with("millions") || ends_with("milliard") ||
      ends_with("milliards"))
    return " d\u2019euros";
  return euros >= 2 ? " euros" : " euro";
}

}  // namespace

std::string money(Money amount) {
  icu::UnicodeString out;
  // Cents → euros as a decimal string keeps the conversion exact (no binary fraction).
  UErrorCode status = U_ZERO_ERROR;
  icu::Formattable value(icu::StringPiece(amount.plain()), status);
  check(status, "money value");
  currency().format(value, out, status);
  check(status, "money format");
  return utf8(out);
}

std::string money_words(Money amount) {
  std::int64_t cents = amount.cents();
  std::string sign = cents < 0 ? "moins " : "";
  if (cents < 0) cents = -cents;
  std::int64_t euros = cents / 100;
  std::int64_t rest = cents % 100;
  std::string text;
  if (euros > 0 || rest == 0) {
    std::string words = spell(euros);
    text = words + euros_suffix(words, euros);
  }
  if (rest > 0) {
    std::string centimes = spell(rest) + (rest >= 2 ? " centimes" : " centime");
    text = text.empty() ? centimes : text + " et " + centimes;
  }
  return sign + text;
}

std::string number(long long value) {
  icu::UnicodeString out;
  integer().format(static_cast<int64_t>(value), out);
  return utf8(out);
}

std::string percent(int pct) {
  icu::UnicodeString out;
  percent_format().format(pct / 100.0, out);
  return utf8(out);
}

std::string date_long(Date day) {
  icu::UnicodeString out;
  // "1er mai 2021": the first of the month is an ordinal in French.
  const char16_t* pattern = day.day() == 1 ? u"'1er' MMMM y" : u"d MMMM y";
  date_format(pattern).format(udate(day), out);
  return utf8(out);
}

std::string date_short(Date day) {
  icu::UnicodeString out;
  date_format(u"dd/MM/y").format(udate(day), out);
  return utf8(out);
}

std::string month_long(Month month) {
  icu::UnicodeString out;
  date_format(u"MMMM y").format(udate(month.first_day()), out);
  return utf8(out);
}

std::string quarter_long(Quarter q) {
  std::string ordinal = q.number == 1 ? "1er" : std::to_string(q.number) + "e";
  return ordinal + " trimestre " + std::to_string(q.year);
}

}  // namespace tampon::fr
