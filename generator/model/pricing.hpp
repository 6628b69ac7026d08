#pragma once
/// The amount of one post (domain.md §3): grid row, DROM increase, CUI-CIE/PEC deduction,
/// derogation. A pure function shared by the amount rules (which report) and the derivation
/// (which records how each figure was obtained).
#include <optional>
#include <string>
#include <vector>

#include "tampon/baremes.hpp"
#include "tampon/model.hpp"
#include "tampon/records.hpp"

namespace tampon::model {

struct PriceRequest {
  const Regime* regime = nullptr;
  Family family{};
  std::string_view departement;
  bool contrat_de_projet_autorise = false;
  ContractType contract{};
  Money aides_emploi;                     ///< deducted (domain.md §3.4); 0 for a vacant post
  std::optional<Money> montant;           ///< the post's explicit amount, if any
  std::optional<std::string> derogation;  ///< reason for an ad-hoc amount
};

struct Pricing {
  const GridRow* row = nullptr;                ///< nullptr: no grid row (contract-not-allowed)
  bool projet_not_authorised = false;          ///< private contrat de projet without authorisation
  const OverseasIncrease* increase = nullptr;  ///< DROM increase applied to the row
  bool overseas_unknown = false;               ///< DROM post on a row whose increase is not known
  Money ceiling;           ///< grid amount after the DROM increase (§3.4 maximum)
  Money computed;          ///< ceiling minus aides_emploi, never below 0
  Money amount;            ///< what the post is financed: montant when derogated
  bool derogated = false;  ///< the derogated montant replaced the computed one
  std::vector<Derivation> how;

  bool priced() const { return row != nullptr; }
};

/// Prices one post. Never fails: a missing row yields `row == nullptr` and amount 0.
Pricing price_post(const Baremes& baremes, const PriceRequest& request);

}  // namespace tampon::model
