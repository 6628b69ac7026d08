// An emitter whose plan was made from exactly what it would be made from now is not planned
// again (host/unchanged_emitters.hpp, issue 13); anything that could change its plan or its
// outputs makes the build plan it as before.
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include "host/build_pipeline.hpp"
#include "host/record_digests.hpp"
#include "write/manifest.hpp"
#include "write/plan_memo.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;

const RecordRef k_cv1{RecordKind::Convention, "cv-1"};
const RecordRef k_cv2{RecordKind::Convention, "cv-2"};

// Plans its jobs, counting the calls; writes "<path> v<version>".
class Counted final : public Emitter {
 public:
  explicit Counted(std::vector<OutputJob> jobs) : m_jobs(std::move(jobs)) {}
  const EmitterInfo& info() const override { return m_info; }
  std::vector<OutputJob> plan(const Model&, const ProjectContext&,
                              const BuildState&) const override {
    ++plans;
    return m_jobs;
  }
  void render(const OutputJob& job, const Model&, const BuildState&,
              RenderContext& ctx) const override {
    ++renders;
    if (while_rendering) while_rendering();
    ctx.write(job.path + " v" + std::to_string(version));
  }
  /// Something that happens meanwhile (a person editing a template).
  std::function<void()> while_rendering;
  std::vector<OutputJob> m_jobs;
  int version = 1;
  mutable std::atomic<int> plans{0}, renders{0};

 private:
  EmitterInfo m_info{"compteur", "1.0.0", "test", {RecordKind::Convention}, {}, {}};
};

OutputJob job(std::string path, std::vector<RecordRef> inputs,
              std::vector<std::string> depends_on = {}) {
  return OutputJob{std::move(path), std::move(inputs), std::move(depends_on), {}};
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

Convention convention(std::string id, std::string dossier) {
  Convention c;
  c.id = std::move(id);
  c.structure = "st-1";
  c.regime = "relance-2021";
  c.dossier = std::move(dossier);
  return c;
}

class UnchangedEmitters : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("tampon-unchanged-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "project");
    fs::create_directories(root / "shipped");
    project = ProjectContext{root / "project", root / "shipped"};
    options.out_dir = root / "out";
    options.jobs = 2;
    options.data_digest = "données";
    options.rules_digest = "barèmes";
    options.digest_records = true;
    options.remember_plans = true;
    model.records.conventions = {convention("cv-1", "D-1"), convention("cv-2", "D-2")};
    model.index();
  }
  void TearDown() override { fs::remove_all(root); }
  // One build of `e`, an audited emitter whose jobs list every record they read.
  BuildReport build(Counted& e) {
    options.per_record = {&e};
    return run_build(model, {&e}, project, options);
  }
  // Builds once with everything new, then again with nothing changed: the second build does
  // not plan. Returns the number of plans of the build after `change`.
  int plans_after(Counted& e, const std::function<void()>& change) {
    build(e);
    build(e);
    EXPECT_EQ(e.plans, 1) << "rien n'a changé : l'émetteur n'est pas replanifié";
    change();
    e.plans = 0;
    build(e);
    return e.plans;
  }

  fs::path root;
  ProjectContext project;
  BuildOptions options;
  Model model;
};

TEST_F(UnchangedEmitters, NothingChangedNothingIsPlannedAgainNorWritten) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("tout.txt", {k_cv1, k_cv2})});
  build(e);
  std::string manifest_before = read(options.out_dir / "manifest.json");
  auto report = build(e);
  EXPECT_EQ(e.plans, 1);
  EXPECT_EQ(e.renders, 3);
  EXPECT_EQ(report.unchanged, 3u);
  EXPECT_EQ(report.planned, 3u);
  EXPECT_TRUE(report.wrote_nothing);
  EXPECT_EQ(read(options.out_dir / "manifest.json"), manifest_before);
}

TEST_F(UnchangedEmitters, ARecordEditedPlansAgainAndRendersWhatReadsIt) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2})});
  EXPECT_EQ(plans_after(e,
                        [&] {
                          model.records.conventions[0].dossier = "D-1 bis";
                          model.index();
                          options.data_digest = "données modifiées";  // the file edited
                        }),
            1);
  EXPECT_EQ(e.renders, 3);  // a.txt once more
}

// The data files' digest is compared first: the same files, the same records, none digested.
// Other files may hold the same records (one moved to another file, a comment edited): the
// records' digests then decide.
TEST_F(UnchangedEmitters, DataFilesEditedWithoutChangingARecordPlanNothing) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2})});
  EXPECT_EQ(plans_after(e, [&] { options.data_digest = "un commentaire ajouté"; }), 0);
  EXPECT_EQ(e.renders, 2);
  // The memo now knows these files (the next build compares their digest alone), and then
  // the first ones again.
  auto data_key = [&] { return PlanMemo::read(options.out_dir).emitters.at("compteur").data_key; };
  std::string with_comment = data_key();
  options.data_digest = "données";
  build(e);
  EXPECT_NE(data_key(), with_comment);
  EXPECT_EQ(e.plans, 0);
}

TEST_F(UnchangedEmitters, AnOutputEditedByHandIsRenderedAgain) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2})});
  EXPECT_EQ(plans_after(e, [&] { write(options.out_dir / "a.txt", "modifié à la main"); }), 1);
  EXPECT_EQ(read(options.out_dir / "a.txt"), "a.txt v1");
}

TEST_F(UnchangedEmitters, ADependencyEditedPlansAgain) {
  write(root / "project/templates/page.txt", "gabarit");
  Counted e({job("a.txt", {k_cv1}, {"templates/page.txt"})});
  EXPECT_EQ(plans_after(e, [&] { write(root / "project/templates/page.txt", "autre gabarit"); }),
            1);
}

// The memo records the files as planning read them: a template edited while the outputs were
// being rendered leaves them made from the old one, and the next build must plan again.
TEST_F(UnchangedEmitters, ADependencyEditedDuringTheBuildPlansAgainNextTime) {
  fs::path page = root / "project/templates/page.txt";
  write(page, "gabarit");
  Counted e({job("a.txt", {k_cv1}, {"templates/page.txt"})});
  e.while_rendering = [&] { write(page, "gabarit modifié pendant la construction"); };
  build(e);
  e.while_rendering = nullptr;
  build(e);
  EXPECT_EQ(e.plans, 2);
  EXPECT_EQ(e.renders, 2);
}

TEST_F(UnchangedEmitters, AProjectFileNamedLikeAShippedDependencyPlansAgain) {
  write(root / "shipped/templates/page.txt", "gabarit livré");
  Counted e({job("a.txt", {k_cv1}, {(root / "shipped/templates/page.txt").string()})});
  // The project's own copy now stands for it (ProjectContext::find): same bytes, other file.
  EXPECT_EQ(plans_after(e, [&] { write(root / "project/templates/page.txt", "gabarit livré"); }),
            1);
}

// Another project with the same data, built into the same --out (a copy of the project
// folder, one of its templates edited): its emitters read other files, so they plan again.
TEST_F(UnchangedEmitters, AnotherProjectIntoTheSameOutPlansAgain) {
  write(root / "project/templates/page.txt", "gabarit");
  write(root / "copie/templates/page.txt", "gabarit de la copie");
  Counted e({job("a.txt", {k_cv1}, {(root / "project/templates/page.txt").string()})});
  EXPECT_EQ(plans_after(e,
                        [&] {
                          project.project_dir = root / "copie";
                          e.m_jobs = {job("a.txt", {k_cv1},
                                          {(root / "copie/templates/page.txt").string()})};
                        }),
            1);
}

TEST_F(UnchangedEmitters, AManifestWrittenAgainMakesTheMemoWorthless) {
  Counted e({job("a.txt", {k_cv1})});
  EXPECT_EQ(plans_after(e,
                        [&] {
                          fs::path manifest = options.out_dir / "manifest.json";
                          std::string text = read(manifest);
                          fs::remove(manifest);
                          write(manifest, text);  // the same bytes, another file
                        }),
            1);
}

TEST_F(UnchangedEmitters, ADamagedOrMissingMemoPlansAgain) {
  Counted e({job("a.txt", {k_cv1})});
  fs::path memo = options.out_dir / PlanMemo::k_file_name;
  EXPECT_EQ(plans_after(e, [&] { write(memo, "tampon-plans 1\nn'importe quoi\n"); }), 1);
  EXPECT_EQ(plans_after(e, [&] { fs::remove(memo); }), 1);
  EXPECT_EQ(plans_after(e,
                        [&] {
                          fs::remove(memo);
                          write(root / "leurre", PlanMemo::read(options.out_dir).text());
                          fs::create_symlink(root / "leurre", memo);
                        }),
            1);
}

TEST_F(UnchangedEmitters, RecordsInErrorOrForceAlwaysPlan) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2})});
  EXPECT_EQ(plans_after(e,
                        [&] {
                          options.keep_going = true;
                          model.invalid.insert(k_cv2);
                        }),
            1);
  e.plans = 0;
  build(e);
  EXPECT_EQ(e.plans, 1) << "un enregistrement en erreur : replanifié à chaque construction";
  model.invalid.clear();
  build(e);
  e.plans = 0;
  options.force = true;
  build(e);
  EXPECT_EQ(e.plans, 1);
}

TEST_F(UnchangedEmitters, UnderSelectTheOthersCountAsOutsideTheSelection) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("tout.txt", {k_cv1, k_cv2})});
  build(e);
  build(e);
  options.selection = std::set<RecordRef>{k_cv1};
  auto report = build(e);
  EXPECT_EQ(e.plans, 1);
  EXPECT_EQ(report.unchanged, 2u);  // a.txt, tout.txt
  EXPECT_EQ(report.unselected, 1u);
}

TEST(PlanMemo, ReadsBackWhatItWrites) {
  PlanMemo memo;
  memo.manifest = {12, 34, 56, 78};
  memo.emitters["bulletin"] = {
      std::string(64, 'a'), std::string(64, 'c'), 3, {{"/gabarits/page.mustache", "absent"}}};
  memo.emitters["avec espace"] = {std::string(64, 'b'), std::string(64, 'd'), 0, {}};
  fs::path dir = fs::temp_directory_path() / ("tampon-memo-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  write(dir / PlanMemo::k_file_name, memo.text());
  EXPECT_EQ(PlanMemo::read(dir), memo);
  write(dir / PlanMemo::k_file_name, memo.text().substr(0, memo.text().size() - 3));
  EXPECT_TRUE(PlanMemo::read(dir).emitters.empty()) << "tronqué : ignoré";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tampon
