#pragma once
/// Plain French formatting for diagnostics and `explain` (no ICU: tampon_model links only the
/// standard library, fmt and libyaml). Documents use render/fr_format instead.
#include <string>

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

}  // namespace tampon::text
