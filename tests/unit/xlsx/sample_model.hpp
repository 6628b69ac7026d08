#pragma once
// A small model built by hand (the loader and the rules are tested elsewhere): two structures,
// three conseillers, two conventions covering every tranche status, a rupture, a vacant
// provisional post, payments and expense declarations.
#include <memory>

#include "tampon/model.hpp"

namespace tampon::testing {

/// as_of 2022-06-15. Structure `hyperlink` is named `=HYPERLINK("http://x.invalid","x")`.
std::unique_ptr<Model> sample_model();

/// Builds a tranche (for tests that need their own schedules).
TrancheLine tranche(int number, int pct, Date due, Money amount, TrancheStatus status);
Date d(const char* iso);

}  // namespace tampon::testing
