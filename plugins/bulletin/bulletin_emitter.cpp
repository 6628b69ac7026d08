// bulletin: the quarterly activity bulletin of each structure, in HTML and PDF
// (bulletins/<structure-id>/<YYYY>-T<n>.html and .pdf), for every quarter with at least one
// monthly report, up to the quarter of --as-of (outputs.md, domain.md §7).
#include <algorithm>
#include <memory>
#include <vector>

#include "bulletin_check.hpp"
#include "bulletin_data.hpp"
#include "bulletin_html.hpp"
#include "bulletin_pdf.hpp"
#include "markdown_html.hpp"
#include "render/document/document_engine.hpp"
#include "tampon/emitter.hpp"
#include "tampon/record_refs.hpp"

namespace tampon {
namespace {

using namespace bulletin;

/// JobId::kind of the two files of a bulletin.
constexpr std::uint32_t k_html = 0, k_pdf = 1;

/// The structure, its conseillers (names, contracts for the missing months) and its reports of
/// the quarter and of the previous one (the comparison), with the conseiller each report names
/// (its name is printed even if it belongs to another structure's team). Complete: the job is
/// fingerprinted from these records alone.
std::vector<RecordRef> inputs_of(const Model& model, const Structure& s,
                                 const std::vector<const Conseiller*>& conseillers, Quarter q) {
  std::vector<RecordRef> refs{{RecordKind::Structure, s.id}};
  for (const Conseiller* c : conseillers) refs.push_back({RecordKind::Conseiller, c->id});
  for (const Rapport& r : model.rapports_of_structure(s.id))
    if (Quarter::of(r.mois) == q || Quarter::of(r.mois) == q.previous()) {
      refs.push_back(ref_of(r));
      refs.push_back({RecordKind::Conseiller, r.conseiller});
    }
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
  return refs;
}

class BulletinEmitter final : public Emitter {
 public:
  BulletinEmitter() { register_markdown_extensions(); }

  const EmitterInfo& info() const override {
    static const EmitterInfo k_info{
        "bulletin",
        "1.1.0",  // part of the rebuild fingerprint: bump when the output changes
        "Bulletins trimestriels d'activité par structure (HTML et PDF)",
        {RecordKind::Structure, RecordKind::Conseiller, RecordKind::Rapport},
        {{"bulletins/<structure-id>/<YYYY>-T<n>.html", "text/html"},
         {"bulletins/<structure-id>/<YYYY>-T<n>.pdf", "application/pdf"}},
        {{"bulletin-pdf", Severity::Error,
          "Un bulletin d'activité PDF n'a pas pu être mis en page."},
         {"bulletin-glyph-omitted", Severity::Warning,
          "Caractère des faits marquants absent de la police des bulletins : omis du PDF."},
         {std::string(k_template_code), Severity::Error,
          "Gabarit du bulletin (templates/bulletin/) absent, illisible ou mal formé."}}};
    return k_info;
  }

  /// The HTML page's templates, read, checked and parsed once per build.
  std::unique_ptr<BuildState> prepare(const Model&, PrepareContext& ctx) const override {
    return prepare_bulletin_html(ctx);
  }

  Diagnostics check(const Model& model, const ProjectContext& project,
                    const BuildState& state) const override {
    Diagnostics out = check_bulletins(model, project);
    for (const Diagnostic& d : state.as<BulletinBuild>().findings) out.push_back(d);
    sort_diagnostics(out);
    return out;
  }

  std::vector<OutputJob> plan(const Model& model, const ProjectContext& project,
                              const BuildState&) const override {
    std::vector<OutputJob> jobs;
    Quarter last = Quarter::of(model.as_of);
    // Editing the page template or its style sheet re-renders the HTML bulletins.
    std::vector<std::string> templates = bulletin_template_files(project);
    for (const Structure& s : model.records.structures) {
      auto team = model.conseillers_of_structure(s.id);
      for (Quarter q : report_quarters(model, s.id, last)) {
        // Planned even when a record it reads is in error: the host alone skips (--keep-going).
        auto inputs = inputs_of(model, s, team, q);
        std::string base = "bulletins/" + s.id + "/" + q.iso();
        RecordRef structure{RecordKind::Structure, s.id};
        jobs.push_back({base + ".html", inputs, templates, {k_html, structure, q}});
        jobs.push_back({base + ".pdf", std::move(inputs), {}, {k_pdf, structure, q}});
      }
    }
    return jobs;
  }

  void render(const OutputJob& job, const Model& model, const BuildState& state,
              RenderContext& ctx) const override {
    const Structure* s = model.structure(job.id.record.id);
    if (s == nullptr) throw Fatal("bulletin : structure inconnue " + job.id.record.id);
    BulletinData data = bulletin_data(model, *s, job.id.quarter, model.as_of);
    if (job.id.kind == k_html) {
      const BulletinBuild& build = state.as<BulletinBuild>();
      for (const Diagnostic& d : build.problems) ctx.report(d);
      if (build.problems.empty()) ctx.write(bulletin_html(data, build));
      return;
    }
    try {
      write_bulletin_pdf(data, ctx.output_path());
    } catch (const doc::DocumentError& e) {
      ctx.report(
          Diagnostic::error(model.where(s->locs.record), k_pdf_failed,
                            "« " + job.path + " » n’a pas pu être mis en page : " + e.what()));
    }
  }
};

}  // namespace

std::unique_ptr<Emitter> make_bulletin_emitter() { return std::make_unique<BulletinEmitter>(); }

}  // namespace tampon
