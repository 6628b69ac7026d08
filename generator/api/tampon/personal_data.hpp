#pragma once
/// Personal data typed into free text (a report's `faits_marquants`): e-mail addresses, phone
/// numbers and birth dates. No personal data may reach a bulletin (domain.md §7), so the
/// loader warns where one is written (`personal-data-in-text`) and the bulletin masks it.
/// Hand-written scanners, not regular expressions: one pass per text, nothing compiled per
/// call, and a text without '@', digits or "né"/"naissance" costs one look at each byte.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tampon {

enum class PersonalData { Email, Phone, BirthDate };

struct PersonalDataMatch {
  std::size_t offset = 0;  ///< bytes into the text
  std::size_t length = 0;
  PersonalData kind = PersonalData::Email;
};

/// Matches in text order, never overlapping.
std::vector<PersonalDataMatch> find_personal_data(std::string_view text);

/// "une adresse électronique", "un numéro de téléphone", "une date de naissance".
std::string_view personal_data_fr(PersonalData kind);

/// The text with each match replaced by "[courriel masqué]", "[téléphone masqué]" or
/// "[date de naissance masquée]"; a `mailto:` just before an address goes with it, so no
/// link to it is left either.
std::string redact_personal_data(std::string_view text);

}  // namespace tampon
