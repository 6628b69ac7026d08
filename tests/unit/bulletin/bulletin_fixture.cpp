#include "bulletin_fixture.hpp"

#include "io/source_file.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tampon {
std::unique_ptr<Emitter> make_bulletin_emitter();
}

namespace tampon::testing {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Conseiller conseiller(std::string id, std::string prenom, std::string nom, bool publish) {
  Conseiller c;
  c.id = std::move(id);
  c.prenom = std::move(prenom);
  c.nom = std::move(nom);
  c.courriel = c.prenom + ".secret@example.org";
  c.structure = "hostile";
  c.publication_nom = publish;
  c.contrat.debut = d("2022-01-01");
  return c;
}

Rapport rapport(std::string who, const char* month, std::array<int, 6> counts) {
  Rapport r;
  r.structure = "hostile";
  r.conseiller = std::move(who);
  r.mois = *Month::parse(month);
  r.activites = {counts[0], counts[1], counts[2], counts[3], counts[4]};
  r.usagers_accompagnes = counts[5];
  return r;
}

void set_theme(Rapport& r, Theme theme, int count) {
  r.themes[static_cast<std::size_t>(theme)] = count;
}

class Context final : public RenderContext {
 public:
  Context(const ProjectContext& p, std::filesystem::path out)
      : m_project(p), m_out(std::move(out)) {}
  const ProjectContext& project() const override { return m_project; }
  const std::filesystem::path& output_path() const override { return m_out; }
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  Diagnostics diagnostics;

 private:
  const ProjectContext& m_project;
  std::filesystem::path m_out;
};

}  // namespace

std::unique_ptr<Model> bulletin_model() {
  auto m = std::make_unique<Model>();
  m->as_of = d("2022-07-15");
  Structure s;
  s.id = "hostile";
  s.nom = k_hostile_name;
  s.type = StructureType::Association;
  s.siret = "40483304800022";
  s.adresse = {"12 rue des Secrets", "59000", "Lille"};
  s.representant = {"Renée Représentante", "Présidente"};
  s.contact = {"Jeanne Contact", "jeanne.contact@example.org", "03 27 99 99 99"};
  Structure quiet = s;
  quiet.id = "sans-rapport";
  quiet.nom = "Structure sans rapport";
  m->records.structures = {s, quiet};
  m->records.conseillers = {conseiller("cn-0001", "Camille", "Durand", true),
                            conseiller("cn-0002", "Jean", "Secret", false)};
  Rapport march = rapport("cn-0001", "2022-03", {10, 2, 12, 5, 1, 20});
  set_theme(march, Theme::Equipement, 5);
  Rapport april = rapport("cn-0001", "2022-04", {12, 3, 20, 6, 2, 25});
  set_theme(april, Theme::Equipement, 10);
  set_theme(april, Theme::DemarchesEnLigne, 8);
  april.lieux = {10, 3, 0, 0};
  april.has_lieux = true;
  april.faits_marquants =
      "Atelier **repérer les arnaques** avec le club des aînés.\n\n"
      "<script>alert(\"faits\")</script>\n\n[un lien](javascript:alert(1))\n\n"
      "```signatures\nNe pas signer\n```\n\n# Un titre\n\n"
      "![Affiche de l'atelier](https://traceur.example/pixel.png)";
  Rapport may = rapport("cn-0001", "2022-05", {8, 1, 6, 4, 0, 15});
  // Personal data typed into a highlight: the bulletin masks it (personal-data-in-text).
  may.faits_marquants =
      "Permanence au club. Contact : mediatheque.perso@example.org ou 06 12 34 56 78, "
      "[écrire](mailto:ecrire.perso@example.org). Une usagère née le 12/03/1985 a passé le cap.";
  set_theme(may, Theme::Courriel, 4);
  Rapport june = rapport("cn-0001", "2022-06", {10, 2, 14, 3, 1, 18});
  set_theme(june, Theme::Securite, 6);
  Rapport july = rapport("cn-0001", "2022-07", {3, 0, 0, 1, 0, 4});
  Rapport october = rapport("cn-0001", "2022-10", {1, 0, 0, 0, 0, 1});
  Rapport j_april = rapport("cn-0002", "2022-04", {5, 1, 8, 2, 0, 9});
  Rapport j_june = rapport("cn-0002", "2022-06", {7, 0, 0, 1, 3, 10});
  j_june.faits_marquants = "Permanence ouverte à la médiathèque.";
  m->records.rapports = {march, april, may, june, july, october, j_april, j_june};
  m->index();
  return m;
}

namespace {

/// What the host gives `prepare`, on one thread (host/emitter_builds.cpp is not linked here).
class Preparing final : public PrepareContext {
 public:
  explicit Preparing(const ProjectContext& project) : m_project(project) {}
  const ProjectContext& project() const override { return m_project; }
  void for_each(std::size_t count, const std::function<void(std::size_t)>& work) override {
    for (std::size_t i = 0; i < count; ++i) work(i);
  }
  SourceStatus read_source(const std::filesystem::path& path, const SourceRoot& root,
                           std::string& bytes) override {
    return tampon::read_source(path, root, bytes);
  }

 private:
  const ProjectContext& m_project;
};

}  // namespace

std::unique_ptr<BuildState> prepare_bulletins(const Emitter& emitter, const Model& model,
                                              const ProjectContext& project) {
  Preparing ctx(project);
  return emitter.prepare(model, ctx);
}

std::vector<OutputJob> emit_bulletins(const Model& model, const std::filesystem::path& out,
                                      Diagnostics* diagnostics) {
  auto emitter = make_bulletin_emitter();
  // The shipped templates (templates/bulletin/) unless the project has its own.
  ProjectContext project{out.parent_path(), TAMPON_SOURCE_DIR};
  auto state = prepare_bulletins(*emitter, model, project);
  auto jobs = emitter->plan(model, project, *state);
  for (const OutputJob& job : jobs) {
    std::filesystem::create_directories((out / job.path).parent_path());
    Context ctx(project, out / job.path);
    emitter->render(job, model, *state, ctx);
    if (diagnostics)
      diagnostics->insert(diagnostics->end(), ctx.diagnostics.begin(), ctx.diagnostics.end());
  }
  return jobs;
}

Diagnostics check_bulletins(const Model& model) {
  return check_bulletins(model, std::filesystem::temp_directory_path());
}

Diagnostics check_bulletins(const Model& model, const std::filesystem::path& project_dir) {
  ProjectContext project{project_dir, TAMPON_SOURCE_DIR};
  auto emitter = make_bulletin_emitter();
  return emitter->check(model, project, *prepare_bulletins(*emitter, model, project));
}

std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("tampon-bulletin-" + std::to_string(getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error(command);
  std::string out;
  char buffer[8192];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
  return out;
}

}  // namespace tampon::testing
