#pragma once
/// The French wording shared by the HTML and PDF bulletins, so both say the same thing.
#include <string>

#include "bulletin_data.hpp"

namespace tampon::bulletin {

inline constexpr std::string_view k_mention =
    "Opération soutenue par l'État dans le cadre du dispositif Conseiller numérique";
inline constexpr std::string_view k_site = "www.conseiller-numerique.gouv.fr";
inline constexpr std::string_view k_site_url = "https://www.conseiller-numerique.gouv.fr";

/// "2e trimestre 2022 (avril à juin 2022)".
std::string quarter_title(Quarter q);
/// The bulletin's key facts, as label and value: conseillers in post (with the names that may
/// be published), those who reported, reports received against those owed, reference date.
struct KeyFact {
  std::string label, value;
};
std::vector<KeyFact> key_facts(const BulletinData& data);
/// Short form of a change, after a total: "+12 (+8 %) par rapport au 1er trimestre 2022".
std::string change_caption(const BulletinData& data, long long Totals::*field);
/// The change of a total from the previous quarter: "+12 (+8 %)", "−5 (−3 %)", "stable", or
/// "—" when the previous quarter had no report.
std::string change_text(const BulletinData& data, long long Totals::*field);
/// "février 2022 : 1 conseiller sans rapport (Camille Durand)".
std::string missing_text(const MissingMonth& missing);
/// The warning printed above the list of months lacking a report.
inline constexpr std::string_view k_missing_warning =
    "Des rapports mensuels manquent. Tant qu'ils ne sont pas transmis, le versement de la "
    "prochaine tranche de la subvention risque d'être suspendu.";
inline constexpr std::string_view k_all_received =
    "Tous les rapports mensuels attendus pour ce trimestre ont été reçus.";
/// Byline of a highlight: "avril 2022, Camille Durand" or "avril 2022".
std::string highlight_byline(const Highlight& h);

}  // namespace tampon::bulletin
