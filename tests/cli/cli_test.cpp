// The command-line contract of outputs.md, checked on the real executable (issue #2).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "tampon/plugin_abi.h"

namespace tampon::testing {
namespace {

const std::string k_plugins = TAMPON_TEST_PLUGIN_DIR;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CommandLine, VersionAndHelpExitZero) {
  Project p;
  EXPECT_EQ(p.run({"--version"}).exit_code, 0);
  auto help = p.run({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(contains(help.out, "Usage : tampon COMMANDE"));
}

TEST(CommandLine, UnknownCommandIsAUsageErrorWithAHint) {
  Project p;
  auto r = p.run({"biuld"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "commande inconnue « biuld »")) << r.err;
  EXPECT_TRUE(contains(r.err, "vouliez-vous dire « build » ?")) << r.err;
}

TEST(CommandLine, UnknownOptionIsAUsageErrorWithAHint) {
  Project p;
  auto r = p.run({"validate", "--strcit"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "option inconnue « --strcit » ; vouliez-vous dire « --strict » ?"))
      << r.err;
  auto eq = p.run({"build", "--formt=json"});
  EXPECT_EQ(eq.exit_code, 2);
  EXPECT_TRUE(contains(eq.err, "vouliez-vous dire « --format » ?")) << eq.err;
  auto far = p.run({"validate", "--zzzz"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_FALSE(contains(far.err, "vouliez-vous dire")) << far.err;
}

TEST(CommandLine, BadOptionValuesAreUsageErrors) {
  Project p;
  EXPECT_EQ(p.run({"build", "--jobs", "abc"}).exit_code, 2);
  EXPECT_EQ(p.run({"build", "--as-of", "2021-02-30"}).exit_code, 2);
  EXPECT_EQ(p.run({"build", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(p.run({"build", "--frobnicate"}).exit_code, 2);
  EXPECT_EQ(p.run({}).exit_code, 2);
  auto only = p.run({"build", "--only", "convention-pfd"});
  EXPECT_EQ(only.exit_code, 2);
  EXPECT_TRUE(contains(only.err, "vouliez-vous dire « convention-pdf » ?")) << only.err;
}

// Nothing to validate is said plainly (no-records), never a bare "0 erreur".
TEST(Validate, AnEmptyProjectIsValidButWarnsThatNothingWasRead) {
  Project p;
  auto r = p.run({"validate", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "data: avertissement: aucun enregistrement lu")) << r.err;
  EXPECT_TRUE(contains(r.err, "[no-records]")) << r.err;
  EXPECT_TRUE(contains(r.err, "\nlus : 0 structure, 0 conseiller,")) << r.err;
  EXPECT_TRUE(contains(r.err, "0 déclaration de dépenses ; 0 erreur, 1 avertissement\n")) << r.err;
  EXPECT_EQ(p.run({"validate", "--strict", "--as-of", "2024-06-30"}).exit_code, 1);
}

TEST(Validate, TheMinimalProjectIsValidAndTheSummaryCountsEachKind) {
  Project p;
  write_minimal_valid_project(p);
  auto r = p.run({"validate", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(contains(r.err, "no-records")) << r.err;
  EXPECT_TRUE(contains(r.err,
                       "lus : 1 structure, 1 conseiller, 1 convention, 0 avenant, 0 "
                       "versement, 0 rapport, 0 déclaration de dépenses ; 0 erreur, 0 "
                       "avertissement\n"))
      << r.err;
}

TEST(Validate, AYamlSyntaxErrorExitsThreeWithItsPosition) {
  Project p;
  p.write("data/structures/casse.yaml", "id: casse\nnom: [non fermé\n");
  auto r = p.run({"validate"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "data/structures/casse.yaml:")) << r.err;
  EXPECT_TRUE(contains(r.err, "[yaml-syntax]")) << r.err;
}

TEST(Validate, ErrorsPointAtFileLineAndColumnInFrench) {
  Project p;
  write_minimal_valid_project(p);
  p.write("data/structures/mairie-de-bazuel.yaml",
          "id: mairie-de-bazuel\nnom: Mairie\ntype: comune\n");
  auto r = p.run({"validate"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "data/structures/mairie-de-bazuel.yaml:3:7: erreur: ")) << r.err;
  EXPECT_TRUE(contains(r.err, "[unknown-value]")) << r.err;
  EXPECT_TRUE(contains(r.err, "« commune »")) << r.err;
}

TEST(Validate, JsonFormatPrintsOneArrayOnStandardOutput) {
  Project p;
  p.write("data/structures/x.yaml", "id: x\nnom: X\ntype: commune\nsirett: \"1\"\n");
  auto r = p.run({"validate", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  auto json = nlohmann::json::parse(r.out);
  ASSERT_TRUE(json.is_array());
  ASSERT_FALSE(json.empty());
  bool found = false;
  for (const auto& d : json) {
    for (const char* key : {"file", "line", "column", "severity", "code", "message"})
      EXPECT_TRUE(d.contains(key)) << key;
    if (d["code"] == "unknown-field") {
      found = true;
      EXPECT_EQ(d["file"], "data/structures/x.yaml");
      EXPECT_EQ(d["line"], 4);
      EXPECT_EQ(d["column"], 1);
      EXPECT_EQ(d["severity"], "error");
    }
  }
  EXPECT_TRUE(found) << r.out;
}

TEST(Build, WritesOutputsAndAManifest) {
  Project p;
  write_minimal_valid_project(p);
  auto r = p.run({"build", "--only", "records-json", "--as-of", "2024-06-30"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = p.snapshot("out");
  ASSERT_TRUE(out.contains("export/records.json"));
  auto records = nlohmann::json::parse(out["export/records.json"]);
  EXPECT_EQ(records["conventions"][0]["total"]["centimes"], 5000000);
  EXPECT_FALSE(contains(out["export/records.json"], "courriel"));
  EXPECT_FALSE(contains(out["export/records.json"], "camille.durand"));
  auto manifest = nlohmann::json::parse(out["manifest.json"]);
  EXPECT_EQ(manifest["files"][0]["path"], "export/records.json");
  EXPECT_EQ(manifest["files"][0]["emitter"], "records-json");
}

TEST(Build, WithErrorsLeavesOutExactlyAsItWas) {
  Project p;
  write_minimal_valid_project(p);
  ASSERT_EQ(p.run({"build", "--only", "records-json", "--as-of", "2024-06-30"}).exit_code, 0);
  auto before = p.snapshot("out");
  p.write("data/conseillers/cn-0001.yaml", "id: cn-0001\nnom: Durand\n");  // now invalid
  auto r = p.run({"build", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(p.snapshot("out"), before);
}

TEST(Build, AnOutputFolderThatIsAFileExitsThreeInFrench) {
  Project p;
  write_minimal_valid_project(p);
  p.write("sortie", "un fichier, pas un dossier\n");
  auto r = p.run({"build", "--only", "records-json", "--as-of", "2024-06-30", "--out", "sortie"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(contains(r.err, "[output-failure]")) << r.err;
  EXPECT_TRUE(contains(r.err, "sortie")) << r.err;
  EXPECT_TRUE(std::filesystem::is_regular_file(p.dir() / "sortie"));  // left as it was
}

TEST(Build, SameInputsGiveByteIdenticalOutputs) {
  Project p;
  write_minimal_valid_project(p);
  ASSERT_EQ(
      p.run({"build", "--only", "records-json", "--as-of", "2024-06-30", "--out", "a"}).exit_code,
      0);
  ASSERT_EQ(p.run({"build", "--only", "records-json", "--as-of", "2024-06-30", "--out", "b",
                   "--jobs", "1"})
                .exit_code,
            0);
  EXPECT_EQ(p.snapshot("a"), p.snapshot("b"));
}

TEST(Build, ASecondBuildRewritesNothing) {
  Project p;
  write_minimal_valid_project(p);
  ASSERT_EQ(p.run({"build", "--only", "records-json", "--as-of", "2024-06-30"}).exit_code, 0);
  auto r = p.run({"build", "--only", "records-json", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(contains(r.err, "0 fichier(s) écrit(s), 1 inchangé(s)")) << r.err;
}

TEST(Plugins, ListsBuiltinsAndModulesFromAPluginFolder) {
  Project p;
  auto r = p.run({"plugins", "--plugin-dir", k_plugins + "/sample"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"convention-pdf", "tranches-xlsx", "justification-xlsx", "bulletin",
                           "site", "records-json", "exemple 0.1.0"})
    EXPECT_TRUE(contains(r.out, name)) << name << "\n" << r.out;
}

// `tampon` starts itself again once with glibc.malloc.hugetlb=1 (generator/main.cpp): the
// processes it starts (external emitters) must still see the environment it was given.
TEST(Plugins, AnExternalEmitterSeesTheEnvironmentTamponWasGiven) {
  Project p;
  p.write("greffons/tampon-emitter-env",
          "#!/bin/sh\nenv > \"$(dirname \"$0\")/env-$1.txt\"\n"
          "printf '%s' '{\"protocol\": 1, \"name\": \"env\", \"version\": \"1.0.0\", "
          "\"description\": \"environnement\", \"reads\": [], \"outputs\": [], "
          "\"capabilities\": [\"plan\", \"render\"]}'\n");
  std::filesystem::permissions(p.dir() / "greffons/tampon-emitter-env",
                               std::filesystem::perms::owner_all);
  auto line_of = [](const std::string& env, const std::string& name) -> std::string {
    std::istringstream in(env);
    for (std::string line; std::getline(in, line);)
      if (line.starts_with(name + "=")) return line;
    return "(absente)";
  };
  for (const char* given : {static_cast<const char*>(nullptr), "glibc.malloc.check=0"}) {
    if (given)
      ::setenv("GLIBC_TUNABLES", given, 1);
    else
      ::unsetenv("GLIBC_TUNABLES");
    std::filesystem::remove(p.dir() / "greffons/env-describe.txt");
    auto r = p.run({"plugins", "--plugin-dir", (p.dir() / "greffons").string()});
    ::unsetenv("GLIBC_TUNABLES");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(p.dir() / "greffons/env-describe.txt");
    std::stringstream env;
    env << in.rdbuf();
    ASSERT_FALSE(env.str().empty()) << "describe n'a pas été lancé\n" << r.err;
    EXPECT_EQ(line_of(env.str(), "GLIBC_TUNABLES"),
              given ? std::string("GLIBC_TUNABLES=") + given : std::string("(absente)"));
    EXPECT_EQ(line_of(env.str(), "TAMPON_MALLOC_RESTARTED"), "(absente)");
  }
}

TEST(Plugins, AModuleForAnotherInterfaceVersionIsRefusedInFrench) {
  Project p;
  auto r = p.run({"plugins", "--plugin-dir", k_plugins + "/wrong_abi"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err, "version attendue " + std::to_string(TAMPON_PLUGIN_API_VERSION)))
      << r.err;
  EXPECT_FALSE(contains(r.out, "exemple"));
}

TEST(Plugins, AModuleRunsInABuild) {
  Project p;
  write_minimal_valid_project(p);
  auto r = p.run({"build", "--plugin-dir", k_plugins + "/sample", "--only", "exemple", "--as-of",
                  "2024-06-30"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(p.snapshot("out")["exemple/structures.txt"], "mairie-de-bazuel\n");
}

TEST(Explain, UnknownConventionIsAUsageErrorWithAHint) {
  Project p;
  write_minimal_valid_project(p);
  auto r = p.run({"explain", "convention", "cv-2021-0043"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "« cv-2021-0042 »")) << r.err;
}

TEST(Explain, PrintsTheGridRowAndEachTranche) {
  Project p;
  write_minimal_valid_project(p);
  auto r = p.run({"explain", "convention", "cv-2021-0042", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "50 000,00 €") || contains(r.out, "50 000,00 €")) << r.out;
  EXPECT_TRUE(contains(r.out, "2021-05-12") || contains(r.out, "12 mai 2021")) << r.out;
}

}  // namespace
}  // namespace tampon::testing
