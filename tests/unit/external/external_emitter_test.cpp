#include "plugin/external_emitter.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "host/build_pipeline.hpp"
#include "host/emitter_builds.hpp"
#include "plugin/emitter_set.hpp"
#include "scratch.hpp"
#include "small_model.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;
using testing::read_file;
using testing::shell_emitter;

const fs::path k_examples = TAMPON_TEST_EXTERNAL_DIR;
const fs::path k_csv = k_examples / "tampon-emitter-csv-tranches";

// Runs the pipeline as `tampon build` does: check (which runs plan), then plan → render → write.
class ExternalBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    model = testing::small_model();
    project = ProjectContext{scratch.dir() / "project", scratch.dir() / "shipped"};
    options.out_dir = scratch.dir() / "out";
    options.jobs = 2;
  }
  std::unique_ptr<ExternalEmitter> open(const fs::path& program) {
    auto emitter = ExternalEmitter::open(program, diagnostics);
    EXPECT_NE(emitter, nullptr) << (diagnostics.empty() ? "" : diagnostics[0].message);
    return emitter;
  }
  fs::path program(const std::string& name, const std::string& plan, const std::string& render) {
    return scratch.program("plugins/tampon-emitter-" + name, shell_emitter(name, plan, render));
  }
  BuildReport build(const Emitter& emitter) {
    EmitterBuilds builds(*model, {&emitter}, project, options.jobs);
    for (auto& d : emitter.check(*model, project, builds.state(0))) diagnostics.push_back(d);
    return run_build(*model, builds, project, options);
  }
  /// One build's state of `emitter` (Emitter::prepare runs the program's `plan`).
  std::unique_ptr<EmitterBuilds> prepare(const Emitter& emitter) {
    return std::make_unique<EmitterBuilds>(*model, std::vector<const Emitter*>{&emitter}, project,
                                           1);
  }
  testing::Scratch scratch;
  std::unique_ptr<Model> model;
  ProjectContext project;
  BuildOptions options;
  Diagnostics diagnostics;
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find("\r\n", start)) != std::string::npos; start = nl + 2)
    out.push_back(text.substr(start, nl - start));
  return out;
}

TEST_F(ExternalBuild, ThePythonExampleDescribesItself) {
  auto csv = open(k_csv);
  ASSERT_NE(csv, nullptr);
  EXPECT_EQ(csv->info().name, "csv-tranches");
  EXPECT_EQ(csv->info().version, "1.0.0");
  EXPECT_EQ(csv->info().reads,
            (std::vector<RecordKind>{RecordKind::Structure, RecordKind::Convention,
                                     RecordKind::Versement}));
  ASSERT_EQ(csv->info().outputs.size(), 1u);
  EXPECT_EQ(csv->info().outputs[0].path_pattern, "export/tranches.csv");
}

TEST_F(ExternalBuild, ThePythonExampleWritesEveryTrancheInACsv) {
  auto csv = open(k_csv);
  ASSERT_NE(csv, nullptr);
  auto report = build(*csv);
  ASSERT_EQ(count_errors(report.diagnostics) + count_errors(diagnostics), 0u)
      << (report.diagnostics.empty() ? "" : report.diagnostics[0].message);
  EXPECT_EQ(report.written, 1u);
  std::string text = read_file(options.out_dir / "export/tranches.csv");
  ASSERT_TRUE(text.starts_with("\xEF\xBB\xBF")) << "byte-order mark for spreadsheets";
  auto rows = lines(text.substr(3));
  ASSERT_EQ(rows.size(), 1u + 8u);  // header + 3 + 3 + 2 tranches
  EXPECT_TRUE(rows[0].starts_with("convention;structure;structure_nom;departement;"));
  EXPECT_EQ(rows[1],
            "cv-2021-0001;mairie-de-bazuel;Mairie de Bazuel;59;relance-2021;1;cn-0001;1;20;"
            "2021-05-12;1000000;10000,00;versee;non;2021-05-14;1000000");
  EXPECT_EQ(rows[4],
            "cv-2021-0001;mairie-de-bazuel;Mairie de Bazuel;59;relance-2021;2;;1;20;2021-05-02;"
            "800000;8000,00;provisoire;oui;;");
  EXPECT_EQ(rows[8],
            "cv-2021-0002;centre-social-les-dunes;Centre social Les Dunes;62;relance-2021;1;"
            "cn-0002;2;30;2022-10-12;1050000;10500,00;a-venir;non;;");
  auto manifest = nlohmann::json::parse(read_file(options.out_dir / "manifest.json"));
  EXPECT_NE(manifest.dump().find("\"emitter\":\"csv-tranches\""), std::string::npos);
}

TEST_F(ExternalBuild, AnUnchangedRebuildIsKeptAndAnEditedProgramRendersAgain) {
  auto path = scratch.program("plugins/tampon-emitter-csv-tranches", read_file(k_csv));
  auto csv = open(path);
  ASSERT_NE(csv, nullptr);
  EXPECT_EQ(build(*csv).written, 1u);
  auto again = build(*csv);
  EXPECT_EQ(again.written, 0u);
  EXPECT_EQ(again.unchanged, 1u);
  scratch.program("plugins/tampon-emitter-csv-tranches", read_file(k_csv) + "\n# modifié\n");
  EXPECT_EQ(build(*csv).written, 1u);  // the program is one of its outputs' inputs
}

TEST_F(ExternalBuild, EachJobReceivesOnlyTheRecordsItNames) {
  auto dump = open(program("dump",
                           R"(echo '{"jobs": [
        {"path": "a.json", "inputs": [{"kind": "structure", "id": "mairie-de-bazuel"}]},
        {"path": "b.json", "inputs": [{"kind": "convention", "id": "cv-2021-0002"}]},
        {"path": "tout.json"}]}')",
                           R"(cat > "$TAMPON_OUTPUT")"));
  ASSERT_NE(dump, nullptr);
  auto report = build(*dump);
  ASSERT_EQ(count_errors(report.diagnostics), 0u);
  auto a = nlohmann::json::parse(read_file(options.out_dir / "a.json"));
  EXPECT_EQ(a["job"]["path"], "a.json");
  ASSERT_EQ(a["records"]["structures"].size(), 1u);
  EXPECT_EQ(a["records"]["structures"][0]["id"], "mairie-de-bazuel");
  EXPECT_EQ(a["records"]["conventions"].size(), 0u);
  auto b = nlohmann::json::parse(read_file(options.out_dir / "b.json"));
  EXPECT_EQ(b["records"]["structures"].size(), 0u);
  ASSERT_EQ(b["records"]["conventions"].size(), 1u);
  EXPECT_EQ(b["records"]["conventions"][0]["id"], "cv-2021-0002");
  auto all = nlohmann::json::parse(read_file(options.out_dir / "tout.json"));
  EXPECT_EQ(all["records"]["structures"].size(), 2u);
  EXPECT_EQ(all["records"]["conventions"].size(), 2u);
  EXPECT_EQ(all["as_of"], "2022-06-15");
}

TEST_F(ExternalBuild, AFailedRenderIsAnErrorQuotingTheTailOfStderr) {
  auto failing = open(program("casse", R"(echo '{"jobs": [{"path": "x.csv"}]}')",
                              "for i in $(seq 1 30); do echo \"ligne $i\" >&2; done; exit 4"));
  ASSERT_NE(failing, nullptr);
  auto report = build(*failing);
  ASSERT_EQ(report.diagnostics.size(), 1u);
  const auto& d = report.diagnostics[0];
  EXPECT_EQ(d.code, "external-emitter-failed");
  EXPECT_NE(d.message.find("rendu de « x.csv »"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("s'est terminé avec le code 4"), std::string::npos) << d.message;
  ASSERT_EQ(d.notes.size(), 20u);
  EXPECT_EQ(d.notes.front().message, "sortie d'erreur : ligne 11");
  EXPECT_EQ(d.notes.back().message, "sortie d'erreur : ligne 30");
  EXPECT_FALSE(fs::exists(options.out_dir / "x.csv"));
  EXPECT_FALSE(fs::exists(options.out_dir / "manifest.json"));
}

TEST_F(ExternalBuild, ARenderThatWritesNothingFailsTheJob) {
  auto lazy = open(program("paresseux", R"(echo '{"jobs": [{"path": "x.csv"}]}')", "true"));
  ASSERT_NE(lazy, nullptr);
  auto report = build(*lazy);
  ASSERT_EQ(count_errors(report.diagnostics), 1u);
  EXPECT_NE(report.diagnostics[0].message.find("aucun fichier"), std::string::npos);
}

TEST_F(ExternalBuild, AHangingRenderIsKilledAtTheTimeout) {
  ::setenv("TAMPON_EXTERNAL_TIMEOUT", "0.5", 1);
  auto hanging = open(program("bloque", R"(echo '{"jobs": [{"path": "x.csv"}]}')", "sleep 30"));
  ::unsetenv("TAMPON_EXTERNAL_TIMEOUT");
  ASSERT_NE(hanging, nullptr);
  auto start = std::chrono::steady_clock::now();
  auto report = build(*hanging);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_NE(report.diagnostics[0].message.find("délai de 0.5 s"), std::string::npos)
      << report.diagnostics[0].message;
}

TEST_F(ExternalBuild, AProgramSpeakingAnotherProtocolVersionIsRefusedByName) {
  auto path = scratch.program("plugins/tampon-emitter-futur",
                              shell_emitter("futur", "", "", R"("structure")", 2));
  EXPECT_EQ(ExternalEmitter::open(path, diagnostics), nullptr);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].where.file, path.string());
  EXPECT_EQ(diagnostics[0].code, "plugin-load");
  EXPECT_NE(diagnostics[0].message.find("version 2 du protocole"), std::string::npos)
      << diagnostics[0].message;
}

TEST_F(ExternalBuild, AProgramAnnouncingAnotherNameIsRefused) {
  auto path = scratch.program("plugins/tampon-emitter-alpha", shell_emitter("beta", "", ""));
  EXPECT_EQ(ExternalEmitter::open(path, diagnostics), nullptr);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_NE(diagnostics[0].message.find("« beta »"), std::string::npos);
}

TEST_F(ExternalBuild, APathOutsideTheOutputFolderIsRefusedAndNothingIsWritten) {
  auto evil = open(program("malin", R"(echo '{"jobs": [{"path": "../evil"}, {"path": "ok.txt"}]}')",
                           R"(echo pirate > "$TAMPON_OUTPUT")"));
  ASSERT_NE(evil, nullptr);
  auto report = build(*evil);
  ASSERT_EQ(report.diagnostics.size(), 1u);
  EXPECT_EQ(report.diagnostics[0].code, "emitter-output");
  EXPECT_NE(report.diagnostics[0].message.find("« ../evil »"), std::string::npos);
  EXPECT_FALSE(fs::exists(scratch.dir() / "evil"));
  EXPECT_FALSE(fs::exists(options.out_dir / "ok.txt"));
}

TEST_F(ExternalBuild, PlanDiagnosticsAreReportedByCheck) {
  auto warns = open(program(
      "prudent",
      R"(echo '{"jobs": [], "diagnostics": [{"severity": "warning", "message": "attention"}]}')",
      "true"));
  ASSERT_NE(warns, nullptr);
  auto found = warns->check(*model, project, prepare(*warns)->state(0));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].message, "émetteur « prudent » : attention");
}

TEST_F(ExternalBuild, AFailedPlanIsReportedOnceByCheckAndThrowsWhenNobodyChecked) {
  auto path = program("rate", "echo 'plan impossible' >&2; exit 1", "true");
  auto checked = open(path);
  ASSERT_NE(checked, nullptr);
  auto build = prepare(*checked);
  auto found = checked->check(*model, project, build->state(0));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("« plan »"), std::string::npos);
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].message, "sortie d'erreur : plan impossible");
  // --keep-going goes on without it
  EXPECT_TRUE(checked->plan(*model, project, build->state(0)).empty());
  auto unchecked = open(path);
  EXPECT_THROW(unchecked->plan(*model, project, prepare(*unchecked)->state(0)), Fatal);
}

TEST_F(ExternalBuild, ABuildRunsThePlanOnlyOnce) {
  auto counter = scratch.dir() / "plans";
  auto once = open(
      program("compte", "echo x >> '" + counter.string() + "'; echo '{\"jobs\": []}'", "true"));
  ASSERT_NE(once, nullptr);
  auto build = prepare(*once);  // Emitter::prepare runs it
  once->check(*model, project, build->state(0));
  once->plan(*model, project, build->state(0));
  EXPECT_EQ(read_file(counter), "x\n");
}

TEST(ExternalDiscovery, FindsProgramsInTheSameFoldersAsModules) {
  testing::Scratch scratch;
  fs::create_symlink(fs::path(TAMPON_TEST_PLUGIN_DIR) / "sample/sample.so",
                     scratch.dir() / "sample.so");
  fs::create_symlink(k_csv, scratch.dir() / "tampon-emitter-csv-tranches");
  EmitterSet set;
  Diagnostics d;
  set.load_plugin_dirs({scratch.dir()}, d);
  EXPECT_TRUE(d.empty()) << d[0].message;
  ASSERT_EQ(set.all().size(), 2u);
  EXPECT_EQ(set.all()[0].emitter->info().name, "exemple");  // the module
  EXPECT_EQ(set.all()[1].emitter->info().name, "csv-tranches");
  EXPECT_EQ(set.all()[1].origin,
            "programme externe " + (scratch.dir() / "tampon-emitter-csv-tranches").string());
  EXPECT_EQ(set.find("csv-tranches"), set.all()[1].emitter);
}

// Stands for the built-in records-json (the real table is linked into the executable only).
class BuiltinRecordsJson final : public Emitter {
 public:
  const EmitterInfo& info() const override { return m_info; }
  std::vector<OutputJob> plan(const Model&, const ProjectContext&,
                              const BuildState&) const override {
    return {};
  }
  void render(const OutputJob&, const Model&, const BuildState&, RenderContext&) const override {}

 private:
  EmitterInfo m_info{"records-json", "1.0.0", "intégré", {}, {}, {}};
};

TEST(ExternalDiscovery, RefusesANameThatClashesWithABuiltin) {
  testing::Scratch scratch;
  auto path = scratch.program("tampon-emitter-records-json", shell_emitter("records-json", "", ""));
  static const BuiltinEmitter table[] = {
      {"records-json", [] { return std::unique_ptr<Emitter>(new BuiltinRecordsJson); }, false}};
  EmitterSet set;
  set.add_builtins(table);
  Diagnostics d;
  set.load_plugin_dirs({scratch.dir()}, d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].where.file, path.string());
  EXPECT_NE(d[0].message.find("« records-json » existe déjà"), std::string::npos) << d[0].message;
  ASSERT_EQ(set.all().size(), 1u);
  EXPECT_EQ(set.all()[0].origin, "intégré");
}

TEST(ExternalDiscovery, WarnsAboutANonExecutableFileAndRefusesAnInvalidName) {
  testing::Scratch scratch;
  scratch.program("tampon-emitter-lent", shell_emitter("lent", "", ""), fs::perms(0644));
  scratch.program("tampon-emitter-csv.py", shell_emitter("csv.py", "", ""));
  scratch.program("autre-programme", "#!/bin/sh\nexit 1\n");
  EmitterSet set;
  Diagnostics d;
  set.load_plugin_dirs({scratch.dir()}, d);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].severity, Severity::Error);
  EXPECT_NE(d[0].message.find("nom d'émetteur invalide"), std::string::npos) << d[0].message;
  EXPECT_EQ(d[1].severity, Severity::Warning);
  EXPECT_NE(d[1].message.find("non exécutable"), std::string::npos) << d[1].message;
  EXPECT_TRUE(set.all().empty());
}

}  // namespace
}  // namespace tampon
