// --keep-going and --strict (outputs.md "Safety of outputs", "Exit codes").
#include <gtest/gtest.h>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

TEST(KeepGoing, WritesTheValidOutputsListsTheSkippedOnesAndExitsOne) {
  Project p;
  write_minimal_valid_project(p);
  // A second convention pointing at a structure that does not exist.
  p.write("data/conventions/cv-orpheline.yaml", R"(id: cv-orpheline
structure: mairie-inconnue
regime: relance-2021
signature: 2021-04-02
debut: 2021-04-01
fin: 2023-03-31
postes:
  - numero: 1
    role: conseiller
    contrat: cdd-droit-public
)");
  auto r = p.run(
      {"build", "--keep-going", "--as-of", "2024-06-30", "--only", "records-json,convention-pdf"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("[dangling-reference]"), std::string::npos) << r.err;
  auto out = p.snapshot("out");
  EXPECT_TRUE(out.contains("export/records.json"));
  EXPECT_FALSE(out.contains("conventions/cv-orpheline.pdf"));
}

TEST(Strict, WarningsCountAsErrors) {
  Project p;
  write_minimal_valid_project(p);
  // Training starts 20 days after the contract: a late-training warning (domain.md §5).
  std::string conseiller = R"(id: cn-0001
prenom: Camille
nom: Durand
courriel: camille.durand@example.org
structure: mairie-de-bazuel
role: conseiller
contrat:
  type: cdd-droit-public
  debut: 2021-04-01
  fin: 2022-09-30
  heures_hebdo: 35
  salaire_brut_mensuel: 1650.00
formation:
  depart: 2021-04-21
  heures: 280
)";
  p.write("data/conseillers/cn-0001.yaml", conseiller);
  auto lenient = p.run({"validate", "--as-of", "2024-06-30"});
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.err.find("avertissement: "), std::string::npos) << lenient.err;
  auto strict = p.run({"validate", "--strict", "--as-of", "2024-06-30"});
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
}

}  // namespace
}  // namespace tampon::testing
