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
/// "3 conseillers ont rendu compte de leur activité ce trimestre." (+ published names)
std::string team_sentence(const BulletinData& data);
/// The change of a total from the previous quarter: "+12 (+8 %)", "−5 (−3 %)", "stable", or
/// "—" when the previous quarter had no report.
std::string change_text(const BulletinData& data, long long Totals::*field);
/// "février 2022 : 1 conseiller sans rapport (Camille Durand)".
std::string missing_text(const MissingMonth& missing);
/// Byline of a highlight: "avril 2022, Camille Durand" or "avril 2022".
std::string highlight_byline(const Highlight& h);

}  // namespace tampon::bulletin
