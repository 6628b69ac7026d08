#include "render/xlsx/tranche_rows.hpp"

#include <cstdio>

namespace tampon::xlsx {

void append_tranche_rows(const ConventionState& convention, std::vector<TrancheRow>& rows) {
  if (convention.versions.empty()) return;
  for (const PostState& post : convention.current().posts)
    for (const TrancheLine& tranche : post.tranches) rows.push_back({&convention, &post, &tranche});
}

Money paid_amount(const TrancheLine& t) {
  if (t.status != TrancheStatus::Versee) return Money{};
  return t.paid_amount.value_or(t.amount);
}

std::string date_fr(Date day) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", day.day(), day.month(), day.year());
  return buffer;
}

}  // namespace tampon::xlsx
