#pragma once
/// The programme's rules as data (data/baremes.yaml, data/smic.yaml): amount grid, overseas
/// increases, tranche schedules, eligibility, SMIC. Changing a figure there changes every
/// output without recompiling (records.md). Every figure keeps its source citation.
#include <optional>
#include <string>
#include <vector>

#include "tampon/date.hpp"
#include "tampon/enums.hpp"
#include "tampon/money.hpp"
#include "tampon/source_loc.hpp"

namespace tampon {

/// How the DROM increase applies to a grid row (domain.md §3.3).
enum class OverseasPolicy {
  None,       ///< no increase
  Increased,  ///< the `majorations_outre_mer` table applies (the 50 000 € rows)
  Unknown,    ///< the sources mention an increase without its amount: explicit montant needed
};

struct GridRow {
  std::string id;     ///< e.g. `public-50000`, shown by `explain`
  std::string label;  ///< French, e.g. "Collectivité, contrat de droit public"
  std::vector<Family> families;
  std::vector<ContractType> contracts;
  Money amount;
  int months = 24;  ///< financed period
  OverseasPolicy overseas = OverseasPolicy::None;
  std::string source;  ///< e.g. "[002 II.b]"
  SourceLoc loc;
};

struct OverseasIncrease {
  std::vector<std::string> departements;  ///< "974", "976"
  std::string territory;                  ///< "La Réunion, Mayotte"
  Money amount;
  std::string source;
};

struct TrancheRule {
  int pct = 0;
  int offset_months = 0;  ///< months after the anchor date
};

enum class Anchor {
  Signature,        ///< convention signature date (or the avenant's date for added posts)
  FormationDepart,  ///< the post's conseiller's training departure date
};

struct Regime {
  std::string id;                ///< `relance-2020` | `relance-2021` | `coordinateur-2023`
  std::string label;             ///< French title
  Role role = Role::Conseiller;  ///< the kind of post this regime finances
  std::vector<Family> eligible;
  std::string eligibility_source;
  std::vector<GridRow> grid;
  Anchor anchor = Anchor::Signature;
  std::vector<TrancheRule> tranches;  ///< percentages add up to 100
  std::string schedule_source;
  SourceLoc loc;

  /// The row for a family × contract, or nullptr (`contract-not-allowed`).
  const GridRow* row_for(Family family, ContractType contract) const;
};

/// Delays and limits of domain.md §5 (data/baremes.yaml `limites`), each cited. The defaults
/// are the sources' figures, so a baremes.yaml without the block still validates.
struct Limits {
  int cdd_max_months = 18;           ///< private-law CDD, and CDD-only grid rows [002 note 1]
  int selection_max_days = 15;       ///< presentation → selection [000 II.4], [001]
  int contract_max_days = 15;        ///< selection → contract signature [000 II.4], [001]
  int training_start_max_days = 15;  ///< contract start → training departure [004 étape 5]
  std::vector<int> training_hours{105, 280, 350, 420};  ///< allowed lengths [004]
  double full_time_hours = 35;  ///< SMIC prorating base, coordinators' hours [002 III.a]
  int coordinator_recruitment_max_months = 6;  ///< notification → recruitment [002 III.a]
  std::string source;
};

/// Who signs the conventions for the State (data/baremes.yaml `financeur`): the Caisse des
/// dépôts et consignations, acting under its Banque des Territoires brand. Project data, so
/// the signatory changes without touching a template (issue 21).
struct Financeur {
  std::string denomination;        ///< "Caisse des dépôts et consignations"
  std::string statut;              ///< legal identity: what the CDC is, by which law
  std::string siege;               ///< registered office
  std::string marque;              ///< "Banque des Territoires"
  std::string signataire_nom;      ///< empty: the quality alone is printed
  std::string signataire_qualite;  ///< "Directeur régional …"
  std::string source;
};

struct Baremes {
  std::string file;
  Financeur financeur;  ///< where it was read from, for diagnostics
  int convention_max_months = 36;
  std::string convention_max_source;
  Limits limits;  ///< domain.md §5 delays (additive: rules engineer)
  std::vector<OverseasIncrease> overseas;
  std::vector<Regime> regimes;
  const Regime* regime(std::string_view id) const;
  /// The DROM increase for a département, or nullptr (mainland and non-DROM overseas).
  const OverseasIncrease* overseas_for(std::string_view departement) const;
};

struct SmicRate {
  Date effective;     ///< date of effect
  Money monthly_35h;  ///< gross monthly for 35 h a week
  std::string source;
};

/// A territory whose minimum wage differs from the national SMIC (Mayotte). Its rates may be
/// unknown for a date (or at all): the rule then falls back to the national rate and warns.
struct SmicTerritory {
  std::string name;                       ///< "Mayotte", for messages
  std::vector<std::string> departements;  ///< "976"
  std::vector<SmicRate> rates;            ///< sorted by date of effect; may be empty
  const SmicRate* in_force(Date day) const;
};

struct SmicTable {
  std::string file;
  std::vector<SmicRate> rates;  ///< national, sorted by date of effect
  std::vector<SmicTerritory> territories;
  /// The national rate in force on `day`, or nullptr before the first known rate.
  const SmicRate* in_force(Date day) const;
  /// The territory a département belongs to, or nullptr where the national SMIC applies.
  const SmicTerritory* territory_of(std::string_view departement) const;
};

}  // namespace tampon
