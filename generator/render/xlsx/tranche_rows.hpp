#pragma once
/// The tranches of a convention as flat rows, in a fixed order (post number, then tranche
/// number), the way every statement lists them.
#include <array>
#include <string>
#include <vector>

#include "tampon/model.hpp"

namespace tampon::xlsx {

struct TrancheRow {
  const ConventionState* convention = nullptr;
  const PostState* post = nullptr;
  const TrancheLine* tranche = nullptr;
};

/// Every tranche of the convention's current version (after its avenants).
void append_tranche_rows(const ConventionState& convention, std::vector<TrancheRow>& rows);

/// The status codes in the column order of the statements (outputs.md).
inline constexpr std::array<TrancheStatus, 6> k_status_order{
    TrancheStatus::AVenir,    TrancheStatus::Exigible,         TrancheStatus::Versee,
    TrancheStatus::Suspendue, TrancheStatus::RisqueSuspension, TrancheStatus::Provisoire};

/// What was really paid for a tranche: its payment's amount when the status is `versee`, zero
/// otherwise (a suspended payment pays nothing).
Money paid_amount(const TrancheLine& tranche);

/// `12/04/2021`: the French short date, for text cells and notes.
std::string date_fr(Date day);

}  // namespace tampon::xlsx
