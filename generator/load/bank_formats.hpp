#pragma once
/// Bank account formats of a structure (records.md, optional `iban` and `bic`): pure
/// functions, tested on their boundaries.
#include <string>
#include <string_view>

namespace tampon::load {

/// The text without spaces, in capitals: "fr76 3000 …" → "FR763000…".
std::string compact_upper(std::string_view text);
/// ISO 13616: two letters, two check digits, 11 to 30 letters or digits, and the whole,
/// rearranged (first four characters moved to the end, letters as 10…35), ≡ 1 mod 97.
bool is_valid_iban(std::string_view compact);
/// ISO 9362: 4 letters (bank), 2 letters (country), 2 letters or digits (place), and
/// optionally 3 letters or digits (branch).
bool is_valid_bic(std::string_view compact);

}  // namespace tampon::load
