// justification-xlsx: one quarterly justification of the subsidy's use per structure and
// quarter (justifications/<structure-id>/<YYYY>-T<n>.xlsx), for every quarter in which one of
// its conventions ran, up to the quarter of --as-of (outputs.md, domain.md §7).
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <vector>

#include "justification_data.hpp"
#include "justification_sheets.hpp"
#include "render/xlsx/record_refs.hpp"
#include "render/xlsx/workbook.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
namespace {

using namespace xlsx;

constexpr std::string_view k_xlsx_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Every convention with a derived schedule, by structure then id.
std::map<std::string, std::vector<const ConventionState*>, std::less<>> conventions_by_structure(
    const Model& model) {
  std::map<std::string, std::vector<const ConventionState*>, std::less<>> out;
  for (const ConventionState& cs : model.conventions)
    if (!cs.versions.empty()) out[cs.record->structure].push_back(&cs);
  return out;
}

/// One convention of a structure with the records it reads, computed once for all its quarters.
struct ConventionInputs {
  const ConventionState* state;
  std::vector<RecordRef> inputs;
};

/// The job of one quarter: the inputs of the conventions running in it and their declarations
/// up to it.
/// Sorted and without repeats, as normalize() leaves it, but without sorting the whole list for
/// each quarter (38 000 quarters on the national set): each convention's list is sorted already,
/// and declarations, the last kind of record, go after everything else.
std::vector<RecordRef> quarter_inputs(const std::vector<ConventionInputs>& conventions,
                                      std::span<const Depense> depenses, Quarter q) {
  static_assert(
      RecordKind::Depense > RecordKind::Rapport && RecordKind::Depense > RecordKind::Versement,
      "the declarations' references sort after every other kind");
  std::vector<RecordRef> refs, declared;
  std::size_t running = 0;
  for (const ConventionInputs& c : conventions) {
    if (!runs_in(*c.state, q)) continue;
    ++running;
    refs.insert(refs.end(), c.inputs.begin(), c.inputs.end());  // no declaration among them
    for (const Depense& d : depenses)
      if (d.convention == c.state->record->id && d.trimestre <= q) declared.push_back(ref_of(d));
  }
  if (running > 1) normalize(refs);  // one convention's list is sorted and unique already
  normalize(declared);
  refs.insert(refs.end(), std::make_move_iterator(declared.begin()),
              std::make_move_iterator(declared.end()));
  return refs;
}

/// The conventions the plan gave a job: its Convention inputs, by id. They are exactly the
/// structure's conventions running in the quarter, so rendering needs no scan of the model.
std::vector<const ConventionState*> conventions_of(const OutputJob& job, const Model& model) {
  std::vector<const ConventionState*> out;
  for (const RecordRef& ref : job.inputs)
    if (ref.kind == RecordKind::Convention)
      if (const ConventionState* cs = model.convention_state(ref.id)) out.push_back(cs);
  return out;
}

std::string job_path(std::string_view structure, Quarter q) {
  return "justifications/" + std::string(structure) + "/" + q.iso() + ".xlsx";
}

/// The jobs of one structure: one per quarter in which one of its conventions runs. A job that
/// reads a record in error is planned all the same: the host alone skips it (--keep-going),
/// rather than a justification silently missing one convention.
void plan_structure(const Model& model, const RefIndex& index, const std::string& structure,
                    const std::vector<const ConventionState*>& all, Quarter last,
                    std::vector<OutputJob>& jobs) {
  std::vector<ConventionInputs> conventions;
  std::set<Quarter> quarters;
  for (const ConventionState* cs : all) {
    conventions.push_back({cs, index.convention_inputs(*cs)});
    for (Quarter q : running_quarters(*cs, last)) quarters.insert(q);
  }
  // A convention of the structure without derived state (it is in error): its quarters are
  // unknown, so every justification of the structure lists it, and the host skips them
  // (--keep-going) rather than publish justifications silently short of it.
  std::vector<RecordRef> underivable;
  for (const Convention* c : model.conventions_of_structure(structure)) {
    const ConventionState* cs = model.convention_state(c->id);
    if (cs == nullptr || cs->versions.empty())
      underivable.push_back({RecordKind::Convention, c->id});
  }
  std::span<const Depense> depenses = depenses_of(model, structure);
  for (Quarter q : quarters) {
    auto inputs = quarter_inputs(conventions, depenses, q);
    if (!underivable.empty()) {
      inputs.insert(inputs.end(), underivable.begin(), underivable.end());
      normalize(inputs);
    }
    jobs.push_back({job_path(structure, q),
                    std::move(inputs),
                    {},
                    {.record = {RecordKind::Structure, structure}, .quarter = q}});
  }
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
        {{"justifications/<structure-id>/<YYYY>-T<n>.xlsx", std::string(k_xlsx_type)}},
        {}};
    return k_info;
  }

  std::vector<OutputJob> plan(const Model& model, const ProjectContext&,
                              const BuildState&) const override {
    RefIndex index(model);
    Quarter last = Quarter::of(model.as_of);
    std::vector<OutputJob> jobs;
    for (const auto& [structure, all] : conventions_by_structure(model))
      plan_structure(model, index, structure, all, last, jobs);
    return jobs;
  }

  void render(const OutputJob& job, const Model& model, const BuildState&,
              RenderContext& ctx) const override {
    const std::string& structure_id = job.id.record.id;
    const Quarter* quarter = &job.id.quarter;
    const Structure* structure = model.structure(structure_id);
    if (structure == nullptr)
      throw Fatal("justification-xlsx : structure inconnue " + structure_id);
    JustificationData data =
        justification_data(model, *structure, conventions_of(job, model), *quarter);
    DocInfo info{"Justification trimestrielle " + quarter->iso() + " — " + structure->nom,
                 "Utilisation de la subvention Conseiller numérique",
                 "justification; " + structure_id + "; " + quarter->iso(), model.as_of};
    Workbook book(ctx, job.path, Size::Small, info);
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
