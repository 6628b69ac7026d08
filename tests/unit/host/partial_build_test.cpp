// The host alone skips (--keep-going), keeps and marks stale what it skips; per-record
// fingerprints; --select (issue 13).
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <utility>

#include "host/build_pipeline.hpp"
#include "host/record_digests.hpp"
#include "write/manifest.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;

const RecordRef k_cv1{RecordKind::Convention, "cv-1"};
const RecordRef k_cv2{RecordKind::Convention, "cv-2"};

// Writes "<path> v<version>" and remembers which paths it rendered.
class Recorder final : public Emitter {
 public:
  Recorder(std::vector<OutputJob> jobs, std::string name = "enregistreur")
      : m_jobs(std::move(jobs)) {
    m_info.name = std::move(name);
  }
  const EmitterInfo& info() const override { return m_info; }
  std::vector<OutputJob> plan(const Model&, const ProjectContext&,
                              const BuildState&) const override {
    return m_jobs;
  }
  void render(const OutputJob& job, const Model&, const BuildState&,
              RenderContext& ctx) const override {
    {
      std::lock_guard lock(m_mutex);
      m_rendered.insert(job.path);
    }
    ctx.write(job.path + " v" + std::to_string(version));
  }
  std::set<std::string> take_rendered() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_rendered, {});
  }
  std::vector<OutputJob> m_jobs;
  int version = 1;

 private:
  EmitterInfo m_info{"enregistreur", "1.0.0", "test", {RecordKind::Convention}, {}, {}};
  mutable std::mutex m_mutex;
  mutable std::set<std::string> m_rendered;
};

OutputJob job(std::string path, std::vector<RecordRef> inputs) {
  return OutputJob{std::move(path), std::move(inputs), {}, {}};
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Convention convention(std::string id, std::string dossier) {
  Convention c;
  c.id = std::move(id);
  c.structure = "st-1";
  c.regime = "relance-2021";
  c.dossier = std::move(dossier);
  return c;
}

class PartialBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("tampon-partial-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "project");
    project = ProjectContext{root / "project", root / "shipped"};
    options.out_dir = root / "out";
    options.jobs = 2;
    options.data_digest = "données";
    options.rules_digest = "barèmes";
    model.records.conventions = {convention("cv-1", "D-1"), convention("cv-2", "D-2")};
    model.index();
  }
  void TearDown() override { fs::remove_all(root); }
  BuildReport build(Recorder& e) { return run_build(model, {&e}, project, options); }
  Manifest manifest() const { return Manifest::read(options.out_dir / "manifest.json"); }

  fs::path root;
  ProjectContext project;
  BuildOptions options;
  Model model;
};

TEST_F(PartialBuild, KeepGoingNeverRendersAJobReadingAnInvalidRecordAndKeepsItsPreviousCopy) {
  Recorder e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("tout.txt", {k_cv1, k_cv2})});
  build(e);
  std::string a_before = read(options.out_dir / "a.txt");
  std::string everything_before = read(options.out_dir / "tout.txt");
  e.take_rendered();
  e.version = 2;
  options.force = true;  // would render everything
  options.keep_going = true;
  model.invalid.insert(k_cv1);
  auto report = build(e);
  EXPECT_EQ(e.take_rendered(), std::set<std::string>{"b.txt"});
  EXPECT_EQ(report.removed, 0u);
  EXPECT_EQ(report.skipped,
            (std::vector<std::string>{"a.txt (fiche en erreur : convention:cv-1)",
                                      "tout.txt (fiche en erreur : convention:cv-1)"}));
  EXPECT_EQ(read(options.out_dir / "a.txt"), a_before);
  EXPECT_EQ(read(options.out_dir / "tout.txt"), everything_before);
  EXPECT_EQ(read(options.out_dir / "b.txt"), "b.txt v2");
  auto m = manifest();
  EXPECT_TRUE(m.entries.at("a.txt").stale);
  EXPECT_TRUE(m.entries.at("tout.txt").stale);
  EXPECT_FALSE(m.entries.at("b.txt").stale);
  EXPECT_EQ(read(options.out_dir / "manifest.json").find("\"stale\": false"), std::string::npos);
}

TEST_F(PartialBuild, AnOutputNoLongerPlannedBecauseItsRecordIsInErrorIsKeptNotRemoved) {
  Recorder e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("vieux.txt", {k_cv2})});
  build(e);
  // cv-1 is in error and no longer derivable: its emitter plans nothing for it; vieux.txt is
  // simply no longer produced.
  e.m_jobs = {job("b.txt", {k_cv2})};
  options.keep_going = true;
  model.invalid.insert(k_cv1);
  auto report = build(e);
  EXPECT_EQ(report.removed, 1u);
  EXPECT_FALSE(fs::exists(options.out_dir / "vieux.txt"));
  EXPECT_EQ(read(options.out_dir / "a.txt"), "a.txt v1");
  EXPECT_EQ(report.skipped, std::vector<std::string>{"a.txt (fiche en erreur : convention:cv-1)"});
  EXPECT_TRUE(manifest().entries.at("a.txt").stale);
}

TEST_F(PartialBuild, PerRecordFingerprintsRenderOnlyTheJobsThatReadAnEditedRecord) {
  Recorder e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("tout.txt", {k_cv1, k_cv2})});
  auto digests = std::make_unique<RecordDigests>(model, 2);
  options.record_digests = digests.get();
  options.per_record = {&e};
  build(e);
  e.take_rendered();
  options.data_digest = "autres données";            // a data file changed…
  model.records.conventions[1].dossier = "D-2 bis";  // …in cv-2
  model.index();
  digests = std::make_unique<RecordDigests>(model, 2);
  options.record_digests = digests.get();
  auto report = build(e);
  EXPECT_EQ(e.take_rendered(), (std::set<std::string>{"b.txt", "tout.txt"}));
  EXPECT_EQ(report.unchanged, 1u);
  // Moving a record (another position) changes nothing.
  model.records.conventions[0].locs.record = SourceLoc{0, 40, 3};
  digests = std::make_unique<RecordDigests>(model, 2);
  options.record_digests = digests.get();
  build(e);
  EXPECT_TRUE(e.take_rendered().empty());
  // An emitter not known to list every record it reads still follows every data file.
  options.per_record.clear();
  options.data_digest = "encore d'autres données";
  build(e);
  EXPECT_EQ(e.take_rendered().size(), 3u);
}

TEST_F(PartialBuild, SelectRendersOnlyTheJobsReadingTheSelectionAndKeepsTheRestAsItWas) {
  Recorder e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("tout.txt", {k_cv1, k_cv2}),
              job("aucune.txt", {}), job("vieux-b.txt", {k_cv2}), job("vieux-a.txt", {k_cv1})});
  build(e);
  auto before = manifest();
  std::string b_before = read(options.out_dir / "b.txt");
  e.take_rendered();
  e.version = 2;
  options.force = true;
  options.selection = std::set<RecordRef>{k_cv1};
  // The next plan drops one output of each convention.
  e.m_jobs = {job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("tout.txt", {k_cv1, k_cv2}),
              job("aucune.txt", {})};
  auto report = build(e);
  EXPECT_EQ(e.take_rendered(), (std::set<std::string>{"a.txt", "tout.txt"}));
  EXPECT_EQ(report.unselected, 2u);
  EXPECT_EQ(report.removed, 1u);  // vieux-a.txt read cv-1: stale; vieux-b.txt is outside
  EXPECT_FALSE(fs::exists(options.out_dir / "vieux-a.txt"));
  EXPECT_TRUE(fs::exists(options.out_dir / "vieux-b.txt"));
  EXPECT_EQ(read(options.out_dir / "b.txt"), b_before);
  auto after = manifest();
  for (std::string path : {"b.txt", "aucune.txt", "vieux-b.txt"}) {
    const ManifestEntry &x = before.entries.at(path), &y = after.entries.at(path);
    EXPECT_EQ(y.sha256, x.sha256) << path;
    EXPECT_EQ(y.fingerprint, x.fingerprint) << path;
    EXPECT_EQ(y.records_json, x.records_json) << path;
    EXPECT_FALSE(y.stale) << path;
  }
  EXPECT_NE(after.entries.at("a.txt").sha256, before.entries.at("a.txt").sha256);
}

// --select sets aside the jobs reading none of the selection as soon as they are planned: one
// still planned is kept as it was even when its previous entry listed a selected record.
TEST_F(PartialBuild, SelectKeepsAnOutputStillPlannedWhoseOldEntryListedTheSelection) {
  Recorder e({job("a.txt", {k_cv1}), job("c.txt", {k_cv1})});
  build(e);
  std::string c_before = read(options.out_dir / "c.txt");
  e.take_rendered();
  e.version = 2;
  options.force = true;
  options.selection = std::set<RecordRef>{k_cv1};
  e.m_jobs = {job("a.txt", {k_cv1}), job("c.txt", {k_cv2})};  // c.txt now reads cv-2 only
  auto report = build(e);
  EXPECT_EQ(e.take_rendered(), std::set<std::string>{"a.txt"});
  EXPECT_EQ(report.removed, 0u);
  EXPECT_EQ(report.unselected, 1u);
  EXPECT_EQ(read(options.out_dir / "c.txt"), c_before);
  EXPECT_TRUE(manifest().entries.contains("c.txt"));
}

// A file two emitters plan is the first one's, and an error of the second, whether the jobs
// are selected or not: --select finds what a full build finds.
TEST_F(PartialBuild, SelectFindsAFilePlannedTwiceAsAFullBuildDoes) {
  Recorder first({job("x.txt", {k_cv2})}, "premier"), second({job("x.txt", {k_cv1})}, "second");
  for (bool select : {false, true}) {
    options.selection.reset();
    if (select) options.selection = std::set<RecordRef>{k_cv1};
    auto report = run_build(model, {&first, &second}, project, options);
    ASSERT_EQ(report.diagnostics.size(), 1u) << select;
    EXPECT_EQ(report.diagnostics[0].code, "emitter-output");
    EXPECT_NE(report.diagnostics[0].message.find("« x.txt » est déjà produit par « premier »"),
              std::string::npos)
        << report.diagnostics[0].message;
    EXPECT_TRUE(second.take_rendered().empty());
    EXPECT_FALSE(fs::exists(options.out_dir / "x.txt"));  // an emitter bug: nothing written
  }
}

TEST(ManifestStale, IsWrittenAfterTheFingerprintOnlyWhenSetAndReadBack) {
  Manifest m;
  m.tool_version = "1";
  m.as_of = "2024-06-30";
  ManifestEntry a{"a.txt", "e",  3, "aa", ManifestEntry::records_of({"convention:cv-1"}),
                  "fa",    false};
  ManifestEntry b{"b.txt", "e", 4, "bb", "", "fb", false};
  b.stale = true;
  m.entries = {{"a.txt", a}, {"b.txt", b}};
  std::string text = m.to_json();
  EXPECT_NE(text.find("\"fingerprint\": \"fa\"\n    }"), std::string::npos) << text;
  EXPECT_NE(text.find("\"fingerprint\": \"fb\",\n      \"stale\": true\n    }"), std::string::npos)
      << text;
  fs::path file = fs::temp_directory_path() / ("tampon-stale-" + std::to_string(::getpid()));
  std::ofstream(file, std::ios::binary) << text;
  Manifest back = Manifest::read(file);
  fs::remove(file);
  ASSERT_EQ(back.entries.size(), 2u);
  EXPECT_FALSE(back.entries.at("a.txt").stale);
  EXPECT_TRUE(back.entries.at("b.txt").stale);
  EXPECT_EQ(back.to_json(), text);
}

}  // namespace
}  // namespace tampon
