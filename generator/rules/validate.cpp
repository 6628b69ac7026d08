// Stage 2: cross-record checks and domain rules, then derivation (generator/model/).
// Only validation's own findings are appended to `diagnostics`: the loader's stay where the
// caller put them, and serve here to avoid reporting a finding twice, to skip domain rules on
// records with format errors, and to mark those records invalid.
#include <algorithm>
#include <tuple>

#include "load/merge.hpp"
#include "model/derive.hpp"
#include "rules/checks.hpp"
#include "rules/validate.hpp"

namespace tampon {

Model validate(LoadResult&& loaded, Date as_of, Diagnostics& diagnostics) {
  // The loader's findings reach us either still in `loaded` or already moved by the caller
  // into `diagnostics`: both count as earlier findings.
  Diagnostics load_diagnostics = std::move(loaded.diagnostics);
  load_diagnostics.insert(load_diagnostics.end(), diagnostics.begin(), diagnostics.end());
  Model model;
  model.records = std::move(loaded.records);
  model.baremes = std::move(loaded.baremes);
  model.smic = std::move(loaded.smic);
  model.as_of = as_of;
  // RecordSet promises sorted vectors; sorting again (a no-op on the loader's output) keeps
  // iteration deterministic for a RecordSet built by hand.
  load::sort_records(model.records);
  model.index();

  Diagnostics found;
  rules::Checker check(model, load_diagnostics, found);
  rules::check_duplicates(check);
  rules::check_reserved_ids(check);
  rules::check_references(check);
  rules::check_eligibility(check);
  rules::check_amounts(check);
  rules::check_contracts(check);
  rules::check_conventions(check);
  rules::check_substitution_pairs(check);

  model::derive_conventions(model);
  model.index();
  rules::check_assignments(check);
  rules::check_versements(check);
  model::apply_statuses(model);

  rules::mark_invalid(model, load_diagnostics, check.faulty());
  sort_diagnostics(found);
  for (auto& d : found) diagnostics.push_back(std::move(d));
  return model;
}

}  // namespace tampon
