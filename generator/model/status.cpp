// Tranche statuses on the reference date, the first that holds (domain.md §4.1).
#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/fr_text.hpp"
#include "core/parallel.hpp"
#include "model/derive.hpp"

namespace tampon::model {
namespace {

using PaymentKey = std::tuple<std::string, int, int>;  // convention, poste, tranche

std::map<PaymentKey, const Versement*> payments(const Model& model) {
  std::map<PaymentKey, const Versement*> out;
  for (const auto& v : model.records.versements)
    out.emplace(PaymentKey{v.convention, v.poste, v.tranche}, &v);  // first one wins
  return out;
}

// (conseiller, month) of every monthly report, sorted: looked up without a string copy (a
// national set has 120 000 reports and each owed month of each post is looked up).
using ReportedMonths = std::vector<std::pair<std::string_view, int>>;
ReportedMonths reported_months(const Model& model) {
  ReportedMonths out;
  out.reserve(model.records.rapports.size());
  for (const auto& r : model.records.rapports) out.emplace_back(r.conseiller, r.mois.index());
  std::sort(out.begin(), out.end());
  return out;
}

// The months a monthly report is owed for: from the contract start to the month before the
// reference date. No report is owed after the contract ended (fin or rupture).
std::pair<Month, Month> owed_months(const Conseiller& c, Date as_of) {
  Month last = Month::of(as_of).previous();
  if (c.contrat.fin && Month::of(*c.contrat.fin) < last) last = Month::of(*c.contrat.fin);
  if (c.rupture && Month::of(c.rupture->date) < last) last = Month::of(c.rupture->date);
  return {Month::of(c.contrat.debut), last};
}

// True when a monthly report is missing for an owed month (stops at the first).
bool missing_report(const Conseiller& c, Date as_of, const ReportedMonths& reported) {
  auto [first, last] = owed_months(c, as_of);
  for (Month m = first; m <= last; m = m.next())
    if (!std::binary_search(reported.begin(), reported.end(),
                            std::pair<std::string_view, int>(c.id, m.index())))
      return true;
  return false;
}

std::string reason_for_payment(const Model& model, const Versement& v) {
  Location at = model.where(v.locs.record);
  std::string place = at.file.empty() ? "" : " (" + at.file + ":" + std::to_string(at.line) + ")";
  if (v.statut == VersementStatut::Versee)
    return "versement enregistré le " + v.date.iso() + " pour " + text::money(v.montant) + place;
  return "versement enregistré avec le statut « suspendue » le " + v.date.iso() + place;
}

// "2021-11 à 2022-09, 2023-04" : runs of consecutive months as ranges.
std::string months_list(const std::vector<Month>& months) {
  std::string out;
  for (std::size_t i = 0; i < months.size();) {
    std::size_t j = i;
    while (j + 1 < months.size() && months[j + 1].index() == months[j].index() + 1) ++j;
    out += (out.empty() ? "" : ", ") + months[i].iso();
    if (j > i) out += " à " + months[j].iso();
    i = j + 1;
  }
  return out;
}

}  // namespace

StatusReason status_reason(const Model& model, const ConventionState& state, const PostState& post,
                           const TrancheLine& t) {
  StatusReason r;
  const std::string due = "échéance du " + t.due.iso();
  const std::string as_of = "date de référence " + model.as_of.iso() + " (--as-of)";
  switch (t.status) {
    case TrancheStatus::Versee:
    case TrancheStatus::Suspendue:
      for (const auto& v : model.records.versements)
        if (v.convention == state.record->id && v.poste == post.numero && v.tranche == t.number) {
          r.text = reason_for_payment(model, v);  // the first record wins, as for the status
          break;
        }
      return r;
    case TrancheStatus::Provisoire:
      r.text = post.conseiller
                   ? "échéancier provisoire : la date de départ en formation de « " +
                         *post.conseiller + " » n'est pas encore connue (formation.depart)"
                   : "échéancier provisoire : poste vacant, sans date de départ en formation";
      return r;
    case TrancheStatus::AVenir:
      r.text = due + " pas encore atteinte à la " + as_of;
      return r;
    case TrancheStatus::RisqueSuspension:
    case TrancheStatus::Exigible:
      break;
  }
  r.text = due + " atteinte à la " + as_of + ", aucun versement enregistré";
  const Conseiller* c = post.conseiller ? model.conseiller(*post.conseiller) : nullptr;
  if (!c) {
    r.text += " ; poste vacant : aucun rapport mensuel n'est dû";
    return r;
  }
  auto [first, last] = owed_months(*c, model.as_of);
  std::set<int> reported;
  for (const auto& rapport : model.records.rapports)
    if (rapport.conseiller == c->id) reported.insert(rapport.mois.index());
  for (Month m = first; m <= last; m = m.next())
    if (!reported.contains(m.index())) r.missing_months.push_back(m);
  if (last < first) {
    r.text += " ; aucun rapport mensuel de « " + c->id + " » n'est encore dû";
  } else if (r.missing_months.empty()) {
    r.text += " ; rapports mensuels de « " + c->id + " » reçus pour chaque mois de " + first.iso() +
              " à " + last.iso();
  } else {
    std::size_t n = r.missing_months.size();
    r.text += " ; " + std::to_string(n) + " mois sans rapport mensuel de « " + c->id +
              " » (dus de " + first.iso() + " à " + last.iso() +
              ") : " + months_list(r.missing_months) +
              " ; un suivi manquant peut suspendre le paiement";
    r.source = "[000 III.3] ; [002 IV.e]";
  }
  return r;
}

void apply_statuses(Model& model, unsigned jobs) {
  const auto paid = payments(model);
  const auto reported = reported_months(model);
  // Each convention's tranches are its own: conventions are set side by side.
  for_each_index(model.conventions.size(), jobs, [&](std::size_t i) {
    ConventionState& state = model.conventions[i];
    for (auto& version : state.versions) {
      for (auto& post : version.posts) {
        const Conseiller* c = post.conseiller ? model.conseiller(*post.conseiller) : nullptr;
        std::optional<bool> risk;  // computed once per post, when first needed
        for (auto& t : post.tranches) {
          auto it = paid.find({state.record->id, post.numero, t.number});
          if (it != paid.end()) {
            t.paid_date = it->second->date;
            t.paid_amount = it->second->montant;
            t.status = it->second->statut == VersementStatut::Versee ? TrancheStatus::Versee
                                                                     : TrancheStatus::Suspendue;
          } else if (t.provisional) {
            t.status = TrancheStatus::Provisoire;
          } else if (t.due > model.as_of) {
            t.status = TrancheStatus::AVenir;
          } else {
            if (!risk) risk = c && missing_report(*c, model.as_of, reported);
            t.status = *risk ? TrancheStatus::RisqueSuspension : TrancheStatus::Exigible;
          }
        }
      }
    }
  });
}

}  // namespace tampon::model
