#pragma once
/// The validated, derived model every emitter reads: records, rules as data, and what the
/// rules derive from them (amounts, tranche schedules, statuses on the reference date), each
/// derived figure with its derivation so `tampon explain` can print it. Immutable once built;
/// shared read-only by every render job (no locking needed).
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "tampon/baremes.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/records.hpp"

namespace tampon {

/// How one figure was obtained: the rule, the grid row, the source, a French sentence.
struct Derivation {
  std::string rule;  ///< e.g. `grid-amount`, `overseas-increase`, `aides-emploi`, `tranche-floor`
  std::string grid_row;  ///< GridRow::id when a row was used
  std::string source;    ///< citation, e.g. "[002 II.b]"
  std::string text;      ///< French, e.g. "Ligne « prive-cdi » : 40 000,00 € sur 24 mois"
};

struct TrancheLine {
  int number = 0;  ///< 1..n across the post's whole schedule (versement.tranche)
  int pct = 0;
  std::string regime;        ///< regime whose schedule this tranche belongs to
  Date anchor;               ///< date the offset counts from
  std::string anchor_label;  ///< French: "signature de la convention", "départ en formation"…
  int offset_months = 0;
  Date due;
  Money amount;
  bool provisional = false;    ///< relance-2021 without training date yet (domain.md §4)
  bool after_rupture = false;  ///< due after the conseiller's contract was broken off (§6)
  std::vector<Derivation> how;
  // Payment and status on the reference date (domain.md §4.1).
  std::optional<Date> paid_date;
  std::optional<Money> paid_amount;
  TrancheStatus status = TrancheStatus::AVenir;
};

struct PostState {
  int numero = 0;
  Role role = Role::Conseiller;
  std::optional<std::string> conseiller;  ///< conseiller id; none for a vacant post
  ContractType contrat{};
  Money amount;                        ///< total financed for this post
  std::vector<Derivation> amount_how;  ///< grid row, overseas, deduction, derogation …
  std::optional<std::string> derogation;
  bool overseas_increase = false;
  std::string added_by;            ///< avenant id, empty when in the original convention
  std::optional<Date> removed_on;  ///< set by a retrait-postes avenant
  bool provisional = false;        ///< schedule anchored provisionally (domain.md §4)
  /// Coordinator post replacing a post (`substitue`): the day its financing starts, the end
  /// of the replaced post's initial financing period [002 III.b].
  std::optional<Date> financing_start;
  /// Post turned into a coordinator post by a substitution avenant: the day the coordinator
  /// convention's financing takes over, and that convention when one names this post.
  std::optional<Date> coordinator_from;
  std::string coordinator_convention;
  std::vector<TrancheLine> tranches;
};

/// The convention as it stood after its signature (versions[0]) and after each avenant.
struct ConventionVersion {
  std::string avenant;  ///< avenant id; empty for the signed convention
  Date fin;
  std::vector<PostState> posts;  ///< sorted by numero
  Money total;                   ///< sum of post amounts (removed posts count what was due)
};

struct ConventionState {
  const Convention* record = nullptr;
  const Structure* structure = nullptr;
  const Regime* regime = nullptr;
  /// The structure's own territory, "Mayotte (976)", "Nord (59)": what the convention names
  /// (and the overseas increase, domain.md §3.3), never a group of territories.
  std::string territory;
  std::vector<const Avenant*> avenants;  ///< sorted by numero
  std::vector<ConventionVersion> versions;
  const ConventionVersion& current() const { return versions.back(); }
  /// The version just before / after an avenant of this convention.
  const ConventionVersion* before(const Avenant& avenant) const;
  const ConventionVersion* after(const Avenant& avenant) const;
};

/// Names one record for provenance (manifest.json) and error tracking. Records without an id
/// use a natural key: versement `cv-1/poste-1/tranche-2`, rapport `cn-0001/2022-03`,
/// depense `structure/convention/2022-T1`.
struct RecordRef {
  RecordKind kind{};
  std::string id;
  friend auto operator<=>(const RecordRef&, const RecordRef&) = default;
};

class Model {
 public:
  RecordSet records;
  Baremes baremes;
  SmicTable smic;
  Date as_of;                                ///< reference date of statuses (--as-of)
  std::vector<ConventionState> conventions;  ///< sorted by convention id; only derivable ones

  const Structure* structure(std::string_view id) const;
  const Conseiller* conseiller(std::string_view id) const;
  const Convention* convention(std::string_view id) const;
  const Avenant* avenant(std::string_view id) const;
  const ConventionState* convention_state(std::string_view id) const;
  /// Monthly reports of a structure, sorted by (conseiller, mois).
  std::span<const Rapport> rapports_of_structure(std::string_view structure_id) const;
  std::vector<const Conseiller*> conseillers_of_structure(std::string_view structure_id) const;
  std::vector<const Convention*> conventions_of_structure(std::string_view structure_id) const;
  std::vector<const Depense*> depenses_of_structure(std::string_view structure_id) const;

  /// Resolves a compact position into a printable one.
  Location where(SourceLoc loc) const;

  /// Records that carry an error (or depend on one that does): `--keep-going` skips every
  /// output that reads one of them.
  std::set<RecordRef> invalid;
  bool is_valid(const RecordRef& ref) const { return !invalid.contains(ref); }

  /// Rebuilds the lookup indexes; call after filling `records` (the loader and tests do).
  void index();

 private:
  std::map<std::string, std::size_t, std::less<>> m_structures, m_conseillers, m_conventions,
      m_avenants, m_states;
  std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>> m_rapports_by_structure;
  /// Positions in records.conseillers, .conventions, .depenses, by structure id, in record
  /// order: a bulletin or a justification per structure no longer scans every record.
  std::map<std::string, std::vector<std::size_t>, std::less<>> m_conseillers_by_structure,
      m_conventions_by_structure, m_depenses_by_structure;
};

}  // namespace tampon
