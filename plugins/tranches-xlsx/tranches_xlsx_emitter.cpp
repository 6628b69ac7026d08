// tranches-xlsx: the tranche statement of each convention (echeanciers/<id>.xlsx) and the
// global ledger of every tranche for Banque des Territoires (echeanciers/echeancier-global.xlsx).
// outputs.md "Tranche statement"; statuses come from the model (domain.md §4.1).
#include <memory>
#include <vector>

#include "convention_summary.hpp"
#include "ledger_summary.hpp"
#include "render/xlsx/record_refs.hpp"
#include "statement_sheet.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
namespace {

using namespace xlsx;

/// JobId::kind of the two sorts of statement.
constexpr std::uint32_t k_convention = 0, k_ledger = 1;
constexpr std::string_view k_ledger_path = "echeanciers/echeancier-global.xlsx";
constexpr std::string_view k_xlsx_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

void render_convention(const OutputJob& job, const ConventionState& cs, const Model& model,
                       RenderContext& ctx) {
  DocInfo info{"Échéancier de la convention " + cs.record->id,
               "Tranches de subvention du dispositif Conseiller numérique",
               "échéancier; tranches; " + cs.record->id + "; " + cs.record->structure, model.as_of};
  Workbook book(ctx, job.path, Size::Small, info);
  std::vector<TrancheRow> rows;
  append_tranche_rows(cs, rows);
  Sheet statement(book.add_sheet(k_statement_sheet), book.formats());
  StatementLayout layout = write_statement_sheet(statement, rows);
  Sheet summary(book.add_sheet("Synthèse"), book.formats());
  write_convention_summary(summary, model, cs, layout);
  book.close();
}

void render_ledger(const OutputJob& job, const Model& model, RenderContext& ctx) {
  std::vector<TrancheRow> rows;
  // Every convention: the host renders the ledger only when none reads a record in error
  // (its inputs are all of theirs); otherwise --keep-going keeps the previous ledger, marked
  // stale, and names it on an "ignoré" line, rather than publishing a ledger short of some.
  for (const ConventionState& cs : model.conventions) append_tranche_rows(cs, rows);
  DocInfo info{"Échéancier global des conventions Conseiller numérique",
               "Toutes les tranches de toutes les conventions, pour la Banque des Territoires",
               "échéancier; tranches; Banque des Territoires", model.as_of};
  Workbook book(ctx, job.path, Size::Large, info);
  Sheet statement(book.add_sheet(k_statement_sheet), book.formats());
  StatementLayout layout = write_statement_sheet(statement, rows);
  Sheet summary(book.add_sheet(k_ledger_summary_sheet), book.formats());
  write_ledger_summary(summary, rows, layout);
  book.close();
}

class TranchesXlsxEmitter final : public Emitter {
 public:
  const EmitterInfo& info() const override {
    static const EmitterInfo k_info{
        "tranches-xlsx",
        "1.0.0",
        "Échéanciers des tranches au format XLSX : un par convention et un global",
        {RecordKind::Convention, RecordKind::Structure, RecordKind::Avenant, RecordKind::Conseiller,
         RecordKind::Versement, RecordKind::Rapport},
        {{"echeanciers/<convention-id>.xlsx", std::string(k_xlsx_type)},
         {std::string(k_ledger_path), std::string(k_xlsx_type)}},
        {}};
    return k_info;
  }

  std::vector<OutputJob> plan(const Model& model, const ProjectContext&,
                              const BuildState&) const override {
    std::vector<OutputJob> jobs;
    {
      RefIndex index(model);  // freed before the ledger's inputs are gathered
      jobs.reserve(model.conventions.size() + 1);
      for (const ConventionState& cs : model.conventions) {
        const std::string& id = cs.record->id;
        jobs.push_back({"echeanciers/" + id + ".xlsx",
                        index.convention_inputs(cs),
                        {},
                        {k_convention, {RecordKind::Convention, id}}});
      }
    }
    // The ledger reads what every statement reads: sized once, as it holds some 150 000
    // references on the national set (doubling would leave up to half of it unused).
    std::size_t total = model.records.conventions.size();
    for (const OutputJob& job : jobs) total += job.inputs.size();
    std::vector<RecordRef> ledger_inputs;
    ledger_inputs.reserve(total);
    for (const OutputJob& job : jobs)
      ledger_inputs.insert(ledger_inputs.end(), job.inputs.begin(), job.inputs.end());
    // Every convention record too, derivable or not: one in error without a derived state
    // would otherwise be missing from the ledger silently; listed, it makes the host skip the
    // ledger (--keep-going keeps the previous, complete one).
    for (const Convention& c : model.records.conventions)
      ledger_inputs.push_back({RecordKind::Convention, c.id});
    normalize(ledger_inputs);
    jobs.push_back({std::string(k_ledger_path), std::move(ledger_inputs), {}, {.kind = k_ledger}});
    return jobs;
  }

  void render(const OutputJob& job, const Model& model, const BuildState&,
              RenderContext& ctx) const override {
    if (job.id.kind == k_ledger) return render_ledger(job, model, ctx);
    const ConventionState* cs = model.convention_state(job.id.record.id);
    if (cs == nullptr) throw Fatal("tranches-xlsx : convention inconnue " + job.id.record.id);
    render_convention(job, *cs, model, ctx);
  }
};

}  // namespace

std::unique_ptr<Emitter> make_tranches_xlsx_emitter() {
  return std::make_unique<TranchesXlsxEmitter>();
}

}  // namespace tampon
