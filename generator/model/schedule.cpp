#include "model/schedule.hpp"

#include "core/fr_text.hpp"

namespace tampon::model {
namespace {

Derivation due_step(const Regime& regime, const Anchoring& anchor, int offset, Date due) {
  std::string text = anchor.label + " le " + anchor.date.iso() + " + " + text::months(offset) +
                     " = échéance le " + due.iso();
  if (anchor.provisional) text += " (échéancier provisoire)";
  return {"tranche-due", "", regime.schedule_source, text};
}

Derivation floor_step(Money total, int pct, Money amount) {
  return {"tranche-floor", "", "domain.md §4",
          std::to_string(pct) + " % de " + text::money(total) + " = " + text::money(amount) +
              " (arrondi au centime inférieur)"};
}

Derivation remainder_step(Money total, Money before, Money amount) {
  return {"tranche-remainder", "", "domain.md §4",
          "Dernière tranche : " + text::money(total) + " − " + text::money(before) +
              " déjà échelonnés = " + text::money(amount) + " (reste)"};
}

}  // namespace

std::vector<TrancheLine> schedule(const Regime& regime, Money amount, const Anchoring& anchor,
                                  int first_number) {
  std::vector<TrancheLine> lines;
  Money scheduled;
  for (std::size_t i = 0; i < regime.tranches.size(); ++i) {
    const TrancheRule& rule = regime.tranches[i];
    TrancheLine t;
    t.number = first_number + static_cast<int>(i);
    t.pct = rule.pct;
    t.regime = regime.id;
    t.anchor = anchor.date;
    t.anchor_label = anchor.label;
    t.offset_months = rule.offset_months;
    t.due = anchor.date.plus_months(rule.offset_months);
    t.provisional = anchor.provisional;
    t.how.push_back(due_step(regime, anchor, rule.offset_months, t.due));
    bool last = i + 1 == regime.tranches.size();
    // The last tranche takes the remainder so the tranches add up exactly (domain.md §4).
    t.amount = last ? amount - scheduled : amount.percent_floor(rule.pct);
    t.how.push_back(last ? remainder_step(amount, scheduled, t.amount)
                         : floor_step(amount, rule.pct, t.amount));
    scheduled += t.amount;
    lines.push_back(std::move(t));
  }
  return lines;
}

}  // namespace tampon::model
