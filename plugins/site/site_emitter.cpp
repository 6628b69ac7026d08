// site: the employer-guide website (outputs.md `site/`), from content/, templates/site/ and
// the baremes, with the French State design system.
#include <filesystem>
#include <memory>
#include <mutex>

#include "serve/preview.hpp"
#include "site_build.hpp"
#include "site_session.hpp"
#include "site_stamp.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
namespace {

namespace fs = std::filesystem;
using site::SiteModel;

class SiteEmitter final : public Emitter, public serve::PreviewSource {
 public:
  const EmitterInfo& info() const override {
    static const EmitterInfo k_info{
        "site",
        "1.0.0",
        "site du guide de l'employeur (DSFR, FAQ, recherche hors ligne, pages tirées des barèmes)",
        {},
        {{"site/<page>/index.html", "text/html"},
         {"site/sitemap.xml", "application/xml"},
         {"site/recherche/index.json", "application/json"},
         {"site/donnees/grille-des-montants.csv", "text/csv"},
         {"site/dsfr/<fichier>", "text/css, font/woff2, image/svg+xml …"}},
        {
            {"site-config", Severity::Error,
             "Configuration du site incomplète (nom du service, adresse, liens obligatoires)."},
            {"site-dsfr-missing", Severity::Error,
             "Le système de design de l'État n'est pas installé."},
            {"site-read", Severity::Error, "Page de content/ illisible."},
            {"site-front-matter", Severity::Error, "En-tête YAML d'une page invalide."},
            {"site-template", Severity::Error, "Gabarit de page du site absent ou mal formé."},
            {"site-missing-page", Severity::Error,
             "Page obligatoire absente (accessibilité, mentions légales, données personnelles…)."},
            {"site-duplicate-page", Severity::Error, "Deux pages produisent la même adresse."},
            {"site-alias", Severity::Error,
             "Alias de page invalide ou déjà pris par une autre page."},
            {"site-data-block", Severity::Error, "Bloc de données du barème inconnu ou mal formé."},
            {"site-broken-link", Severity::Error,
             "Lien interne ou ancre vers une page qui n'existe pas."},
            {"site-raw-html", Severity::Warning,
             "HTML brut dans le Markdown : ses balises sont ignorées, son texte gardé."},
            {"site-table-caption", Severity::Warning,
             "Tableau sans titre (légende) pour l'accessibilité."},
        }};
    return k_info;
  }

  Diagnostics check(const Model& model, const ProjectContext& project) const override {
    return site::check_site(*site_for(project), model);
  }

  std::vector<OutputJob> plan(const Model&, const ProjectContext& project) const override {
    std::vector<OutputJob> jobs;
    for (auto& file : site::site_files(*site_for(project)))
      jobs.push_back(OutputJob{"site/" + file.output, {}, std::move(file.depends_on), file.key});
    return jobs;
  }

  void render(const OutputJob& job, const Model& model, RenderContext& ctx) const override {
    auto site = site_for(ctx.project(), /*revalidate=*/false);
    std::string bytes;
    const site::CopiedFile* copy = nullptr;
    std::string output = job.path.substr(5);  // without "site/"
    // A copy is read (never followed: io/source_file.hpp) and written like any other output.
    if (!site::produce(*site, model, job.key, output, bytes, copy))
      bytes = site::read_copied(*copy);
    ctx.write(bytes);
  }

  std::unique_ptr<serve::SiteSession> open_session(const ProjectContext& project,
                                                   bool live_reload) const override {
    return site::make_site_session(project, live_reload);
  }

 private:
  /// check, plan and render read the same site: it is read once per state of the files
  /// (a memo of a pure function of content/ and templates/, safe across threads).
  /// `render` runs right after `plan` on the same files: it takes the site plan read without
  /// walking content/ again (that walk per job made a 1 000-page build quadratic).
  std::shared_ptr<const SiteModel> site_for(const ProjectContext& project,
                                            bool revalidate = true) const {
    if (!revalidate) {
      std::lock_guard lock(m_mutex);
      if (m_site && m_stamp.project == project.project_dir.string() &&
          m_stamp.shipped == project.shipped_dir.string())
        return m_site;
    }
    site::Stamp stamp = site::stamp_of(project);
    std::lock_guard lock(m_mutex);
    if (!m_site || !(stamp == m_stamp)) {
      m_site = site::read_site(project, false);
      m_stamp = std::move(stamp);
    }
    return m_site;
  }

  mutable std::mutex m_mutex;
  mutable std::shared_ptr<const SiteModel> m_site;
  mutable site::Stamp m_stamp;
};

}  // namespace

std::unique_ptr<Emitter> make_site_emitter() { return std::make_unique<SiteEmitter>(); }

}  // namespace tampon
