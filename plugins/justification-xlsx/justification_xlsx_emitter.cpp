// justification-xlsx: one quarterly justification of the subsidy's use per structure and
// quarter (justifications/<structure-id>/<YYYY>-T<n>.xlsx), for every quarter in which one of
// its conventions ran, up to the quarter of --as-of (outputs.md, domain.md §7).
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "justification_data.hpp"
#include "justification_sheets.hpp"
#include "tampon/emitter.hpp"
#include "xlsx_kit/record_refs.hpp"
#include "xlsx_kit/workbook.hpp"

namespace tampon {
namespace {

using namespace xlsx;

constexpr std::string_view k_xlsx_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The conventions of one structure (or of every structure when `structure` is empty) whose
/// every input is valid, by structure then id. The reference index is only built when some
/// record is invalid: a build with errors renders only under --keep-going.
std::map<std::string, std::vector<const ConventionState*>, std::less<>> conventions_by_structure(
    const Model& model, std::string_view structure = {}) {
  std::unique_ptr<RefIndex> index;
  if (!model.invalid.empty()) index = std::make_unique<RefIndex>(model);
  std::map<std::string, std::vector<const ConventionState*>, std::less<>> out;
  for (const ConventionState& cs : model.conventions) {
    if (cs.versions.empty() || (!structure.empty() && cs.record->structure != structure)) continue;
    if (index && !all_valid(model, index->convention_inputs(cs))) continue;
    out[cs.record->structure].push_back(&cs);
  }
  return out;
}

std::vector<const ConventionState*> running(const std::vector<const ConventionState*>& all,
                                            Quarter q) {
  std::vector<const ConventionState*> out;
  for (const ConventionState* cs : all)
    if (runs_in(*cs, q)) out.push_back(cs);
  return out;
}

std::vector<RecordRef> job_inputs(const Model& model, const RefIndex& index,
                                  const std::vector<const ConventionState*>& conventions,
                                  Quarter q) {
  std::vector<RecordRef> refs;
  for (const ConventionState* cs : conventions) {
    auto own = index.convention_inputs(*cs);
    refs.insert(refs.end(), own.begin(), own.end());
    for (const Depense* d : model.depenses_of_structure(cs->record->structure))
      if (d->convention == cs->record->id && d->trimestre <= q) refs.push_back(depense_ref(*d));
  }
  normalize(refs);
  return refs;
}

std::string job_path(std::string_view structure, Quarter q) {
  return "justifications/" + std::string(structure) + "/" + q.iso() + ".xlsx";
}

class JustificationXlsxEmitter final : public Emitter {
 public:
  const EmitterInfo& info() const override {
    static const EmitterInfo k_info{
        "justification-xlsx",
        "1.0.0",
        "Justifications trimestrielles de l'utilisation de la subvention (XLSX)",
        {RecordKind::Structure, RecordKind::Convention, RecordKind::Avenant, RecordKind::Conseiller,
         RecordKind::Versement, RecordKind::Rapport, RecordKind::Depense},
        {{"justifications/<structure-id>/<YYYY>-T<n>.xlsx", std::string(k_xlsx_type)}}};
    return k_info;
  }

  std::vector<OutputJob> plan(const Model& model, const ProjectContext& project) const override {
    RefIndex index(model);
    Quarter last = Quarter::of(project.as_of);
    std::vector<OutputJob> jobs;
    for (const auto& [structure, all] : conventions_by_structure(model)) {
      std::set<Quarter> quarters;
      for (const ConventionState* cs : all)
        for (Quarter q : running_quarters(*cs, last)) quarters.insert(q);
      for (Quarter q : quarters) {
        auto inputs = job_inputs(model, index, running(all, q), q);
        if (!all_valid(model, inputs)) continue;  // an invalid declaration: --keep-going skips
        jobs.push_back({job_path(structure, q), std::move(inputs), {}, structure + "/" + q.iso()});
      }
    }
    return jobs;
  }

  void render(const OutputJob& job, const Model& model, RenderContext& ctx) const override {
    auto slash = job.key.rfind('/');
    std::string structure_id = job.key.substr(0, slash);
    auto quarter = Quarter::parse(job.key.substr(slash + 1));
    const Structure* structure = model.structure(structure_id);
    if (!quarter || structure == nullptr)
      throw Fatal("justification-xlsx : tâche inconnue " + job.key);
    auto all = conventions_by_structure(model, structure_id);
    JustificationData data =
        justification_data(model, *structure, running(all[structure_id], *quarter), *quarter);
    data.as_of = ctx.project().as_of;
    DocInfo info{"Justification trimestrielle " + quarter->iso() + " — " + structure->nom,
                 "Utilisation de la subvention Conseiller numérique",
                 "justification; " + structure_id + "; " + quarter->iso(), ctx.project().as_of};
    Workbook book(ctx.output_path(), /*constant_memory=*/true, info);
    Sheet main(book.add_sheet(k_justification_sheet), book.formats());
    write_justification_sheet(main, data);
    Sheet upcoming(book.add_sheet(k_upcoming_sheet), book.formats());
    write_upcoming_sheet(upcoming, data);
    book.close();
  }
};

}  // namespace

std::unique_ptr<Emitter> make_justification_xlsx_emitter() {
  return std::make_unique<JustificationXlsxEmitter>();
}

}  // namespace tampon
