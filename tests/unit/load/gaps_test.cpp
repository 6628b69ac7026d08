// Findings that keep outputs from failing later (issue 15): personal-data-in-text at its exact
// place, field-too-long at the spreadsheet limit, invalid-date before 1900.
#include <gtest/gtest.h>

#include <string>

#include "load/map_reader.hpp"
#include "load_support.hpp"

namespace tampon {
namespace {

using testing::dump;
using testing::TempProject;
using testing::with_code;

LoadResult load_file(std::string_view relative, const std::string& text) {
  TempProject p;
  p.write(relative, text);
  return p.load();
}

std::string where(const Diagnostic* d) {
  return std::to_string(d->where.line) + ":" + std::to_string(d->where.column);
}

const std::string k_rapport_head =
    "structure: s\nconseiller: c\nmois: 2022-03\nactivites: {}\nusagers_accompagnes: 0\n";

TEST(PersonalDataInText, PlainScalarGivesTheLineAndColumnOfEachMatch) {
  auto r =
      load_file("data/rapports/r.yaml",
                k_rapport_head + "faits_marquants: Écrire à jean@mairie.fr ou au 06 12 34 56 78\n");
  auto found = with_code(r, "personal-data-in-text");
  ASSERT_EQ(found.size(), 2u) << dump(r.diagnostics);
  // "faits_marquants: Écrire à " is 26 characters (É and à count once each).
  EXPECT_EQ(where(found[0]), "6:27");
  EXPECT_EQ(where(found[1]), "6:48");
  EXPECT_EQ(found[0]->severity, Severity::Warning);
  EXPECT_EQ(found[0]->message.rfind("une adresse électronique dans « faits_marquants »", 0), 0u)
      << found[0]->message;
  EXPECT_EQ(found[1]->message.rfind("un numéro de téléphone", 0), 0u);
  EXPECT_EQ(r.records.rapports.size(), 1u);  // a warning: the report is kept
}

TEST(PersonalDataInText, BlockScalarPointsInsideTheBlock) {
  auto r = load_file("data/rapports/r.yaml", k_rapport_head +
                                                 "faits_marquants: |\n"
                                                 "  Atelier très suivi.\n"
                                                 "  Une usagère née le 12/03/1985 a réussi.\n");
  auto found = with_code(r, "personal-data-in-text");
  ASSERT_EQ(found.size(), 1u) << dump(r.diagnostics);
  EXPECT_EQ(where(found[0]), "8:22");
  EXPECT_NE(found[0]->message.find("date de naissance"), std::string::npos);
}

TEST(PersonalDataInText, FoldedOverTwoLinesFallsBackToTheFieldPosition) {
  auto r = load_file("data/rapports/r.yaml", k_rapport_head +
                                                 "faits_marquants: >\n"
                                                 "  Appeler le 06 12 34\n"
                                                 "  56 78 demain.\n");
  auto found = with_code(r, "personal-data-in-text");
  ASSERT_EQ(found.size(), 1u) << dump(r.diagnostics);
  EXPECT_EQ(where(found[0]), "6:18");
}

TEST(PersonalDataInText, TextWithoutPersonalDataIsQuiet) {
  auto r = load_file(
      "data/rapports/r.yaml",
      k_rapport_head + "faits_marquants: 12 ateliers le 2022-03-15, 1 554,58 € de matériel\n");
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
}

const std::string k_structure =
    "id: mairie-x\nnom: NOM\ntype: commune\nsiret: \"20004020400014\"\n"
    "adresse:\n  code_postal: \"59540\"\n  commune: Caudry\ndepartement: \"59\"\n"
    "representant:\n  nom: A\n  qualite: Maire\ncontact:\n  nom: B\n  courriel: b@example.org\n";

std::string structure_named(const std::string& nom) {
  std::string s = k_structure;
  s.replace(s.find("NOM"), 3, nom);
  return s;
}

TEST(FieldTooLong, TheSpreadsheetLimitIsAcceptedOneMoreCharacterIsNot) {
  auto ok = load_file("data/structures/s.yaml", structure_named(std::string(32767, 'a')));
  EXPECT_TRUE(ok.diagnostics.empty()) << dump(ok.diagnostics);
  auto ko = load_file("data/structures/s.yaml", structure_named(std::string(32768, 'a')));
  auto found = with_code(ko, "field-too-long");
  ASSERT_EQ(found.size(), 1u) << dump(ko.diagnostics);
  EXPECT_EQ(ko.diagnostics.size(), 1u) << dump(ko.diagnostics);
  EXPECT_EQ(where(found[0]), "2:6");
  EXPECT_EQ(found[0]->message,
            "« nom » fait 32768 caractères : une cellule de tableur n'en contient que 32767 au "
            "plus ; raccourcissez ce texte");
}

TEST(FieldTooLong, CountsCharactersNotBytesAndAstralCharactersTwice) {
  std::string e_acute;  // 32 767 "é": 65 534 bytes, 32 767 characters
  for (int i = 0; i < 32767; ++i) e_acute += "\xC3\xA9";
  EXPECT_TRUE(load_file("data/structures/s.yaml", structure_named(e_acute)).diagnostics.empty());
  EXPECT_EQ(load::text_units(e_acute), 32767u);
  std::string emoji;  // two UTF-16 units each, as a spreadsheet counts them
  for (int i = 0; i < 16384; ++i) emoji += "\xF0\x9F\x98\x80";
  EXPECT_EQ(load::text_units(emoji), 32768u);
  auto ko = load_file("data/structures/s.yaml", structure_named(emoji));
  EXPECT_EQ(with_code(ko, "field-too-long").size(), 1u) << dump(ko.diagnostics);
}

TEST(InvalidDate, YearsBefore1900AreRefusedFrom1900On) {
  const std::string head = "structure: s\nconseiller: c\nmois: ";
  const std::string tail = "\nactivites: {}\nusagers_accompagnes: 0\n";
  auto ko = load_file("data/rapports/r.yaml", head + "1899-12" + tail);
  auto found = with_code(ko, "invalid-date");
  ASSERT_EQ(found.size(), 1u) << dump(ko.diagnostics);
  EXPECT_EQ(found[0]->message,
            "mois « 1899-12 » invalide pour « mois » : les documents n'acceptent que les dates à "
            "partir du 1900-01-01 ; vérifiez l'année");
  EXPECT_TRUE(load_file("data/rapports/r.yaml", head + "1900-01" + tail).diagnostics.empty());
  auto zero = load_file("data/versements/v.yaml",
                        "convention: c\nposte: 1\ntranche: 1\ndate: 0000-01-01\nmontant: 10\n"
                        "statut: versee\n");
  found = with_code(zero, "invalid-date");
  ASSERT_EQ(found.size(), 1u) << dump(zero.diagnostics);
  EXPECT_EQ(where(found[0]), "4:7");
  auto first = load_file("data/versements/v.yaml",
                         "convention: c\nposte: 1\ntranche: 1\ndate: 1900-01-01\nmontant: 10\n"
                         "statut: versee\n");
  EXPECT_TRUE(first.diagnostics.empty()) << dump(first.diagnostics);
  auto last_day = load_file("data/versements/v.yaml",
                            "convention: c\nposte: 1\ntranche: 1\ndate: 1899-12-31\nmontant: 10\n"
                            "statut: versee\n");
  EXPECT_EQ(with_code(last_day, "invalid-date").size(), 1u);
}

}  // namespace
}  // namespace tampon

namespace tampon {
namespace {

// Ids are lower case only (records.md), so two ids cannot differ by case alone: on a
// case-insensitive file system (Windows, macOS) they would be one file.
TEST(InvalidId, UpperCaseIdsAreRefusedSoIdsNeverDifferByCaseAlone) {
  auto r = load_file("data/structures/s.yaml", [] {
    std::string s = k_structure;
    s.replace(s.find("mairie-x"), 8, "Mairie-X");
    return s;
  }());
  EXPECT_EQ(with_code(r, "invalid-id").size(), 1u) << dump(r.diagnostics);
}

}  // namespace
}  // namespace tampon
