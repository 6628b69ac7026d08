#include "host/build_pipeline.hpp"
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "fake_emitter.hpp"
#include "host/emitter_codes.hpp"
#include "io/sha256.hpp"
#include "write/manifest.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;
using testing::FakeEmitter;
using testing::job;

// Every file under a folder with its content: "exactly as it was" is checked on this.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    std::string rel = fs::relative(e.path(), root).generic_string();
    // The lock, and the stamps (inodes and times, which differ between identical builds).
    if (rel == ".tampon-lock" || rel == ".tampon-stamps" || rel == ".tampon-plans") continue;
    if (e.is_directory()) {
      files[rel + "/"] = "";
    } else {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      files[rel] = ss.str();
    }
  }
  return files;
}

class BuildPipeline : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("tampon-host-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "project");
    project = ProjectContext{root / "project", root / "shipped"};
    options.out_dir = root / "out";
    options.jobs = 2;
  }
  void TearDown() override { fs::remove_all(root); }
  BuildReport build(const std::vector<const Emitter*>& emitters) {
    return run_build(model, emitters, project, options);
  }
  fs::path root;
  ProjectContext project;
  BuildOptions options;
  Model model;
};

TEST_F(BuildPipeline, WritesEveryJobAndAManifestListingThem) {
  FakeEmitter e("alpha", {job("a/un.txt"), job("deux.txt")});
  auto report = build({&e});
  EXPECT_EQ(count_errors(report.diagnostics), 0u);
  EXPECT_EQ(report.written, 2u);
  auto files = snapshot(options.out_dir);
  EXPECT_EQ(files["a/un.txt"], "contenu de a/un.txt v1");
  EXPECT_NE(files["manifest.json"].find("\"path\": \"a/un.txt\""), std::string::npos);
  EXPECT_NE(files["manifest.json"].find("\"sha256\""), std::string::npos);
  EXPECT_FALSE(files.contains(".tampon-tmp/"));
}

TEST_F(BuildPipeline, AFailedJobLeavesTheOutputFolderExactlyAsItWas) {
  FakeEmitter good("alpha", {job("a/un.txt")});
  build({&good});
  auto before = snapshot(options.out_dir);
  good.content_version = 2;
  FakeEmitter bad("beta", {job("b/erreur.txt", "error"), job("b/panne.txt", "throw")});
  // Rendered fine, so its folders were made ahead of the commit: they go with the failed build.
  FakeEmitter fresh("gamma", {job("c/d/neuf.txt"), job("c/e/neuf.txt", "memory")});
  options.force = true;
  auto report = build({&good, &bad, &fresh});
  EXPECT_EQ(count_errors(report.diagnostics), 2u);
  EXPECT_EQ(snapshot(options.out_dir), before);
  EXPECT_FALSE(fs::exists(options.out_dir / ".tampon-tmp"));
}

TEST_F(BuildPipeline, BytesHandedToTheHostAreWrittenAndDigestedForTheManifest) {
  FakeEmitter e("alpha", {job("a/memoire.txt", "memory"), job("b/fichier.txt")});
  auto report = build({&e});
  ASSERT_EQ(count_errors(report.diagnostics), 0u);
  std::string expected = "contenu de a/memoire.txt en mémoire";
  EXPECT_EQ(snapshot(options.out_dir)["a/memoire.txt"], expected);
  Manifest manifest = Manifest::read(options.out_dir / "manifest.json");
  const ManifestEntry& entry = manifest.entries.at("a/memoire.txt");
  EXPECT_EQ(entry.sha256, sha256_hex(expected));
  EXPECT_EQ(entry.size, expected.size());
  // A file the emitter wrote itself is read back: both ways give the same kind of entry.
  EXPECT_EQ(manifest.entries.at("b/fichier.txt").sha256, sha256_hex("contenu de b/fichier.txt v1"));
}

TEST_F(BuildPipeline, EmittersWriteIntoStagingUnderTheFinalFileName) {
  FakeEmitter e("alpha", {job("a/b/c/bulletin.pdf", "path"), job("x/bulletin.pdf", "path")});
  auto report = build({&e});
  ASSERT_EQ(count_errors(report.diagnostics), 0u);
  // New folders: staged in a copy of the tree, moved in whole.
  fs::path staging = options.out_dir / ".tampon-tmp";
  EXPECT_EQ(fs::path(snapshot(options.out_dir)["a/b/c/bulletin.pdf"]),
            staging / "tree" / "a" / "b" / "c" / "bulletin.pdf");
  // Folders of the previous build: staged side by side in one folder, renamed file by file.
  options.force = true;
  report = build({&e});
  ASSERT_EQ(count_errors(report.diagnostics), 0u);
  fs::path staged = snapshot(options.out_dir)["a/b/c/bulletin.pdf"];
  fs::path other = snapshot(options.out_dir)["x/bulletin.pdf"];
  EXPECT_EQ(staged.parent_path(), staging);
  EXPECT_EQ(other.parent_path(), staging);
  EXPECT_NE(staged, other);
  EXPECT_TRUE(staged.filename().string().ends_with("bulletin.pdf")) << staged;
  EXPECT_FALSE(fs::exists(staging));
}

TEST_F(BuildPipeline, KeepGoingMovesANewFolderInWithoutTheFilesThatFailed) {
  FakeEmitter e("alpha",
                {job("n/bon.txt"), job("n/erreur.txt", "error"), job("n/panne.txt", "throw")});
  options.keep_going = true;
  build({&e});
  auto files = snapshot(options.out_dir);
  EXPECT_EQ(files["n/bon.txt"], "contenu de n/bon.txt v1");
  EXPECT_FALSE(files.contains("n/erreur.txt"));
  EXPECT_FALSE(files.contains("n/panne.txt"));
}

TEST_F(BuildPipeline, AnEmitterThatThrowsOrWritesNothingIsReportedByName) {
  FakeEmitter bad("beta", {job("b/panne.txt", "throw")});
  auto report = build({&bad});
  ASSERT_EQ(report.diagnostics.size(), 1u);
  const Diagnostic& d = report.diagnostics[0];
  EXPECT_EQ(d.code, "render-failed");
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_NE(d.message.find("b/panne.txt"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("beta"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("panne simulée"), std::string::npos) << d.message;
}

TEST_F(BuildPipeline, AFailedFirstBuildDoesNotEvenCreateTheOutputFolder) {
  FakeEmitter bad("beta", {job("x.txt", "throw")});
  build({&bad});
  EXPECT_FALSE(fs::exists(options.out_dir));
}

TEST_F(BuildPipeline, KeepGoingWritesWhatIsValidAndListsTheRest) {
  model.invalid.insert({RecordKind::Convention, "cv-mauvaise"});
  FakeEmitter e("alpha", {job("ok.txt"), job("panne.txt", "throw"),
                          job("lit-erreur.txt", "ok", {{RecordKind::Convention, "cv-mauvaise"}})});
  options.keep_going = true;
  auto report = build({&e});
  EXPECT_EQ(report.written, 1u);
  ASSERT_EQ(report.skipped.size(), 2u);
  EXPECT_NE(report.skipped[0].find("convention:cv-mauvaise"), std::string::npos);
  auto files = snapshot(options.out_dir);
  EXPECT_TRUE(files.contains("ok.txt"));
  EXPECT_FALSE(files.contains("panne.txt"));
  EXPECT_FALSE(files.contains("lit-erreur.txt"));
}

TEST_F(BuildPipeline, ASecondBuildWithTheSameInputsRendersNothing) {
  FakeEmitter e("alpha", {job("un.txt"), job("deux.txt")});
  build({&e});
  auto manifest_before = snapshot(options.out_dir)["manifest.json"];
  e.renders = 0;
  auto report = build({&e});
  EXPECT_EQ(e.renders, 0);
  EXPECT_EQ(report.unchanged, 2u);
  EXPECT_EQ(snapshot(options.out_dir)["manifest.json"], manifest_before);
  options.data_digest = "autre";  // any data change re-renders
  build({&e});
  EXPECT_EQ(e.renders, 2);
}

TEST_F(BuildPipeline, ARecordEditReRendersOnlyTheEmittersThatReadRecords) {
  FakeEmitter site("site", {job("site/index.html")});  // reads no record kind
  FakeEmitter pdf("pdf", {job("cv.pdf")}, {RecordKind::Convention});
  options.data_digest = "données v1";
  options.rules_digest = "barèmes v1";
  build({&site, &pdf});
  site.renders = pdf.renders = 0;
  options.data_digest = "données v2";  // a record was edited
  build({&site, &pdf});
  EXPECT_EQ(site.renders, 0);
  EXPECT_EQ(pdf.renders, 1);
  options.rules_digest = "barèmes v2";  // baremes.yaml was edited
  options.data_digest = "données v3";
  build({&site, &pdf});
  EXPECT_EQ(site.renders, 1);
  EXPECT_EQ(pdf.renders, 2);
}

TEST_F(BuildPipeline, ADeletedOrEditedOutputIsRenderedAgain) {
  FakeEmitter e("alpha", {job("un.txt")});
  build({&e});
  fs::remove(options.out_dir / "un.txt");
  e.renders = 0;
  build({&e});
  EXPECT_EQ(e.renders, 1);
  EXPECT_TRUE(fs::exists(options.out_dir / "un.txt"));
}

TEST_F(BuildPipeline, OutputsNoLongerProducedAreRemoved) {
  FakeEmitter first("alpha", {job("garde.txt"), job("vieux/perime.txt")});
  build({&first});
  FakeEmitter second("alpha", {job("garde.txt")});
  auto report = build({&second});
  EXPECT_EQ(report.removed, 1u);
  EXPECT_FALSE(fs::exists(options.out_dir / "vieux"));
  EXPECT_TRUE(fs::exists(options.out_dir / "garde.txt"));
}

TEST_F(BuildPipeline, OnlyKeepsTheOtherEmittersOutputsAndManifestEntries) {
  FakeEmitter a("alpha", {job("a.txt")}), b("beta", {job("b.txt")});
  build({&a, &b});
  a.content_version = 2;
  options.force = true;
  build({&a});  // like --only alpha
  auto files = snapshot(options.out_dir);
  EXPECT_TRUE(files.contains("b.txt"));
  EXPECT_NE(files["manifest.json"].find("\"b.txt\""), std::string::npos);
}

TEST_F(BuildPipeline, AnOnlyBuildKeepsTheOtherEmittersEntriesByteForByte) {
  FakeEmitter a("alpha", {job("a.txt", "ok", {{RecordKind::Convention, "cv-1"}})});
  FakeEmitter b(
      "beta",
      {job("b/b.txt", "ok", {{RecordKind::Structure, "st-\"x\\"}, {RecordKind::Avenant, "av-1"}})});
  build({&a, &b});
  auto both = snapshot(options.out_dir)["manifest.json"];
  EXPECT_NE(both.find("\"structure:st-\\\"x\\\\\",\n        \"avenant:av-1\"\n      ]"),
            std::string::npos)
      << both;
  options.force = true;
  auto report = build({&a});  // like --only alpha: beta's entry is read back and written again
  EXPECT_EQ(report.written, 1u);
  EXPECT_EQ(snapshot(options.out_dir)["manifest.json"], both);
}

TEST_F(BuildPipeline, PathsThatLeaveTheOutputFolderAreRefusedAndNothingIsWritten) {
  FakeEmitter e("alpha", {job("../evade.txt"), job("ok.txt")});
  auto report = build({&e});
  ASSERT_EQ(count_errors(report.diagnostics), 1u);
  EXPECT_EQ(report.diagnostics[0].code, "emitter-output");
  EXPECT_FALSE(fs::exists(root / "evade.txt"));
  EXPECT_FALSE(fs::exists(options.out_dir));
}

TEST_F(BuildPipeline, TwoEmittersClaimingOnePathIsAnError) {
  FakeEmitter a("alpha", {job("meme.txt")}), b("beta", {job("meme.txt")});
  auto report = build({&a, &b});
  ASSERT_EQ(count_errors(report.diagnostics), 1u);
  EXPECT_NE(report.diagnostics[0].message.find("déjà produit par « alpha »"), std::string::npos);
}

// Duplicates are found among paths sorted with the emitters' order kept for equal paths: the
// first emitter to plan a file owns it, whatever the names sort like, and an emitter planning a
// file twice is told so too.
TEST_F(BuildPipeline, TheFirstEmitterToPlanAPathOwnsItWhateverTheNamesSortLike) {
  FakeEmitter z("zeta", {job("a.txt"), job("meme.txt")}), a("alpha", {job("meme.txt")}),
      b("beta", {job("b.txt"), job("b.txt"), job("meme.txt")});
  auto report = build({&z, &a, &b});
  ASSERT_EQ(count_errors(report.diagnostics), 3u);
  int by_zeta = 0, by_beta = 0;
  for (const auto& d : report.diagnostics) {
    by_zeta += d.message.find("« meme.txt » est déjà produit par « zeta »") != std::string::npos;
    by_beta += d.message.find("« b.txt » est déjà produit par « beta »") != std::string::npos;
  }
  EXPECT_EQ(by_zeta, 2);
  EXPECT_EQ(by_beta, 1);
}

TEST_F(BuildPipeline, ManifestIsIdenticalAcrossBuildsAndThreadCounts) {
  std::vector<OutputJob> jobs;
  for (int i = 0; i < 50; ++i) jobs.push_back(job("f" + std::to_string(i) + ".txt"));
  FakeEmitter e("alpha", jobs);
  options.jobs = 1;
  build({&e});
  auto one = snapshot(options.out_dir);
  fs::remove_all(options.out_dir);
  options.jobs = 8;
  build({&e});
  EXPECT_EQ(snapshot(options.out_dir), one);
}

// EmitterInfo::codes is a contract the host keeps (host/emitter_codes.hpp): an emitter that
// reports a code it did not declare fails the job, naming the code; a declared code takes the
// severity declared.
TEST_F(BuildPipeline, AFindingUnderAnUndeclaredCodeIsAnEmitterError) {
  FakeEmitter e("a", {job("x.txt", "undeclared")});
  auto report = build({&e});
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].code, "emitter-output");
  EXPECT_EQ(report.diagnostics[0].severity, Severity::Error);
  EXPECT_NE(report.diagnostics[0].message.find("« code-inconnu » non déclaré"), std::string::npos)
      << report.diagnostics[0].message;
  EXPECT_FALSE(fs::exists(options.out_dir / "x.txt"));
}

TEST_F(BuildPipeline, ADeclaredCodeTakesTheSeverityItWasDeclaredWith) {
  FakeEmitter e("a", {job("x.txt", "declared-warning")});
  auto report = build({&e});
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].code, "test-warning");
  EXPECT_EQ(report.diagnostics[0].severity, Severity::Warning);
  EXPECT_TRUE(fs::exists(options.out_dir / "x.txt"));  // a warning does not fail the job
}

TEST(EmitterCodes, TheCatalogueHoldsTheToolsCodesThenEachEmittersOwn) {
  FakeEmitter e("a", {});
  const Emitter* emitters[] = {&e};
  auto catalog = rule_catalog(emitters);
  ASSERT_EQ(catalog.size(), rule_table().size() + 2);
  EXPECT_EQ(catalog[rule_table().size()].code, "test-error");
  EXPECT_EQ(catalog.back().code, "test-warning");
  EXPECT_EQ(catalog.back().section, "a");
}

}  // namespace
}  // namespace tampon
