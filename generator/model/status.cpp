// Tranche statuses on the reference date, the first that holds (domain.md §4.1).
#include <map>
#include <set>
#include <tuple>

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

std::set<std::pair<std::string, int>> reported_months(const Model& model) {
  std::set<std::pair<std::string, int>> out;
  for (const auto& r : model.records.rapports) out.emplace(r.conseiller, r.mois.index());
  return out;
}

// True when a monthly report is missing for a month from the contract start to the month
// before the reference date. No report is owed after the contract ended (fin or rupture).
bool missing_report(const Conseiller& c, Date as_of,
                    const std::set<std::pair<std::string, int>>& reported) {
  Month last = Month::of(as_of).previous();
  if (c.contrat.fin && Month::of(*c.contrat.fin) < last) last = Month::of(*c.contrat.fin);
  if (c.rupture && Month::of(c.rupture->date) < last) last = Month::of(c.rupture->date);
  for (Month m = Month::of(c.contrat.debut); m <= last; m = m.next())
    if (!reported.contains({c.id, m.index()})) return true;
  return false;
}

}  // namespace

void apply_statuses(Model& model) {
  auto paid = payments(model);
  auto reported = reported_months(model);
  for (auto& state : model.conventions) {
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
  }
}

}  // namespace tampon::model
