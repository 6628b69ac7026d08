#include "bulletin_text.hpp"

#include <cmath>

#include "render/fr_format.hpp"

namespace tampon::bulletin {
namespace {

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " et " : ", ") + names[i];
  return out;
}

std::string month_name_only(Month m) {
  std::string full = fr::month_long(m);  // "avril 2022"
  return full.substr(0, full.rfind(' '));
}

}  // namespace

std::string quarter_title(Quarter q) {
  return fr::quarter_long(q) + " (" + month_name_only(q.first_month()) + " à " +
         fr::month_long(q.last_month()) + ")";
}

std::vector<KeyFact> key_facts(const BulletinData& data) {
  int n = data.conseillers_in_post;
  std::string team = fr::number(n);
  if (!data.published_names.empty())
    team += (static_cast<int>(data.published_names.size()) == n ? " (" : " (dont ") +
            join_names(data.published_names) + ")";
  std::string reports = data.expected_reports == 0
                            ? fr::number(data.current.reports) + " (aucun n'était encore dû)"
                            : fr::number(data.expected_reports - data.missing_reports()) + " sur " +
                                  fr::number(data.expected_reports) + " attendus";
  return {
      {n == 1 ? "Conseiller numérique en poste" : "Conseillers numériques en poste", team},
      {"Conseillers ayant transmis un rapport", fr::number(data.conseillers_reporting)},
      {"Rapports mensuels reçus", reports},
      {"Situation au", fr::date_long(data.as_of)},
  };
}

std::string change_text(const BulletinData& data, long long Totals::*field) {
  if (data.previous.reports == 0) return "—";
  long long now = data.current.*field, before = data.previous.*field;
  long long diff = now - before;
  if (diff == 0) return "stable";
  std::string sign = diff > 0 ? "+" : "−";  // U+2212, the typographic minus
  std::string out = sign + fr::number(diff > 0 ? diff : -diff);
  if (before > 0) {
    long long pct = std::llround(100.0 * static_cast<double>(diff > 0 ? diff : -diff) /
                                 static_cast<double>(before));
    out += " (" + sign + fr::number(pct) + "\u00a0%)";
  }
  return out;
}

std::string change_caption(const BulletinData& data, long long Totals::*field) {
  if (data.previous.reports == 0)
    return "pas de rapport au " + fr::quarter_long(data.quarter.previous());
  return change_text(data, field) + " par rapport au " + fr::quarter_long(data.quarter.previous());
}

std::string missing_text(const MissingMonth& m) {
  std::string out = fr::month_long(m.month) + " : " + fr::number(m.count) +
                    (m.count == 1 ? " conseiller sans rapport" : " conseillers sans rapport");
  if (!m.names.empty())
    out += (static_cast<int>(m.names.size()) == m.count ? " (" : " (dont ") + join_names(m.names) +
           ")";
  return out;
}

std::string highlight_byline(const Highlight& h) {
  std::string out = fr::month_long(h.month);
  if (!h.author.empty()) out += ", " + h.author;
  return out;
}

}  // namespace tampon::bulletin
