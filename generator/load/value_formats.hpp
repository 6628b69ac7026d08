#pragma once
/// The value formats of records.md ("Common value formats") that are not dates or money:
/// ids, départements, SIRET. Pure functions, tested on their boundaries.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tampon::load {

/// `^[a-z0-9][a-z0-9-]{0,63}$`
bool is_valid_id(std::string_view text);
/// A valid id close to `text` ("Mairie de Bazuel" → "mairie-de-bazuel"), or empty.
std::string suggest_id(std::string_view text);

/// `01`…`95` (no `20`), `2A`, `2B`, `971`…`976`, `975`, `977`, `978`, `986`, `987`, `988`.
bool is_valid_departement(std::string_view text);

enum class SiretCheck { Valid, NotFourteenDigits, BadChecksum };
/// 14 digits with a valid Luhn key; La Poste's SIRETs (`356000000…`) use the
/// sum-of-digits-multiple-of-5 rule instead (records.md).
SiretCheck check_siret(std::string_view text);

}  // namespace tampon::load
