#include "tampon/baremes.hpp"

#include <algorithm>

namespace tampon {

const GridRow* Regime::row_for(Family family, ContractType contract) const {
  for (const auto& row : grid) {
    bool family_ok = std::ranges::find(row.families, family) != row.families.end();
    bool contract_ok = std::ranges::find(row.contracts, contract) != row.contracts.end();
    if (family_ok && contract_ok) return &row;
  }
  return nullptr;
}

const Regime* Baremes::regime(std::string_view id) const {
  for (const auto& r : regimes)
    if (r.id == id) return &r;
  return nullptr;
}

const OverseasIncrease* Baremes::overseas_for(std::string_view departement) const {
  for (const auto& o : overseas)
    if (std::ranges::find(o.departements, departement) != o.departements.end()) return &o;
  return nullptr;
}

namespace {
const SmicRate* rate_on(const std::vector<SmicRate>& rates, Date day) {
  const SmicRate* found = nullptr;
  for (const auto& rate : rates)
    if (rate.effective <= day) found = &rate;
  return found;
}
}  // namespace

const SmicRate* SmicTerritory::in_force(Date day) const { return rate_on(rates, day); }

const SmicTerritory* SmicTable::territory_of(std::string_view departement) const {
  for (const auto& t : territories)
    if (std::ranges::find(t.departements, departement) != t.departements.end()) return &t;
  return nullptr;
}

const SmicRate* SmicTable::in_force(Date day) const {
  const SmicRate* found = nullptr;
  for (const auto& rate : rates)
    if (rate.effective <= day) found = &rate;
  return found;
}

}  // namespace tampon
