#pragma once
// A small Model built by hand (no loader, no rules): one structure, one conseiller, one
// relance-2021 convention with an occupied post and a vacant post at a derogatory amount, and
// an avenant adding a post. Amounts and tranches follow domain.md §3–§4.
#include <memory>

#include "tampon/model.hpp"

namespace tampon::testing {

struct ModelFixture {
  Model model;
  ModelFixture();
  const ConventionState& state() const { return model.conventions.front(); }
  const Avenant& avenant() const { return model.records.avenants.front(); }
};

/// Tranches of a post: floor of each percentage, the last one the remainder (domain.md §4).
std::vector<TrancheLine> tranches_of(const Regime& regime, Money amount, Date anchor,
                                     bool provisional);

}  // namespace tampon::testing
