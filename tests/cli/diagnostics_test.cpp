// Diagnostics that help (issue 15 point 4), read back from the real executable in text and
// in --format json: the primary place is the field to change, and a finding that weighs it
// against another record shows that record's field as a note.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A rule fixture (tests/fixtures/rules/<code>/) copied into a fresh project.
void copy_fixture(const Project& p, const std::string& code) {
  fs::copy(fs::path(TAMPON_SOURCE_DIR) / "tests/fixtures/rules" / code / "data", p.dir() / "data",
           fs::copy_options::recursive);
}

TEST(CrossRecordNotes, ContractNotAllowedPointsAtTheConseillersContractWithNotesInText) {
  Project p;
  copy_fixture(p, "contract-not-allowed");
  auto r = p.run({"validate", "--as-of", "2024-01-01"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // Primary: the conseiller's contrat.type (line 12, column 9 of its file).
  EXPECT_TRUE(contains(r.err,
                       "data/conseillers/cn-0001.yaml:12:9: erreur: contrat « cdi-droit-prive » "
                       "non prévu par le régime « relance-2021 »"))
      << r.err;
  // Secondary, on the lines right after: the post that holds the conseiller, the structure.
  EXPECT_TRUE(contains(r.err,
                       "[contract-not-allowed]\ndata/conventions/cv-2021-0001.yaml:10:17: note: "
                       "poste déclaré ici (poste 1 de la convention cv-2021-0001)\n"
                       "data/structures/commune-de-test.yaml:3:7: note: type de la structure "
                       "« commune-de-test »"))
      << r.err;
}

TEST(CrossRecordNotes, JsonCarriesEachNoteWithItsPlace) {
  Project p;
  copy_fixture(p, "structure-mismatch");
  auto r = p.run({"validate", "--as-of", "2024-01-01", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 1u) << r.out;
  const auto& d = json[0];
  EXPECT_EQ(d["code"], "structure-mismatch");
  EXPECT_EQ(d["file"], "data/conventions/cv-2021-0001.yaml");
  EXPECT_EQ(d["line"], 13);
  ASSERT_EQ(d["notes"].size(), 1u) << r.out;
  EXPECT_EQ(d["notes"][0]["file"], "data/conseillers/cn-0002.yaml");
  EXPECT_EQ(d["notes"][0]["line"], 5);
  EXPECT_EQ(d["notes"][0]["column"], 12);
  EXPECT_EQ(d["notes"][0]["message"], "structure « commune-voisine » déclarée ici");
}

TEST(CrossRecordNotes, ADanglingReferenceShowsTheIdItProbablyMeant) {
  Project p;
  copy_fixture(p, "dangling-reference");
  auto r = p.run({"validate", "--as-of", "2024-01-01", "--format", "json"});
  auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json.size(), 1u) << r.out;
  EXPECT_TRUE(contains(json[0]["message"], "vouliez-vous dire « cv-2021-0001 »")) << r.out;
  ASSERT_EQ(json[0]["notes"].size(), 1u) << r.out;
  EXPECT_EQ(json[0]["notes"][0]["file"], "data/conventions/cv-2021-0001.yaml");
  EXPECT_EQ(json[0]["notes"][0]["line"], 1);
  EXPECT_EQ(json[0]["notes"][0]["message"], "identifiant « cv-2021-0001 » défini ici");
}

// "Vouliez-vous dire" for a document template's variable and a page's anchor, as `validate`
// reports them (the emitters' checks), in text and in JSON.
// A convention without `regime` gets the loader's missing-field, not also « régime «  » absent
// de baremes.yaml » (an import of a sheet without the column showed both, at the same cell).
TEST(OneFindingPerMistake, ARegimeNeverWrittenIsMissingNotUnknown) {
  Project p;
  write_minimal_valid_project(p);
  ASSERT_EQ(p.run({"validate", "--as-of", "2022-01-01"}).exit_code, 0);
  auto files = p.snapshot("data/conventions");
  ASSERT_EQ(files.size(), 1u);
  auto [name, text] = *files.begin();
  auto line = text.find("regime:");
  ASSERT_NE(line, std::string::npos) << text;
  text.erase(line, text.find('\n', line) + 1 - line);
  p.write("data/conventions/" + name, text);
  auto r = p.run({"validate", "--as-of", "2022-01-01"});
  EXPECT_TRUE(contains(r.err, "champ obligatoire « regime » manquant")) << r.err;
  EXPECT_FALSE(contains(r.err, "[unknown-value]")) << r.err;
}

TEST(Hints, TemplateVariableAndAnchorGetTheClosestName) {
  Project p;
  copy_fixture(p, "date-order");
  fs::copy(fs::path(TAMPON_SOURCE_DIR) / "content", p.dir() / "content",
           fs::copy_options::recursive);
  p.write("content/essai.md",
          "---\ntitle: Essai\n---\n\nVoir [les étapes](#etape).\n\n## Étapes\n\nTexte.\n");
  p.write("templates/documents/convention-relance-2021.md",
          "# Convention\n\nEntre {{structure.nomm}} et la Banque des Territoires.\n");
  auto r = p.run({"validate", "--as-of", "2024-01-01"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.err,
                       "templates/documents/convention-relance-2021.md:3:7: erreur: variable « "
                       "structure.nomm » inconnue des données du document ; vouliez-vous dire « "
                       "structure.nom » ? [template-unknown-variable]"))
      << r.err;
  EXPECT_TRUE(contains(r.err,
                       "content/essai.md:5:20: erreur: ancre cassée : « #etape » n'existe pas "
                       "dans la page « essai.md » ; vouliez-vous dire « #etapes » ? "
                       "[site-broken-link]"))
      << r.err;
  auto json =
      nlohmann::json::parse(p.run({"validate", "--as-of", "2024-01-01", "--format", "json"}).out);
  int hints = 0;
  for (const auto& d : json) {
    const std::string message = d["message"];
    if (d["code"] == "template-unknown-variable") {
      EXPECT_EQ(d["line"], 3);
      EXPECT_TRUE(contains(message, "vouliez-vous dire « structure.nom » ?")) << message;
      ++hints;
    } else if (d["code"] == "site-broken-link") {
      EXPECT_EQ(d["file"], "content/essai.md");
      EXPECT_TRUE(contains(message, "vouliez-vous dire « #etapes » ?")) << message;
      ++hints;
    }
  }
  EXPECT_EQ(hints, 2) << json.dump(1);
}

}  // namespace
}  // namespace tampon::testing
