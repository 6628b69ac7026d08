#pragma once
/// Plain French formatting for diagnostics and `explain` (no ICU: tampon_model links only the
/// standard library, fmt and libyaml). Documents use render/fr_format instead.
#include <string>
#include <string_view>

#include "tampon/date.hpp"
#include "tampon/money.hpp"

namespace tampon::text {

/// "1 645,58 €": ASCII space between thousands and before the euro sign, comma for cents.
std::string money(Money amount);
/// "17,5" or "35": weekly hours without a useless decimal part.
std::string hours(double value);
/// "1 mois", "3 mois", "15 jours", "1 jour": French plural (0 and 1 take the singular).
std::string days(long count);
std::string months(long count);

/// The public documents a source reference names (`[000 II.4]`, seeds/README.md), in words:
/// "[002 II.b] ; [000 II.1]" → "appel à candidatures « Conseillers numériques
/// coordinateurs » 2023, § II.b ; AMI France Relance 2020, § II.1". Text outside brackets and
/// unknown references are kept as written.
std::string source_in_words(std::string_view source);

}  // namespace tampon::text
