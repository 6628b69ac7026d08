#include "document_job.hpp"

#include <optional>

#include <algorithm>
#include <stdexcept>

#include "document_view.hpp"
#include "render/template/markdown_template.hpp"

namespace tampon::convention_pdf {
namespace {

void add_post_holders(const ConventionVersion& version, std::vector<RecordRef>& refs) {
  for (const PostState& post : version.posts)
    if (post.conseiller) refs.push_back({RecordKind::Conseiller, *post.conseiller});
}

void normalize(std::vector<RecordRef>& refs) {
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
}

doc::DocumentOptions common_options(const ConventionState& state) {
  doc::DocumentOptions o;
  o.author = "Banque des Territoires (groupe Caisse des Dépôts), pour le compte de l’État";
  o.header_right = "Dispositif Conseiller numérique";
  o.footer_left = state.structure->nom;
  return o;
}

std::string header_of(const ConventionState& state) {
  std::string h = "Convention n°\u00A0" + state.record->id;
  if (state.record->dossier) h += " · dossier " + *state.record->dossier;
  return h;
}

}  // namespace

std::string convention_template_for(const ProjectContext& project, std::string_view regime) {
  if (tmpl::is_valid_partial_name(regime)) {
    std::string own = "templates/documents/convention-" + std::string(regime) + ".md";
    std::error_code ec;
    if (std::filesystem::exists(project.find(own), ec)) return own;
  }
  return k_convention_template;
}

DocumentTemplate load_document_template(const ProjectContext& project,
                                        const std::string& relative) {
  DocumentTemplate t;
  auto path = project.find(relative);
  // Only regular files really inside templates/ (io/source_file.hpp): never a planted link.
  t.main =
      tmpl::load_template(path, project.display(path), SourceRoot::of(project, path, "templates"));
  t.files.push_back(path.string());
  for (const std::string& name : tmpl::partial_names(t.main)) {
    if (!tmpl::is_valid_partial_name(name)) continue;
    auto partial = project.find(k_clauses_dir + name + ".md");
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(partial, ec))) continue;
    t.partials.emplace(name, tmpl::load_template(partial, project.display(partial),
                                                 SourceRoot::of(project, partial, "templates")));
    t.files.push_back(partial.string());
  }
  return t;
}

std::vector<RecordRef> convention_inputs(const ConventionState& state) {
  std::vector<RecordRef> refs{{RecordKind::Convention, state.record->id},
                              {RecordKind::Structure, state.structure->id}};
  add_post_holders(state.versions.front(), refs);
  normalize(refs);
  return refs;
}

std::vector<RecordRef> avenant_inputs(const ConventionState& state, const Avenant& avenant) {
  std::vector<RecordRef> refs{{RecordKind::Avenant, avenant.id},
                              {RecordKind::Convention, state.record->id},
                              {RecordKind::Structure, state.structure->id}};
  // Every avenant up to this one shaped the version it starts from.
  for (const Avenant* earlier : state.avenants) {
    if (earlier->numero > avenant.numero) break;
    refs.push_back({RecordKind::Avenant, earlier->id});
  }
  if (const ConventionVersion* before = state.before(avenant)) add_post_holders(*before, refs);
  if (const ConventionVersion* after = state.after(avenant)) add_post_holders(*after, refs);
  normalize(refs);
  return refs;
}

doc::DocumentOptions convention_options(const ConventionState& state) {
  doc::DocumentOptions o = common_options(state);
  const Convention& c = *state.record;
  o.title = "Convention de subvention " + c.id + " — " + state.structure->nom;
  o.subject = "Convention de subvention du dispositif Conseiller numérique entre l’État et " +
              state.structure->nom;
  o.keywords =
      "Conseiller numérique; convention; " + c.id + "; " + state.structure->id + "; " + c.regime;
  o.header_left = header_of(state);
  o.date = c.signature;
  return o;
}

doc::DocumentOptions avenant_options(const ConventionState& state, const Avenant& avenant) {
  doc::DocumentOptions o = common_options(state);
  o.title = "Avenant n° " + std::to_string(avenant.numero) + " à la convention " +
            state.record->id + " — " + state.structure->nom;
  o.subject = "Avenant à la convention de subvention du dispositif Conseiller numérique : " +
              std::string(label_fr(avenant.objet));
  o.keywords = "Conseiller numérique; avenant; " + avenant.id + "; " + state.record->id + "; " +
               state.structure->id;
  o.header_left = "Avenant n°\u00A0" + std::to_string(avenant.numero) + " · " + header_of(state);
  o.date = avenant.date;
  return o;
}

DocumentTemplates load_document_templates(const Model& model, const ProjectContext& project) {
  DocumentTemplates templates;
  auto read = [&](const std::string& relative) {
    if (templates.by_path.contains(relative)) return;
    try {
      templates.by_path.emplace(relative, load_document_template(project, relative));
    } catch (const Fatal&) {
      // check() reports it; a render needing it reads it again and fails there.
    }
  };
  read(k_avenant_template);
  for (const ConventionState& state : model.conventions) {
    const std::string& regime = state.record->regime;
    if (templates.convention_of_regime.contains(regime)) continue;
    std::string relative = convention_template_for(project, regime);
    read(relative);
    templates.convention_of_regime.emplace(regime, std::move(relative));
  }
  return templates;
}

doc::RenderStats render_document(const RecordRef& document, const Model& model,
                                 const ProjectContext& project, const DocumentTemplates& templates,
                                 const std::filesystem::path& output) {
  const ConventionState* state = nullptr;
  const Avenant* avenant = nullptr;
  const bool is_avenant = document.kind == RecordKind::Avenant;
  if (is_avenant) {
    avenant = model.avenant(document.id);
    if (avenant) state = model.convention_state(avenant->convention);
  } else {
    state = model.convention_state(document.id);
  }
  if (!state || (is_avenant && !avenant))
    throw std::logic_error("convention-pdf : document inconnu " + document.id);
  std::string relative;
  if (is_avenant) {
    relative = k_avenant_template;
  } else if (auto known = templates.convention_of_regime.find(state->record->regime);
             known != templates.convention_of_regime.end()) {
    relative = known->second;
  } else {
    relative = convention_template_for(project, state->record->regime);
  }
  auto prepared = templates.by_path.find(relative);
  std::optional<DocumentTemplate> read_now;
  if (prepared == templates.by_path.end()) read_now = load_document_template(project, relative);
  const DocumentTemplate& t = read_now ? *read_now : prepared->second;
  tmpl::Data view =
      avenant ? avenant_view(model, *state, *avenant) : convention_view(model, *state);
  std::string markdown;
  try {
    markdown = tmpl::render(t.main, view, t.partials);
  } catch (const std::runtime_error& e) {
    throw doc::DocumentError(e.what());
  }
  auto options = avenant ? avenant_options(*state, *avenant) : convention_options(*state);
  return doc::render_markdown(markdown, options, output);
}

}  // namespace tampon::convention_pdf
