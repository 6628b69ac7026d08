#pragma once
/// The figures of one quarterly justification (domain.md §7, outputs.md): for one structure
/// and one quarter, per convention and post, the subsidy received by the quarter's end, the
/// quarter's and cumulated expenses, the supporting documents; and the tranches still to come.
/// Pure computation over the model, so it is tested without a spreadsheet.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "render/xlsx/tranche_rows.hpp"
#include "tampon/model.hpp"

namespace tampon::xlsx {

struct Expenses {
  Money salaires, charges, frais;
  Money total() const { return salaires + charges + frais; }
  Expenses& operator+=(const LigneDepense& line);
};

struct JustificationLine {
  std::string convention;
  std::optional<int> poste;  ///< none for an expense line whose conseiller holds no post
  std::string conseiller;    ///< empty for a vacant post
  std::string
      conseiller_nom;  ///< "Prénom Nom", empty when unknown (the form goes to the structure alone)
  Money received;      ///< tranches paid by the quarter's end
  Expenses quarter, cumulated;
  std::vector<std::string> justificatifs;  ///< the quarter's supporting documents
  Money balance() const { return received - cumulated.total(); }
  /// What the earlier quarters cumulate: the form's locked part of the cumul.
  Money previous_total() const { return cumulated.total() - quarter.total(); }
};

struct JustificationData {
  const Structure* structure = nullptr;
  Quarter quarter;
  Date as_of;
  std::vector<const ConventionState*> conventions;  ///< running in the quarter, by id
  std::vector<std::string> undeclared;  ///< conventions with no declaration for the quarter
  std::vector<JustificationLine> lines;
  std::vector<TrancheRow> upcoming;  ///< tranches not paid by the quarter's end
  /// Each upcoming tranche's status in words with what to do, as `upcoming`.
  std::vector<std::string> upcoming_status;
  /// The statuses that ask something of the structure (suspended, at risk, due, provisional),
  /// one sentence each: "Poste 1 (Léa Martin), tranche 2 : risque de suspension …".
  std::vector<std::string> situations;
};

/// The structure's expense declarations. `records.depenses` is sorted by structure, convention
/// then quarter (RecordSet), so they are one run found by binary search: a scan of every
/// declaration for each of the ~40 000 justifications of a national build was quadratic.
std::span<const Depense> depenses_of(const Model& model, std::string_view structure);

/// A tranche's status on the reference date in words, with what the structure should do.
std::string status_words(const Model& model, const TrancheRow& row, Date as_of);

/// Months in French, runs of three or more as a span: "de décembre 2021 à avril 2023, juin et
/// août 2023".
std::string months_fr(const std::vector<Month>& months);

/// Quarters a convention runs in (debut .. fin after avenants), capped at `last`.
std::vector<Quarter> running_quarters(const ConventionState& convention, Quarter last);
bool runs_in(const ConventionState& convention, Quarter quarter);

JustificationData justification_data(const Model& model, const Structure& structure,
                                     std::vector<const ConventionState*> conventions,
                                     Quarter quarter);

}  // namespace tampon::xlsx
