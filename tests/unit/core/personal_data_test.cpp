// personal-data-in-text: the scanner behind the loader's warning and the bulletin's masking.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tampon/personal_data.hpp"

namespace tampon {
namespace {

/// "kind:matched text" for each match.
std::vector<std::string> found(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : find_personal_data(text)) {
    const char* kind = m.kind == PersonalData::Email   ? "courriel"
                       : m.kind == PersonalData::Phone ? "tel"
                                                       : "naissance";
    out.push_back(std::string(kind) + ":" + std::string(text.substr(m.offset, m.length)));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(PersonalDataInText, EmailAddressesWithTheirExactExtent) {
  EXPECT_EQ(found("Écrire à jean.dupont+cn@mairie-caudry.fr."),
            V{"courriel:jean.dupont+cn@mairie-caudry.fr"});
  EXPECT_EQ(found("(a@b.io) et c_d@e.f.org"), (V{"courriel:a@b.io", "courriel:c_d@e.f.org"}));
  // Not addresses: no domain, no dot, a one-letter or numeric last label, a lone @.
  EXPECT_EQ(found("rendez-vous @médiathèque, a@b, x@y.z, x@1.23, @ 14 h"), V{});
}

TEST(PersonalDataInText, FrenchPhoneNumbersInEveryUsualWriting) {
  EXPECT_EQ(found("tél. 06 12 34 56 78 !"), V{"tel:06 12 34 56 78"});
  EXPECT_EQ(found("0612345678"), V{"tel:0612345678"});
  EXPECT_EQ(found("03.27.75.00.00"), V{"tel:03.27.75.00.00"});
  EXPECT_EQ(found("03-27-75-00-00"), V{"tel:03-27-75-00-00"});
  EXPECT_EQ(found("+33 6 12 34 56 78"), V{"tel:+33 6 12 34 56 78"});
  EXPECT_EQ(found("+33 (0)6 12 34 56 78"), V{"tel:+33 (0)6 12 34 56 78"});
  EXPECT_EQ(found("+262 692 12 34 56"), V{"tel:+262 692 12 34 56"});
  EXPECT_EQ(found("06\xC2\xA0"
                  "12\xC2\xA0"
                  "34\xC2\xA0"
                  "56\xC2\xA0"
                  "78"),
            V{"tel:06\xC2\xA0"
              "12\xC2\xA0"
              "34\xC2\xA0"
              "56\xC2\xA0"
              "78"});
}

TEST(PersonalDataInText, FiguresThatAreNotPhoneNumbersAreLeftAlone) {
  // Nine or eleven digits, dates, amounts, counts, SIRET-like numbers, a leading 00.
  EXPECT_EQ(found("06 12 34 56 7"), V{});
  EXPECT_EQ(found("06 12 34 56 789"), V{});
  EXPECT_EQ(found("le 2022-03-15, 12 ateliers, 10 000 €, 1 554,58 €"), V{});
  EXPECT_EQ(found("SIRET 21590139700012"), V{});
  EXPECT_EQ(found("0012345678"), V{});
  EXPECT_EQ(found("ref A0612345678"), V{});
}

TEST(PersonalDataInText, BirthDatesOnlyAfterNeOrNaissance) {
  EXPECT_EQ(found("Une usagère née le 12/03/1985 a réussi."), V{"naissance:12/03/1985"});
  EXPECT_EQ(found("né le 1er mars 1950"), V{"naissance:1er mars 1950"});
  EXPECT_EQ(found("Né en 1990"), V{"naissance:1990"});
  EXPECT_EQ(found("date de naissance : 1985-03-12"), V{"naissance:1985-03-12"});
  EXPECT_EQ(found("né(e) le 3.4.85"), V{"naissance:3.4.85"});
  EXPECT_EQ(found("nés le 5 décembre 2001"), V{"naissance:5 décembre 2001"});
  // A date alone is an event, not a birth date; "en 1990" needs "né" before it.
  EXPECT_EQ(found("atelier du 12/03/2022, ouvert en 1990"), V{});
  EXPECT_EQ(found("projet né en mars"), V{});
  EXPECT_EQ(found("renée le 12/03/1985"), V{});  // "née" inside another word
}

TEST(PersonalDataInText, RedactionMasksEachMatchAndItsMailtoLink) {
  EXPECT_EQ(redact_personal_data("[écrire](mailto:a.b@c.fr) ou 06 12 34 56 78, née le 1/2/1990."),
            "[écrire]([courriel masqué]) ou [téléphone masqué], née le [date de naissance "
            "masquée].");
  EXPECT_EQ(redact_personal_data("Rien à masquer : 12 ateliers."), "Rien à masquer : 12 ateliers.");
}

}  // namespace
}  // namespace tampon
