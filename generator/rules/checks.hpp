#pragma once
/// The rule families, one source file per records.md / domain.md section.
#include "rules/checker.hpp"

namespace tampon::rules {

void check_duplicates(Checker& check);  ///< duplicates.cpp: duplicate-id (records.md)
void check_references(Checker& check);
/// reserved_ids.cpp: reserved-id, ids that cannot be file names everywhere (outputs.md).
void check_reserved_ids(Checker& check);
bool is_windows_reserved_name(
    std::string_view id);                ///< references.cpp: dangling-reference, regimes
void check_eligibility(Checker& check);  ///< eligibility.cpp: domain.md §2
void check_amounts(Checker& check);      ///< amounts.cpp: domain.md §3
void check_contracts(Checker& check);    ///< contracts.cpp: domain.md §5, the contract
/// recruitment.cpp: domain.md §5, recruitment and training delays of one conseiller.
void check_recruitment(Checker& check, const Conseiller& c);
void check_conventions(Checker& check);  ///< conventions.cpp: domain.md §6 (records alone)
/// substitutions.cpp: substitution avenants and `substitue` posts go in pairs (§6).
void check_substitution_pairs(Checker& check);
/// After derivation, on Model::conventions: double-assignment, posts-exceeded (§6).
void check_assignments(Checker& check);
/// After derivation: each versement names a tranche of the schedule (tranches.cpp, §4).
void check_versements(Checker& check);

/// Fills Model::invalid: records with an error (validation's, or the loader's mapped by
/// position) and, transitively, the records that depend on them.
void mark_invalid(Model& model, const Diagnostics& load_diagnostics,
                  const std::set<RecordRef>& faulty);

}  // namespace tampon::rules
