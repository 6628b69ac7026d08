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

// Narrowed planning (host/changed_records.hpp): records read from two files; when one file
// changes, the outputs that read none of its records keep their previous fingerprints
// uncomputed, and the manifest is byte for byte the one a build from scratch writes.
class NarrowedPlanning : public UnchangedEmitters {
 protected:
  void SetUp() override {
    UnchangedEmitters::SetUp();
    std::uint32_t a = model.records.files.add("data/conventions/a.yaml");
    std::uint32_t b = model.records.files.add("data/conventions/b.yaml");
    model.records.conventions[0].locs.record = {a, 1, 1};
    model.records.conventions[1].locs.record = {b, 1, 1};
    model.index();
    options.data_files = {{"data/conventions/a.yaml", std::string(64, 'a')},
                          {"data/conventions/b.yaml", std::string(64, 'b')}};
  }
  // Edits cv-1, as an edit of a.yaml does.
  void edit_cv1() {
    model.records.conventions[0].dossier = "D-1 modifié";
    model.index();
    options.data_digest = "données modifiées";
    options.data_files[0].second = std::string(64, 'c');
  }
  // manifest.json as a build from scratch writes it for the same model.
  std::string from_scratch(Counted& e) {
    BuildOptions fresh = options;
    fresh.out_dir = root / "scratch";
    fs::remove_all(fresh.out_dir);
    fresh.per_record = {&e};
    run_build(model, {&e}, project, fresh);
    return read(fresh.out_dir / "manifest.json");
  }
};

TEST_F(NarrowedPlanning, OutputsReadingNoChangedRecordKeepTheirFingerprints) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("tout.txt", {k_cv1, k_cv2})});
  build(e);
  build(e);
  edit_cv1();
  auto report = build(e);
  EXPECT_EQ(e.plans, 2);
  EXPECT_EQ(report.fingerprints_kept, 1u);  // b.txt
  EXPECT_EQ(report.written, 2u);            // a.txt, tout.txt
  EXPECT_EQ(report.unchanged, 1u);
  EXPECT_EQ(read(options.out_dir / "manifest.json"), from_scratch(e));
  // The next build knows the new files: nothing changed, nothing planned.
  e.plans = 0;
  build(e);
  EXPECT_EQ(e.plans, 0);
}

// A record removed, or added, in an unchanged file's neighbour: the lists of the outputs that
// read it change, so they are fingerprinted, although the other records they read did not.
TEST_F(NarrowedPlanning, AnOutputWhoseRecordsAreNoLongerTheSameIsFingerprinted) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2}), job("tout.txt", {k_cv1, k_cv2})});
  build(e);
  build(e);
  // cv-2 removed from b.yaml: tout.txt now reads cv-1 alone, which did not change.
  model.records.conventions.pop_back();
  model.index();
  options.data_digest = "b.yaml sans cv-2";
  options.data_files[1].second = std::string(64, 'd');
  e.m_jobs = {job("a.txt", {k_cv1}), job("tout.txt", {k_cv1})};
  auto report = build(e);
  EXPECT_EQ(report.fingerprints_kept, 1u);  // a.txt
  EXPECT_EQ(report.removed, 1u);            // b.txt
  EXPECT_EQ(read(options.out_dir / "manifest.json"), from_scratch(e));
}

// Without the memo's data files (a memo damaged, a data file unread, too many changed), or
// with anything else changed, nothing is narrowed: the same outputs, all fingerprinted.
TEST_F(NarrowedPlanning, NothingIsNarrowedWithoutTheFilesOfTheLastBuild) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2})});
  build(e);
  build(e);
  auto saved = options.data_files;
  options.data_files.clear();  // this build lists none: the next one has nothing to compare
  model.records.conventions[1].dossier = "D-2 bis";
  model.index();
  options.data_digest = "autre";
  EXPECT_EQ(build(e).fingerprints_kept, 0u);
  options.data_files = saved;
  edit_cv1();
  EXPECT_EQ(build(e).fingerprints_kept, 0u);
  EXPECT_EQ(read(options.out_dir / "manifest.json"), from_scratch(e));
}

TEST_F(NarrowedPlanning, NothingIsNarrowedWhenAFileTheJobsReadChangedToo) {
  write(root / "project/templates/page.txt", "gabarit");
  Counted e({job("a.txt", {k_cv1}, {"templates/page.txt"}),
             job("b.txt", {k_cv2}, {"templates/page.txt"})});
  build(e);
  build(e);
  edit_cv1();
  write(root / "project/templates/page.txt", "autre gabarit");
  auto report = build(e);
  EXPECT_EQ(report.fingerprints_kept, 0u);
  EXPECT_EQ(report.written, 2u);
  EXPECT_EQ(read(options.out_dir / "manifest.json"), from_scratch(e));
}

// The rules or the reference date changed with the record: every fingerprint changes.
TEST_F(NarrowedPlanning, NothingIsNarrowedWhenTheRulesChangedToo) {
  Counted e({job("a.txt", {k_cv1}), job("b.txt", {k_cv2})});
  build(e);
  build(e);
  edit_cv1();
  options.rules_digest = "barèmes de l'an prochain";
  auto report = build(e);
  EXPECT_EQ(report.fingerprints_kept, 0u);
  EXPECT_EQ(report.written, 2u);
  EXPECT_EQ(read(options.out_dir / "manifest.json"), from_scratch(e));
}

TEST(PlanMemo, ReadsBackWhatItWrites) {
  PlanMemo memo;
  memo.manifest = {12, 34, 56, 78};
  memo.data_files = {{"data/a b.yaml", std::string(64, '1')},
                     {"data/c.yaml", std::string(64, '2')}};
  memo.emitters["bulletin"] = {std::string(64, 'a'),
                               std::string(64, 'c'),
                               std::string(64, 'e'),
                               3,
                               {{"/gabarits/page.mustache", "absent"}}};
  memo.emitters["avec espace"] = {
      std::string(64, 'b'), std::string(64, 'd'), std::string(64, 'f'), 0, {}};
  fs::path dir = fs::temp_directory_path() / ("tampon-memo-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  write(dir / PlanMemo::k_file_name, memo.text());
  EXPECT_EQ(PlanMemo::read(dir), memo);
  write(dir / PlanMemo::k_file_name, memo.text().substr(0, memo.text().size() - 3));
  EXPECT_TRUE(PlanMemo::read(dir).emitters.empty()) << "tronqué : ignoré";
  // Data files out of order, or a memo of the previous format: not read.
  std::swap(memo.data_files[0], memo.data_files[1]);
  std::string text = memo.text();
  EXPECT_EQ(text.find("data "), std::string::npos) << "jamais écrits dans le désordre";
  std::string swapped = "tampon-plans 3\nmanifest 12 34 56 78\ndata " + std::string(64, '2') +
                        " data/c.yaml\ndata " + std::string(64, '1') + " data/a.yaml\n";
  write(dir / PlanMemo::k_file_name, swapped);
  EXPECT_TRUE(PlanMemo::read(dir).data_files.empty());
  write(dir / PlanMemo::k_file_name, "tampon-plans 2\nmanifest 12 34 56 78\n");
  EXPECT_EQ(PlanMemo::read(dir), PlanMemo{});
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tampon
