#pragma once
/// French formatting for documents, through ICU (fr-FR): amounts, amounts in words, dates.
/// Thread-safe: every function may be called from render jobs concurrently.
#include <string>

#include "tampon/date.hpp"
#include "tampon/money.hpp"

namespace tampon::fr {

std::string money(Money amount);  ///< "50 000,00 €" (U+202F between thousands, U+00A0 before €)
std::string money_words(
    Money amount);  ///< "cinquante mille euros", "… euros et quarante-quatre centimes"
std::string number(long long value);  ///< "1 234"
std::string percent(int pct);         ///< "20 %"
std::string date_long(Date day);      ///< "12 avril 2021", "1er mai 2021"
std::string date_short(Date day);     ///< "12/04/2021"
std::string month_long(Month month);  ///< "avril 2022"
std::string quarter_long(Quarter q);  ///< "1er trimestre 2022", "2e trimestre 2022"

}  // namespace tampon::fr
