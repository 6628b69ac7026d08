// reserved-id (outputs.md): ids become file and folder names (conventions/<id>.pdf,
// bulletins/<structure-id>/…), so an id must be a safe name on every common file system and
// must not take a name an output already uses. The id format (lower case only, records.md)
// already makes ids that differ only by case impossible; what remains is listed here.
#include <algorithm>
#include <array>

#include "rules/checks.hpp"

namespace tampon::rules {

bool is_windows_reserved_name(std::string_view id) {
  static constexpr std::array<std::string_view, 4> k_plain = {"con", "prn", "aux", "nul"};
  if (std::ranges::find(k_plain, id) != k_plain.end()) return true;
  // COM0–COM9 and LPT0–LPT9: Windows refuses them as names, with or without an extension.
  return id.size() == 4 && (id.starts_with("com") || id.starts_with("lpt")) && id[3] >= '0' &&
         id[3] <= '9';
}

namespace {

template <class R>
void check_kind(Checker& check, const std::vector<R>& records, std::string_view what,
                std::span<const std::string_view> taken_by_outputs, std::string_view folder) {
  for (const auto& r : records) {
    if (is_windows_reserved_name(r.id)) {
      check.report("reserved-id", r.locs.at("id"),
                   std::string(what) + " « " + r.id +
                       " » : ce nom est réservé par Windows (con, prn, aux, nul, com0 à com9, "
                       "lpt0 à lpt9) et le fichier produit ne pourrait pas y être ouvert ; "
                       "choisissez un autre identifiant, par exemple « " +
                       r.id + "-1 »",
                   ref_of(r));
    } else if (std::ranges::find(taken_by_outputs, r.id) != taken_by_outputs.end()) {
      check.report("reserved-id", r.locs.at("id"),
                   std::string(what) + " « " + r.id + " » : ce nom est pris par un document de " +
                       std::string(folder) + " ; choisissez un autre identifiant",
                   ref_of(r));
    }
  }
}

}  // namespace

void check_reserved_ids(Checker& check) {
  const RecordSet& r = check.model().records;
  // echeanciers/<convention-id>.xlsx sits next to echeanciers/echeancier-global.xlsx.
  static constexpr std::string_view k_convention_outputs[] = {"echeancier-global"};
  check_kind(check, r.structures, "identifiant de structure", {}, "");
  check_kind(check, r.conseillers, "identifiant de conseiller", {}, "");
  check_kind(check, r.conventions, "identifiant de convention", k_convention_outputs,
             "echeanciers/ (echeanciers/echeancier-global.xlsx)");
  check_kind(check, r.avenants, "identifiant d'avenant", {}, "");
}

}  // namespace tampon::rules
