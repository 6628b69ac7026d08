#include "justification_data.hpp"

#include <algorithm>

#include "xlsx_kit/record_refs.hpp"

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
  lines.push_back({convention, std::nullopt, conseiller, {}, {}, {}, {}});
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

}  // namespace

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
    for (const TrancheRow& row : rows)
      if (!paid_by(*row.tranche, quarter.last_day())) data.upcoming.push_back(row);
  }
  return data;
}

}  // namespace tampon::xlsx
