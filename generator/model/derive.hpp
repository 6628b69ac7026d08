#pragma once
/// Derivation (stage 2, after the rules): fills Model::conventions with every version of
/// each convention (signed, then one per avenant in numero order), the posts' amounts and
/// tranche schedules, and the tranche statuses on the reference date.
#include <optional>
#include <string>

#include "model/pricing.hpp"
#include "model/schedule.hpp"
#include "tampon/model.hpp"

namespace tampon::model {

/// What a post is priced and anchored against: its convention, or an avenant standing for
/// the signature (domain.md §4: "the avenant's date standing for the signature date").
struct PostOrigin {
  const Convention* convention = nullptr;
  const Structure* structure = nullptr;
  const Regime* regime = nullptr;
  const Avenant* avenant = nullptr;  ///< set for posts added by an avenant
  Date base_date() const { return avenant ? avenant->date : convention->signature; }
  /// Start of the post's financed period: the convention's start, or the avenant's date.
  Date financing_start() const { return avenant ? avenant->date : convention->debut; }
};

/// The conseiller holding a post, when the reference resolves.
const Conseiller* holder(const Model& model, const Poste& poste);
/// The post's contract: its conseiller's, else the post's own `contrat` (vacant post).
std::optional<ContractType> contract_of(const Model& model, const Poste& poste);
PriceRequest price_request(const Model& model, const PostOrigin& origin, const Poste& poste,
                           ContractType contract);
/// Anchor of a post's schedule under its regime (domain.md §4).
Anchoring anchor_for(const Regime& regime, const PostOrigin& origin, const Conseiller* holder);
/// The post as signed (or as added by an avenant): amount, derivation, schedule.
PostState build_post(const Model& model, const PostOrigin& origin, const Poste& poste);
/// End of a post's initial financing period: its start (the convention's, or the adding
/// avenant's date) plus its grid row's months. Computed from the records alone, so a
/// coordinator convention can name it whatever the derivation order (domain.md §6).
std::optional<Date> initial_financing_end(const Model& model, const PosteRef& ref);
/// The regime financing coordinator posts (coordinateur-2023), or nullptr.
const Regime* coordinator_regime(const Baremes& baremes);

/// Applies one avenant to the version before it (domain.md §6).
ConventionVersion apply_avenant(const Model& model, const ConventionState& state,
                                const ConventionVersion& before, const Avenant& avenant);
void flag_after_rupture(const Model& model, PostState& post);

/// Model::conventions from the records, on `jobs` threads (the result does not depend on it).
void derive_conventions(Model& model, unsigned jobs = 1);
/// Sets paid_date, paid_amount and status of every tranche on model.as_of (§4.1).
void apply_statuses(Model& model, unsigned jobs = 1);

/// Why a tranche has its status on model.as_of, in French, from the facts apply_statuses
/// weighed: the payment record, the unknown training date, the due date against --as-of, and
/// for `risque-suspension` the months without a monthly report. Only for `explain`.
struct StatusReason {
  std::string text;
  std::vector<Month> missing_months;  ///< risque-suspension: each owed month without report
  std::string source;                 ///< "[000 III.3] ; [002 IV.e]" when a rule text decides
};
StatusReason status_reason(const Model& model, const ConventionState& state, const PostState& post,
                           const TrancheLine& t);

}  // namespace tampon::model
