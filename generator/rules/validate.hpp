#pragma once
/// Stage 2, validate: cross-record checks and every domain rule (domain.md), then derivation
/// of amounts, tranche schedules and statuses on the reference date. Never throws for bad
/// input. Records that carry an error are listed in `Model::invalid` (with the records that
/// depend on them) so `--keep-going` can skip their outputs.
#include <span>
#include <string>
#include <string_view>

#include "load/load_project.hpp"
#include "tampon/model.hpp"

namespace tampon {

/// One entry of the rule table: every diagnostic code the tool can emit is listed here.
struct RuleInfo {
  std::string_view code;  ///< `salary-below-smic`
  Severity severity;
  std::string_view section;  ///< "domain.md §5" or "records.md"
  std::string_view summary;  ///< French one-liner, for documentation and `tampon explain`
};

std::span<const RuleInfo> rule_table();
const RuleInfo* find_rule(std::string_view code);
/// Whether findings of `code` involve a second record, and so carry a note at its field.
bool is_cross_record(std::string_view code);

/// Builds the model from loaded records; appends findings to `diagnostics`. `jobs` threads
/// share the rules and the derivation; the result does not depend on it.
Model validate(LoadResult&& loaded, Date as_of, Diagnostics& diagnostics, unsigned jobs = 1);

}  // namespace tampon
