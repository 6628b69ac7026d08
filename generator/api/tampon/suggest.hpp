#pragma once
/// "Vouliez-vous dire … ?" hints for unknown fields, values, commands and emitter names.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tampon {

/// Levenshtein distance (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The closest candidate when it is close enough to be a plausible typo, else nullopt.
std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates);
/// " ; vouliez-vous dire « x » ?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace tampon
