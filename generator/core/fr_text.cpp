#include "core/fr_text.hpp"

#include <algorithm>
#include <iterator>

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

namespace {

// The documents of seeds/README.md, by their number in references.
constexpr std::string_view k_sources[] = {
    "appel à manifestation d'intérêt France Relance 2020",
    "lettre d'information sur l'appel à manifestation d'intérêt de 2020",
    "appel à candidatures « Conseillers numériques coordinateurs » 2023",
    "délibération de la communauté d'agglomération du Caudrésis-Catésis (18 février 2021)",
    "guide de l'employeur Conseiller numérique France Services",
};

// "000 II.4" → "appel … 2020, § II.4"; empty when it is not a reference to a known document.
std::string reference_in_words(std::string_view inside) {
  if (inside.size() < 3) return {};
  for (std::size_t i = 0; i < 3; ++i)
    if (inside[i] < '0' || inside[i] > '9') return {};
  std::size_t number = static_cast<std::size_t>((inside[0] - '0') * 100 + (inside[1] - '0') * 10 +
                                                (inside[2] - '0'));
  if (number >= std::size(k_sources) || (inside.size() > 3 && inside[3] != ' ')) return {};
  std::string out(k_sources[number]);
  std::string_view part = inside.size() > 4 ? inside.substr(4) : std::string_view();
  if (part.empty()) return out;
  if (part.starts_with("§")) part.remove_prefix(std::string_view("§").size());
  while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
  // A section number (II.4, 2, III.b) takes "§"; a named part (étape 5, note 1) stays as is.
  bool section = !part.empty() &&
                 (std::string_view("IVX0123456789").find(part.front()) != std::string_view::npos);
  return out + ", " + (section ? "§ " : "") + std::string(part);
}

}  // namespace

std::string source_in_words(std::string_view source) {
  std::string out;
  std::size_t pos = 0;
  std::string previous;  // the document of the reference just written, when one was
  while (pos < source.size()) {
    std::size_t open = source.find('[', pos);
    std::size_t close = open == std::string_view::npos ? open : source.find(']', open);
    if (close == std::string_view::npos) break;
    std::string words = reference_in_words(source.substr(open + 1, close - open - 1));
    std::string_view between = source.substr(pos, open - pos);
    std::string document = words.substr(0, words.find(", "));
    if (!words.empty() && document == previous && between == ", " && words != document) {
      out += " et " + words.substr(document.size() + 2);  // "…2020, § II.1 et § II.3"
    } else {
      out += between;
      out += words.empty() ? std::string(source.substr(open, close - open + 1)) : words;
    }
    previous = words.empty() ? std::string() : document;
    pos = close + 1;
  }
  out += source.substr(std::min(pos, source.size()));
  return out;
}

}  // namespace tampon::text
