// domain.md §2: a convention's structure must belong to one of its regime's families.
#include <algorithm>

#include "rules/checks.hpp"

namespace tampon::rules {
namespace {

std::string families_fr(const Regime& regime) {
  std::string out;
  for (Family f : regime.eligible) {
    if (!out.empty()) out += ", ";
    out += label_fr(f);
  }
  return out;
}

}  // namespace

void check_eligibility(Checker& check) {
  const Model& model = check.model();
  for (const auto& c : model.records.conventions) {
    const Structure* s = model.structure(c.structure);
    const Regime* regime = model.baremes.regime(c.regime);
    if (!s || !regime) continue;  // dangling-reference / unknown-value already reported
    if (check.flagged(c) || check.flagged(*s)) continue;
    if (std::ranges::find(regime->eligible, s->family()) != regime->eligible.end()) continue;
    // The choice to change is the regime; the structure's type is the fact it conflicts with.
    check.report(
        "ineligible-structure", c.locs.at("regime"),
        "la structure « " + s->id + " » (" + std::string(label_fr(s->type)) + ", " +
            std::string(label_fr(s->family())) + ") n'est pas éligible au régime « " + regime->id +
            " » " + regime->eligibility_source + ", réservé à : " + families_fr(*regime) +
            " ; choisissez un autre régime",
        ref_of(c),
        {check.note(s->locs.at("type"), "type de la structure « " + s->id + " » (" +
                                            std::string(label_fr(s->type)) + ") déclaré ici")});
  }
}

}  // namespace tampon::rules
