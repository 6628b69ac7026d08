// convention-pdf: conventions/<convention-id>.pdf and avenants/<avenant-id>.pdf (outputs.md),
// typeset by the shared document engine (generator/render/document) from the templates
// templates/documents/convention.md and avenant.md.
#include <map>
#include <memory>

#include "document_job.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
namespace {

using namespace convention_pdf;

/// One build's templates, read once in prepare (a national build renders 5 400 documents from
/// three templates: reading them per document cost more system calls than the rendering).
struct ConventionPdfBuild final : BuildState {
  DocumentTemplates templates;
};

class ConventionPdfEmitter final : public Emitter {
 public:
  const EmitterInfo& info() const override {
    static const EmitterInfo k_info{
        "convention-pdf",
        "1.0.0",
        "Conventions de subvention et avenants au format PDF, prêts à signer",
        {RecordKind::Convention, RecordKind::Structure, RecordKind::Avenant,
         RecordKind::Conseiller},
        {{"conventions/<convention-id>.pdf", "application/pdf"},
         {"avenants/<avenant-id>.pdf", "application/pdf"}},
        {}};
    return k_info;
  }

  std::unique_ptr<BuildState> prepare(const Model& model, PrepareContext& ctx) const override {
    auto build = std::make_unique<ConventionPdfBuild>();
    build->templates = load_document_templates(model, ctx.project());
    return build;
  }

  Diagnostics check(const Model& model, const ProjectContext& project,
                    const BuildState&) const override {
    return check_documents(model, project);
  }

  std::vector<OutputJob> plan(const Model& model, const ProjectContext& project,
                              const BuildState& state) const override {
    // Each document depends on its template and the clauses it includes; read each template
    // once per plan.
    const DocumentTemplates& templates = state.as<ConventionPdfBuild>().templates;
    std::map<std::string, std::vector<std::string>> files_of;
    auto files = [&](const std::string& relative) -> const std::vector<std::string>& {
      auto [it, fresh] = files_of.try_emplace(relative);
      if (fresh) {
        if (auto t = templates.by_path.find(relative); t != templates.by_path.end())
          it->second = t->second.files;
        else
          it->second = {project.find(relative).string()};  // check() reports it
      }
      return it->second;
    };
    std::vector<OutputJob> jobs;
    // Every document, even one reading a record in error: the host alone skips (--keep-going).
    for (const ConventionState& state : model.conventions) {
      jobs.push_back({"conventions/" + state.record->id + ".pdf",
                      convention_inputs(state),
                      files(convention_template_for(project, state.record->regime)),
                      {.record = {RecordKind::Convention, state.record->id}}});
      for (const Avenant* av : state.avenants) {
        if (!state.after(*av)) continue;
        jobs.push_back({"avenants/" + av->id + ".pdf",
                        avenant_inputs(state, *av),
                        files(k_avenant_template),
                        {.record = {RecordKind::Avenant, av->id}}});
      }
    }
    return jobs;
  }

  void render(const OutputJob& job, const Model& model, const BuildState& state,
              RenderContext& ctx) const override {
    const RecordRef& document = job.id.record;
    try {
      render_document(document, model, ctx.project(), state.as<ConventionPdfBuild>().templates,
                      ctx.output_path());
    } catch (const doc::DocumentError& e) {
      const FieldLocs* locs = nullptr;
      if (document.kind == RecordKind::Avenant) {
        if (const Avenant* av = model.avenant(document.id)) locs = &av->locs;
      } else if (const Convention* c = model.convention(document.id)) {
        locs = &c->locs;
      }
      ctx.report(Diagnostic::error(locs ? model.where(locs->record) : Location{}, "document-failed",
                                   "« " + job.path + " » : " + e.what()));
    }
  }
};

}  // namespace

std::unique_ptr<Emitter> make_convention_pdf_emitter() {
  return std::make_unique<ConventionPdfEmitter>();
}

}  // namespace tampon
