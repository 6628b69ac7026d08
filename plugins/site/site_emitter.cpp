// site: the employer-guide website (outputs.md `site/`), from content/, templates/site/ and
// the baremes, with the French State design system.
#include <memory>

#include "page_render.hpp"
#include "site_build.hpp"
#include "site_state.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
namespace {

using site::SiteBuild;

class SiteEmitter final : public Emitter {
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

  /// The site read once per build, or the previous build's updated in place (`tampon serve`:
  /// site_state.hpp).
  std::unique_ptr<BuildState> prepare(const Model& model, PrepareContext& ctx) const override {
    return site::prepare_site(model, ctx);
  }

  Diagnostics check(const Model&, const ProjectContext&, const BuildState& state) const override {
    return state.as<SiteBuild>().findings;
  }

  std::vector<OutputJob> plan(const Model&, const ProjectContext&,
                              const BuildState& state) const override {
    const auto& files = state.as<SiteBuild>().files;
    std::vector<OutputJob> jobs;
    jobs.reserve(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      const site::SiteFile& file = files[i];
      jobs.push_back({"site/" + file.output,
                      {},
                      file.depends_on,
                      {.kind = static_cast<std::uint32_t>(file.kind), .index = i},
                      file.fingerprint});
    }
    return jobs;
  }

  void render(const OutputJob& job, const Model& model, const BuildState& state,
              RenderContext& ctx) const override {
    const SiteBuild& build = state.as<SiteBuild>();
    std::string bytes;
    const site::CopiedFile* copy = nullptr;
    auto scratch = build.scratch->take();
    // A copy is read (never followed: io/source_file.hpp) and written like any other output.
    if (!site::produce(*build.site, model, build.files.at(job.id.index), bytes, copy, *scratch))
      bytes = site::read_copied(*copy);
    ctx.write(bytes);
  }
};

}  // namespace

std::unique_ptr<Emitter> make_site_emitter() { return std::make_unique<SiteEmitter>(); }

}  // namespace tampon
