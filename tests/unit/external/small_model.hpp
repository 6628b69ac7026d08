#pragma once
// A small model built by hand (the loader and the rules are tested elsewhere): two
// structures, each with one convention; conseillers with and without consent to publish
// their name; contacts, e-mails and salaries that must never reach an external program.
#include <memory>

#include "tampon/model.hpp"

namespace tampon::testing {

/// as_of 2022-06-15.
///  - mairie-de-bazuel (59), convention cv-2021-0001: post 1 (cn-0001, name not public)
///    20 % paid 10 000,00 €, 30 % paid 15 000,00 €, 50 % 25 000,00 € exigible; post 2 vacant,
///    three provisional tranches of 8 000,00 €, 12 000,00 €, 20 000,00 €.
///  - centre-social-les-dunes (62), convention cv-2021-0002: post 1 (cn-0002, name public:
///    "Lou Bernard") 20 % 7 000,00 € paid, 30 % 10 500,00 € à venir.
std::unique_ptr<Model> small_model();

/// Secrets planted in the model: none may appear in what a program receives.
inline constexpr const char* k_secrets[] = {"jeanne.martin@example.org",
                                            "03 27 00 00 00",
                                            "camille.durand@example.org",
                                            "Durand",
                                            "lou.bernard@example.org",
                                            "173317",
                                            "1733.17"};

}  // namespace tampon::testing
