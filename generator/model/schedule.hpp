#pragma once
/// Tranche schedules (domain.md §4): percentages and offsets from the regime, amounts floored
/// to the cent with the remainder on the last tranche.
#include <string>
#include <vector>

#include "tampon/baremes.hpp"
#include "tampon/model.hpp"

namespace tampon::model {

/// Where a post's schedule counts its offsets from.
struct Anchoring {
  Date date;
  std::string label;         ///< French: "signature de la convention", …
  bool provisional = false;  ///< relance-2021 post without training date yet
};

/// The tranches of `amount` under `regime`'s schedule, numbered from `first_number`.
std::vector<TrancheLine> schedule(const Regime& regime, Money amount, const Anchoring& anchor,
                                  int first_number);

}  // namespace tampon::model
