// The optional fields issue 21 adds: a structure's bank account (iban: ISO 13616 mod-97 key,
// error invalid-iban; bic: ISO 9362, error invalid-bic), the deliberation authorising its
// signatory, and the post a coordinator post replaces (substitue).
#include <gtest/gtest.h>

#include "load/bank_formats.hpp"
#include "load_support.hpp"

namespace tampon {
namespace {

using load::is_valid_bic;
using load::is_valid_iban;

TEST(InvalidIban, Iso13616KeyAndShape) {
  EXPECT_TRUE(is_valid_iban("FR7630006000011234567890189"));   // a published example
  EXPECT_TRUE(is_valid_iban("DE89370400440532013000"));        // ECBS example
  EXPECT_TRUE(is_valid_iban("FR3330001005500000000000023"));   // the sample data's
  EXPECT_FALSE(is_valid_iban("FR7630006000011234567890188"));  // last digit changed
  EXPECT_FALSE(is_valid_iban("FR763000600001123456789018"));   // one character short
  EXPECT_FALSE(is_valid_iban("7630006000011234567890189FR"));  // no country code
  EXPECT_FALSE(is_valid_iban("FR76-3000-6000-0112"));          // punctuation
  EXPECT_FALSE(is_valid_iban("NO938601111794"));               // 14: shorter than any IBAN
  EXPECT_TRUE(is_valid_iban("NO9386011117947"));               // 15: Norway, the shortest
  EXPECT_FALSE(is_valid_iban(std::string(35, '1')));           // more than 34
  EXPECT_EQ(load::compact_upper("fr76 3000\t6000"), "FR7630006000");
}

TEST(InvalidBic, Iso9362EightOrElevenCharacters) {
  EXPECT_TRUE(is_valid_bic("CDCGFRPP"));
  EXPECT_TRUE(is_valid_bic("CDCGFRPPXXX"));
  EXPECT_TRUE(is_valid_bic("BDFEFRPPCCT"));
  EXPECT_FALSE(is_valid_bic("CDCGFRP"));      // 7
  EXPECT_FALSE(is_valid_bic("CDCGFRPPXX"));   // 10
  EXPECT_FALSE(is_valid_bic("CDC1FRPP"));     // a digit in the bank code
  EXPECT_FALSE(is_valid_bic("CDCG-RPPXXX"));  // punctuation
}

constexpr std::string_view k_structure = R"(id: commune-de-test
nom: Commune de Test
type: commune
siret: "21590139700012"
adresse:
  code_postal: "59540"
  commune: Caudry
departement: "59"
representant:
  nom: Serge Simeon
  qualite: Maire
contact:
  nom: Jeanne Martin
  courriel: jeanne.martin@example.org
)";

TEST(BankFields, AreDecodedWithoutSpacesAndCheckedWhereWritten) {
  testing::TempProject p;
  p.write("data/structures/s.yaml", std::string(k_structure) +
                                        "iban: fr76 3000 6000 0112 3456 7890 189\n"
                                        "bic: cdcgfrpp\ndeliberation: 2021-03-15\n");
  LoadResult ok = p.load();
  EXPECT_TRUE(ok.diagnostics.empty()) << testing::dump(ok.diagnostics);
  const Structure& s = ok.records.structures.at(0);
  EXPECT_EQ(s.iban, "FR7630006000011234567890189");
  EXPECT_EQ(s.bic, "CDCGFRPP");
  EXPECT_EQ(s.deliberation, Date::parse("2021-03-15"));

  p.write("data/structures/s.yaml",
          std::string(k_structure) + "iban: FR76 3000 6000 0112 3456 7890 188\nbic: CDCG\n");
  LoadResult bad = p.load();
  auto iban = testing::with_code(bad, "invalid-iban");
  ASSERT_EQ(iban.size(), 1u) << testing::dump(bad.diagnostics);
  EXPECT_EQ(iban[0]->where.line, 15u);
  EXPECT_EQ(iban[0]->where.column, 7u);
  ASSERT_EQ(testing::with_code(bad, "invalid-bic").size(), 1u);
  EXPECT_FALSE(bad.records.structures.at(0).iban.has_value());
}

TEST(BankFields, SubstitueAndConventionDeliberation) {
  testing::TempProject p;
  p.write("data/conventions/c.yaml", R"(id: cv-2023-0001
structure: commune-de-test
regime: coordinateur-2023
signature: 2023-06-20
debut: 2023-07-01
fin: 2025-06-30
deliberation: 2023-05-26
postes:
  - numero: 1
    role: coordinateur
    contrat: cdi-droit-public
    substitue:
      convention: cv-2021-0005
      poste: 1
)");
  LoadResult r = p.load();
  EXPECT_TRUE(r.diagnostics.empty()) << testing::dump(r.diagnostics);
  const Convention& c = r.records.conventions.at(0);
  EXPECT_EQ(c.deliberation, Date::parse("2023-05-26"));
  ASSERT_TRUE(c.postes.at(0).substitue.has_value());
  EXPECT_EQ(c.postes[0].substitue->convention, "cv-2021-0005");
  EXPECT_EQ(c.postes[0].substitue->poste, 1);

  p.write("data/conventions/c.yaml", R"(id: cv-2023-0001
structure: commune-de-test
regime: coordinateur-2023
signature: 2023-06-20
debut: 2023-07-01
fin: 2025-06-30
postes:
  - numero: 1
    role: coordinateur
    contrat: cdi-droit-public
    substitue:
      convention: cv-2021-0005
)");
  EXPECT_EQ(testing::with_code(p.load(), "missing-field").size(), 1u);
}

}  // namespace
}  // namespace tampon
