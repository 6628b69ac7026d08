// Stage 2: cross-record checks and domain rules, then derivation (generator/model/).
// Only validation's own findings are appended to `diagnostics`: the loader's stay where the
// caller put them, and serve here to avoid reporting a finding twice, to skip domain rules on
// records with format errors, and to mark those records invalid.
#include <algorithm>
#include <exception>
#include <iterator>
#include <tuple>
#include <vector>

#include "core/parallel.hpp"
#include "load/merge.hpp"
#include "model/derive.hpp"
#include "rules/checks.hpp"
#include "rules/validate.hpp"

namespace tampon {

Model validate(LoadResult&& loaded, Date as_of, Diagnostics& diagnostics, unsigned jobs) {
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
  // The rules on the records as written only read the model. On several threads each runs
  // into its own checker and their findings are taken back in this order: the result is the
  // one the run in sequence gives (the same finding twice is reported once, by the first).
  using Rule = void (*)(rules::Checker&);
  static constexpr Rule k_on_records[] = {
      rules::check_duplicates,  rules::check_reserved_ids,      rules::check_references,
      rules::check_eligibility, rules::check_amounts,           rules::check_contracts,
      rules::check_conventions, rules::check_substitution_pairs};
  constexpr std::size_t k_rules = std::size(k_on_records);
  if (jobs <= 1) {
    for (Rule rule : k_on_records) rule(check);
  } else {
    std::vector<Diagnostics> outs(k_rules);
    std::vector<rules::Checker> checkers;
    checkers.reserve(k_rules);
    for (std::size_t i = 0; i < k_rules; ++i) checkers.emplace_back(check, outs[i]);
    std::vector<std::exception_ptr> failures(k_rules);
    for_each_index(k_rules, jobs, [&](std::size_t i) {
      try {
        k_on_records[i](checkers[i]);
      } catch (...) {  // a rule's bug (a code missing from the table): thrown on this thread
        failures[i] = std::current_exception();
      }
    });
    for (std::size_t i = 0; i < k_rules; ++i) {
      if (failures[i]) std::rethrow_exception(failures[i]);
      check.absorb(checkers[i]);
    }
  }

  model::derive_conventions(model, jobs);
  model.index();
  rules::check_assignments(check);
  rules::check_versements(check);
  model::apply_statuses(model, jobs);

  rules::mark_invalid(model, load_diagnostics, check.faulty());
  sort_diagnostics(found);
  for (auto& d : found) diagnostics.push_back(std::move(d));
  return model;
}

}  // namespace tampon
