#include "model/pricing.hpp"

#include <algorithm>

#include "core/fr_text.hpp"
#include "tampon/territories.hpp"

namespace tampon::model {
namespace {

Derivation grid_step(const GridRow& row) {
  return {"grid-amount", row.id, row.source,
          "Ligne « " + row.id + " » (" + row.label + ") : " + text::money(row.amount) + " sur " +
              text::months(row.months)};
}

// Names the structure's own territory, never the group of territories of the increase.
Derivation overseas_step(const OverseasIncrease& inc, const GridRow& row,
                         std::string_view departement) {
  return {"overseas-increase", row.id, inc.source,
          "Majoration outre-mer (" + territory_label(departement) +
              ") : " + text::money(inc.amount) + " au lieu de " + text::money(row.amount)};
}

Derivation aides_step(Money aides, Money before, Money after) {
  return {"aides-emploi", "", "[004 §2]",
          "Aides CUI-CIE / PEC déjà perçues déduites : " + text::money(before) + " − " +
              text::money(aides) + " = " + text::money(after) +
              (before < aides ? " (jamais en dessous de 0)" : "")};
}

Derivation derogation_step(Money amount, const std::string& reason) {
  return {"derogation", "", "[000 II.4]",
          "Montant dérogatoire " + text::money(amount) + " (examen ad hoc : " + reason + ")"};
}

// The DROM increase applies only to rows that say so (domain.md §3.3); rows whose increase
// the sources do not quantify need an explicit amount for public-law contracts.
void apply_overseas(const Baremes& baremes, const PriceRequest& req, Pricing& p) {
  const OverseasIncrease* inc = baremes.overseas_for(req.departement);
  if (!inc) return;
  if (p.row->overseas == OverseasPolicy::Increased) {
    p.increase = inc;
    p.ceiling = inc->amount;
    p.how.push_back(overseas_step(*inc, *p.row, req.departement));
  } else if (p.row->overseas == OverseasPolicy::Unknown && is_public_law(req.contract)) {
    p.overseas_unknown = true;
  }
}

void apply_aides(const PriceRequest& req, Pricing& p) {
  p.computed = p.ceiling;
  if (req.aides_emploi.cents() <= 0) return;
  p.computed = std::max(Money{}, p.ceiling - req.aides_emploi);
  p.how.push_back(aides_step(req.aides_emploi, p.ceiling, p.computed));
}

}  // namespace

Pricing price_post(const Baremes& baremes, const PriceRequest& req) {
  Pricing p;
  if (!req.regime) return p;
  p.row = req.regime->row_for(req.family, req.contract);
  p.projet_not_authorised = req.family == Family::Prive && is_contrat_de_projet(req.contract) &&
                            !req.contrat_de_projet_autorise;
  if (!p.row) {
    p.how.push_back(
        {"contract-not-allowed", "", "", "Aucune ligne du barème pour ce contrat dans ce régime"});
    return p;
  }
  p.ceiling = p.row->amount;
  p.how.push_back(grid_step(*p.row));
  apply_overseas(baremes, req, p);
  apply_aides(req, p);
  p.amount = p.computed;
  if (req.montant && req.derogation && *req.montant != p.computed) {
    p.amount = *req.montant;
    p.derogated = true;
    p.how.push_back(derogation_step(*req.montant, *req.derogation));
  }
  return p;
}

}  // namespace tampon::model
