#include "justification_data.hpp"

#include <algorithm>

#include "render/fr_format.hpp"
#include "render/xlsx/record_refs.hpp"

namespace tampon::xlsx {
namespace {

Date end_of(const ConventionState& cs) {
  return cs.versions.empty() ? cs.record->fin : cs.current().fin;
}

bool paid_by(const TrancheLine& t, Date day) {
  return t.status == TrancheStatus::Versee && t.paid_date && *t.paid_date <= day;
}

Money received_by(const PostState& post, Date day) {
  Money sum;
  for (const TrancheLine& t : post.tranches)
    if (paid_by(t, day)) sum += paid_amount(t);
  return sum;
}

/// The declarations of one convention of the structure up to the quarter, in quarter order.
std::vector<const Depense*> declarations(const Model& model, const Structure& s,
                                         const std::string& convention, Quarter upto) {
  std::vector<const Depense*> out;
  for (const Depense& d : depenses_of(model, s.id))
    if (d.convention == convention && d.trimestre <= upto && model.is_valid(ref_of(d)))
      out.push_back(&d);
  std::stable_sort(out.begin(), out.end(),
                   [](const Depense* a, const Depense* b) { return a->trimestre < b->trimestre; });
  return out;
}

JustificationLine& line_for(std::vector<JustificationLine>& lines, std::size_t first,
                            const std::string& convention, const std::string& conseiller) {
  for (std::size_t i = first; i < lines.size(); ++i)
    if (!lines[i].conseiller.empty() && lines[i].conseiller == conseiller) return lines[i];
  lines.push_back({convention, std::nullopt, conseiller, {}, {}, {}, {}, {}});
  return lines.back();
}

/// One line per post, then the declared expenses spread onto them; returns whether the quarter
/// was declared.
bool add_convention(const Model& model, const Structure& s, const ConventionState& cs, Quarter q,
                    std::vector<JustificationLine>& lines) {
  std::size_t first = lines.size();
  for (const PostState& post : cs.current().posts)
    lines.push_back({cs.record->id,
                     post.numero,
                     post.conseiller.value_or(""),
                     {},
                     received_by(post, q.last_day()),
                     {},
                     {},
                     {}});
  bool declared = false;
  for (const Depense* d : declarations(model, s, cs.record->id, q)) {
    declared = declared || d->trimestre == q;
    for (const LigneDepense& ligne : d->lignes) {
      JustificationLine& line = line_for(lines, first, cs.record->id, ligne.conseiller);
      line.cumulated += ligne;
      if (d->trimestre != q) continue;
      line.quarter += ligne;
      if (!ligne.justificatif.empty()) line.justificatifs.push_back(ligne.justificatif);
    }
  }
  return declared;
}

std::string full_name(const Model& model, const std::string& id) {
  const Conseiller* c = id.empty() ? nullptr : model.conseiller(id);
  if (c == nullptr) return "";
  return c->prenom + (c->prenom.empty() || c->nom.empty() ? "" : " ") + c->nom;
}

}  // namespace

/// "mars et avril 2023", "de décembre 2021 à avril 2023, juin et août 2023": months in order,
/// runs of three or more as a span, the year written once for neighbours of the same year.
std::string months_fr(const std::vector<Month>& months) {
  std::vector<std::pair<Month, Month>> runs;
  for (Month m : months)
    if (!runs.empty() && runs.back().second.next() == m)
      runs.back().second = m;
    else
      runs.push_back({m, m});
  std::vector<std::pair<Month, Month>> items;  // a single month or a span
  for (const auto& [first, last] : runs) {
    if (last.index() - first.index() >= 2) {
      items.push_back({first, last});
      continue;
    }
    for (Month m = first; m <= last; m = m.next()) items.push_back({m, m});
  }
  auto bare = [](Month m) {  // "mars" of "mars 2023"
    std::string name = fr::month_long(m);
    return name.substr(0, name.rfind(' '));
  };
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto [first, last] = items[i];
    bool year_follows = i + 1 < items.size() && items[i + 1].first == items[i + 1].second &&
                        first == last && items[i + 1].first.year == last.year;
    std::string text;
    if (first == last)
      text = year_follows ? bare(first) : fr::month_long(first);
    else {
      std::string from = first.year == last.year ? bare(first) : fr::month_long(first);
      bool vowel = from[0] == 'a' || from[0] == 'o';  // avril, août, octobre
      text = (vowel ? "d'" : "de ") + from + " à " + fr::month_long(last);
    }
    out += (i == 0 ? "" : i + 1 == items.size() ? " et " : ", ") + text;
  }
  return out;
}

namespace {

/// Months from the contract's start to the month before the reference date without a monthly
/// report (domain.md §4.1, `risque-suspension`).
std::string missing_reports(const Model& model, const ConventionState& cs,
                            const std::string& conseiller, Date as_of) {
  const Conseiller* c = model.conseiller(conseiller);
  if (c == nullptr) return "";
  std::vector<int> reported;
  for (const Rapport& r : model.rapports_of_structure(cs.record->structure))
    if (r.conseiller == conseiller) reported.push_back(r.mois.index());
  std::vector<Month> missing;
  for (Month m = Month::of(c->contrat.debut); m < Month::of(as_of); m = m.next())
    if (std::find(reported.begin(), reported.end(), m.index()) == reported.end())
      missing.push_back(m);
  return months_fr(missing);
}

}  // namespace

std::string status_words(const Model& model, const TrancheRow& row, Date as_of) {
  const TrancheLine& t = *row.tranche;
  switch (t.status) {
    case TrancheStatus::Versee:
      return "versée" + (t.paid_date ? " le " + date_fr(*t.paid_date) : std::string()) +
             " : rien à faire";
    case TrancheStatus::AVenir:
      return "à venir, échéance le " + date_fr(t.due) + " : rien à faire d'ici là";
    case TrancheStatus::Provisoire:
      return "provisoire : son échéance dépend de la date de départ en formation du conseiller, "
             "à transmettre à Banque des Territoires dès qu'elle est connue";
    case TrancheStatus::Suspendue:
      return "suspendue : prenez contact avec Banque des Territoires pour connaître les "
             "conditions de reprise des versements";
    case TrancheStatus::Exigible:
      return "exigible depuis le " + date_fr(t.due) +
             " : le versement est en cours, rien à faire de votre part";
    case TrancheStatus::RisqueSuspension: {
      std::string months = row.post->conseiller ? missing_reports(model, *row.convention,
                                                                  *row.post->conseiller, as_of)
                                                : "";
      // "… manquants pour mars et avril 2023", "… manquants de mai à septembre 2022".
      std::string joint =
          months.rfind("de ", 0) == 0 || months.rfind("d'", 0) == 0 ? " " : " pour ";
      return "risque de suspension : rapports mensuels manquants" +
             (months.empty() ? std::string() : joint + months) +
             " ; déposez-les pour que le versement ait lieu";
    }
  }
  return std::string(name(t.status));
}

std::span<const Depense> depenses_of(const Model& model, std::string_view structure) {
  struct ByStructure {
    bool operator()(const Depense& d, std::string_view id) const { return d.structure < id; }
    bool operator()(std::string_view id, const Depense& d) const { return id < d.structure; }
  };
  const std::vector<Depense>& all = model.records.depenses;
  auto [first, last] = std::equal_range(all.begin(), all.end(), structure, ByStructure{});
  return {first, last};
}

Expenses& Expenses::operator+=(const LigneDepense& line) {
  salaires += line.salaires_bruts;
  charges += line.charges_patronales;
  frais += line.frais;
  return *this;
}

std::vector<Quarter> running_quarters(const ConventionState& cs, Quarter last) {
  std::vector<Quarter> out;
  Quarter end = std::min(Quarter::of(end_of(cs)), last);
  for (Quarter q = Quarter::of(cs.record->debut); q <= end; q = q.next()) out.push_back(q);
  return out;
}

bool runs_in(const ConventionState& cs, Quarter quarter) {
  return Quarter::of(cs.record->debut) <= quarter && quarter <= Quarter::of(end_of(cs));
}

JustificationData justification_data(const Model& model, const Structure& structure,
                                     std::vector<const ConventionState*> conventions,
                                     Quarter quarter) {
  JustificationData data;
  data.structure = &structure;
  data.quarter = quarter;
  data.as_of = model.as_of;
  data.conventions = std::move(conventions);
  for (const ConventionState* cs : data.conventions) {
    if (cs->versions.empty()) continue;
    if (!add_convention(model, structure, *cs, quarter, data.lines))
      data.undeclared.push_back(cs->record->id);
    std::vector<TrancheRow> rows;
    append_tranche_rows(*cs, rows);
    for (const TrancheRow& row : rows) {
      if (paid_by(*row.tranche, quarter.last_day())) continue;
      data.upcoming.push_back(row);
      data.upcoming_status.push_back(status_words(model, row, model.as_of));
      TrancheStatus st = row.tranche->status;
      if (st == TrancheStatus::Versee || st == TrancheStatus::AVenir) continue;
      std::string who = row.post->conseiller ? full_name(model, *row.post->conseiller) : "";
      data.situations.push_back(
          "Convention " + cs->record->id + ", poste " + std::to_string(row.post->numero) +
          (who.empty() ? "" : " (" + who + ")") + ", tranche " +
          std::to_string(row.tranche->number) + " : " + data.upcoming_status.back() + ".");
    }
  }
  for (JustificationLine& line : data.lines)
    line.conseiller_nom = full_name(model, line.conseiller);
  return data;
}

}  // namespace tampon::xlsx
