#include "bulletin_data.hpp"

#include <algorithm>
#include <set>

#include "tampon/personal_data.hpp"

namespace tampon::bulletin {
namespace {

bool in_quarter(Month m, Quarter q) { return Quarter::of(m) == q; }

/// Last month of the contract: its end, or the rupture if earlier.
std::optional<Month> contract_end(const Conseiller& c) {
  std::optional<Month> end;
  if (c.contrat.fin) end = Month::of(*c.contrat.fin);
  if (c.rupture && (!end || Month::of(c.rupture->date) < *end)) end = Month::of(c.rupture->date);
  return end;
}

/// Last month a conseiller owes a report for, seen from the reference date: the month before
/// it, or the end of the contract if earlier (domain.md §4.1, as the status rule counts it).
Month last_owed_month(const Conseiller& c, Date as_of) {
  Month last = Month::of(as_of).previous();
  if (auto end = contract_end(c); end && *end < last) last = *end;
  return last;
}

bool in_post_during(const Conseiller& c, Quarter q) {
  if (q.last_month() < Month::of(c.contrat.debut)) return false;
  auto end = contract_end(c);
  return !end || !(*end < q.first_month());
}

void add_missing(std::span<const Conseiller* const> team, std::span<const Rapport> reports,
                 BulletinData& data) {
  std::set<std::pair<std::string_view, int>> reported;
  for (const Rapport& r : reports) reported.emplace(r.conseiller, r.mois.index());
  for (Month m = data.quarter.first_month(); m <= data.quarter.last_month(); m = m.next()) {
    MissingMonth missing{m, 0, {}};
    for (const Conseiller* c : team) {
      if (m < Month::of(c->contrat.debut) || last_owed_month(*c, data.as_of) < m) continue;
      ++data.expected_reports;
      if (reported.contains({c->id, m.index()})) continue;
      ++missing.count;
      if (auto name = publishable_name(c)) missing.names.push_back(*name);
    }
    if (missing.count > 0) data.missing.push_back(std::move(missing));
  }
}

void add_report(const Model& model, const Rapport& r, BulletinData& data,
                std::set<std::string_view>& reporting) {
  data.current += r;
  data.months[static_cast<std::size_t>(r.mois.month - data.quarter.first_month().month)] += r;
  for (std::size_t i = 0; i < k_theme_count; ++i) data.themes[i] += r.themes[i];
  for (std::size_t i = 0; i < k_lieu_count; ++i) data.lieux[i] += r.lieux[i];
  data.has_lieux = data.has_lieux || r.has_lieux;
  reporting.insert(r.conseiller);
  if (r.faits_marquants && !r.faits_marquants->empty())
    data.highlights.push_back({r.mois,
                               publishable_name(model.conseiller(r.conseiller)).value_or(""),
                               // No personal data in a bulletin (domain.md §7): masked here,
                               // warned about by the loader (personal-data-in-text).
                               redact_personal_data(*r.faits_marquants)});
}

/// Counts the conseillers in post (a reporting one counts even outside its contract dates) and
/// collects the names that may be published.
void add_team(const Model& model, std::span<const Conseiller* const> conseillers,
              const std::set<std::string_view>& reporting, BulletinData& data) {
  std::set<std::string_view> team = reporting;
  for (const Conseiller* c : conseillers)
    if (in_post_during(*c, data.quarter)) team.insert(c->id);
  data.conseillers_in_post = static_cast<int>(team.size());
  data.conseillers_reporting = static_cast<int>(reporting.size());
  for (std::string_view id : team)
    if (auto name = publishable_name(model.conseiller(id))) data.published_names.push_back(*name);
  std::sort(data.published_names.begin(), data.published_names.end());
}

}  // namespace

Totals& Totals::operator+=(const Rapport& r) {
  individuels += r.activites.accompagnements_individuels;
  ateliers += r.activites.ateliers_collectifs;
  participants += r.activites.participants_ateliers;
  ponctuelles += r.activites.demandes_ponctuelles;
  appels += r.activites.appels_solidarite_numerique;
  usagers += r.usagers_accompagnes;
  ++reports;
  return *this;
}

int BulletinData::missing_reports() const {
  int n = 0;
  for (const MissingMonth& m : missing) n += m.count;
  return n;
}

std::optional<std::string> publishable_name(const Conseiller* c) {
  if (c == nullptr || !c->publication_nom) return std::nullopt;
  return c->prenom + " " + c->nom;
}

std::vector<Quarter> report_quarters(const Model& model, std::string_view structure_id,
                                     Quarter last) {
  std::set<Quarter> quarters;
  for (const Rapport& r : model.rapports_of_structure(structure_id))
    if (Quarter::of(r.mois) <= last) quarters.insert(Quarter::of(r.mois));
  return {quarters.begin(), quarters.end()};
}

BulletinData bulletin_data(const Model& model, const Structure& structure, Quarter quarter,
                           Date as_of) {
  BulletinData data;
  data.structure = &structure;
  data.quarter = quarter;
  data.as_of = as_of;
  auto reports = model.rapports_of_structure(structure.id);
  std::vector<const Rapport*> ordered;
  for (const Rapport& r : reports) {
    if (in_quarter(r.mois, quarter))
      ordered.push_back(&r);
    else if (in_quarter(r.mois, quarter.previous()))
      data.previous += r;
  }
  // Highlights read in month order, then by conseiller (reports come by conseiller).
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Rapport* a, const Rapport* b) { return a->mois < b->mois; });
  std::set<std::string_view> reporting;
  for (const Rapport* r : ordered) add_report(model, *r, data, reporting);
  auto conseillers = model.conseillers_of_structure(structure.id);
  add_team(model, conseillers, reporting, data);
  add_missing(conseillers, reports, data);
  return data;
}

}  // namespace tampon::bulletin
