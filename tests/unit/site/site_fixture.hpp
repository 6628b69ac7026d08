#pragma once
// A throw-away project folder with its own content/, the shipped templates and DSFR (from the
// source tree), a hand-built Baremes, and a RenderContext that writes where told.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "host/emitter_builds.hpp"
#include "tampon/emitter.hpp"
#include "tampon/model.hpp"

namespace tampon {
std::unique_ptr<Emitter> make_site_emitter();
}

namespace tampon::site_test {

namespace fs = std::filesystem;

inline std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline Baremes sample_baremes() {
  Baremes b;
  b.convention_max_months = 36;
  b.overseas.push_back({{"974", "976"}, "La Réunion, Mayotte", Money::euros(67500), "[002]"});
  Regime r;
  r.id = "relance-2021";
  r.label = "France Relance 2021";
  r.eligible = {Family::Collectivite, Family::Prive};
  GridRow pub;
  pub.id = "public-50000";
  pub.label = "Collectivité, contrat de droit public";
  pub.families = {Family::Collectivite};
  pub.contracts = {ContractType::CddDroitPublic};
  pub.amount = Money::euros(50000);
  pub.overseas = OverseasPolicy::Increased;
  GridRow odd = pub;
  odd.id = "odd";
  odd.label = "Ligne à centimes";
  odd.amount = Money::cents(3333333);  // 33 333,33 €: the tranches must still add up
  odd.months = 18;
  odd.overseas = OverseasPolicy::None;
  r.grid = {pub, odd};
  r.anchor = Anchor::FormationDepart;
  r.tranches = {{20, 1}, {30, 6}, {50, 12}};
  b.regimes.push_back(r);
  return b;
}

class Context final : public RenderContext {
 public:
  Context(const ProjectContext& project, fs::path out)
      : m_project(project), m_out(std::move(out)) {}
  const ProjectContext& project() const override { return m_project; }
  const fs::path& output_path() const override { return m_out; }
  void report(Diagnostic d) override { reported.push_back(std::move(d)); }
  Diagnostics reported;

 private:
  const ProjectContext& m_project;
  fs::path m_out;
};

/// A project with a few pages; tests add or overwrite files, then build.
class Project {
 public:
  Project() {
    static int counter = 0;
    dir = fs::temp_directory_path() /
          ("tampon-site-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir / "content");
    project.project_dir = dir;
    project.shipped_dir = TAMPON_SOURCE_DIR;
    model.baremes = sample_baremes();
    fs::copy_file(fs::path(TAMPON_SOURCE_DIR) / "content" / "site.yaml",
                  dir / "content" / "site.yaml");
    for (const char* page : {"accessibilite.md", "mentions-legales.md", "donnees-personnelles.md",
                             "plan-du-site.md", "404.md", "recherche.md"})
      fs::copy_file(fs::path(TAMPON_SOURCE_DIR) / "content" / page, dir / "content" / page);
    write("content/_index.md",
          "---\ntitle: Accueil\nlayout: home\nmenu: principal\norder: 0\n---\n\nBienvenue.\n");
  }
  ~Project() { fs::remove_all(dir); }

  void write(const std::string& relative, const std::string& text) {
    fs::create_directories((dir / relative).parent_path());
    std::ofstream(dir / relative, std::ios::binary) << text;
  }

  /// check + plan + render every job into out/; returns check's findings.
  Diagnostics build() {
    auto emitter = make_site_emitter();
    EmitterBuilds builds(model, {emitter.get()}, project, 2);
    Diagnostics findings = emitter->check(model, project, builds.state(0));
    jobs = emitter->plan(model, project, builds.state(0));
    for (const OutputJob& job : jobs) {
      fs::path target = dir / "out" / job.path;
      fs::create_directories(target.parent_path());
      Context ctx(project, target);
      emitter->render(job, model, builds.state(0), ctx);
      findings.insert(findings.end(), ctx.reported.begin(), ctx.reported.end());
    }
    return findings;
  }

  std::string output(const std::string& relative) const { return read_all(dir / "out" / relative); }

  fs::path dir;
  ProjectContext project;
  Model model;
  std::vector<OutputJob> jobs;
};

inline const Diagnostic* find_code(const Diagnostics& all, std::string_view code) {
  for (const auto& d : all)
    if (d.code == code) return &d;
  return nullptr;
}

inline std::size_t errors(const Diagnostics& all) {
  std::size_t n = 0;
  for (const auto& d : all) n += d.severity == Severity::Error;
  return n;
}

}  // namespace tampon::site_test
