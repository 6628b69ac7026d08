// The example of README.md, "Ajouter un émetteur": written from that section alone, built as a
// module and run by tests/cli/example_emitter_test.cpp, so the section cannot go stale.
//
// It writes `exemple/totaux.csv`: for each structure, how many conventions it holds and their
// current total in cents; and it warns about a structure that holds none.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tampon/emitter.hpp"
#include "tampon/plugin_abi.h"

namespace {

using namespace tampon;

// What one build needs, computed once by prepare(); the host hands it back, read-only, to
// check, plan and render. The emitter object itself keeps nothing.
struct Totals final : BuildState {
  struct Line {
    std::string structure;
    std::int64_t conventions = 0, cents = 0;
  };
  std::vector<Line> lines;
};

class TotauxEmitter final : public Emitter {
 public:
  const EmitterInfo& info() const override {
    static const EmitterInfo k_info{
        "totaux",
        "1.0.0",  // part of every output's fingerprint: change it when the output changes
        "total conventionné par structure, en CSV",
        {RecordKind::Structure, RecordKind::Convention, RecordKind::Avenant},
        {{"exemple/totaux.csv", "text/csv"}},
        {{"exemple-sans-convention", Severity::Warning, "Structure sans aucune convention."}}};
    return k_info;
  }

  std::unique_ptr<BuildState> prepare(const Model& model, PrepareContext&) const override {
    auto totals = std::make_unique<Totals>();
    for (const Structure& s : model.records.structures) {
      Totals::Line line;
      line.structure = s.id;
      for (const ConventionState& state : model.conventions)
        if (state.structure == &s) line.cents += state.current().total.cents(), ++line.conventions;
      totals->lines.push_back(std::move(line));
    }
    return totals;
  }

  // At validation time (`tampon validate` reports it too): what this emitter needs.
  Diagnostics check(const Model& model, const ProjectContext&, const BuildState&) const override {
    Diagnostics found;
    for (const Structure& s : model.records.structures)
      if (model.conventions_of_structure(s.id).empty())
        found.push_back(Diagnostic::warning(
            model.where(s.locs.record), "exemple-sans-convention",
            "la structure « " + s.id + " » n'a aucune convention : elle a un total nul"));
    return found;
  }

  // One job per file, listing every record it reads: the host fingerprints, selects and skips
  // jobs from these inputs (never filter them yourself). One file here: its `id` stays empty.
  std::vector<OutputJob> plan(const Model& model, const ProjectContext&,
                              const BuildState&) const override {
    OutputJob job;
    job.path = "exemple/totaux.csv";
    for (const Structure& s : model.records.structures)
      job.inputs.push_back({RecordKind::Structure, s.id});
    for (const Convention& c : model.records.conventions)
      job.inputs.push_back({RecordKind::Convention, c.id});
    for (const Avenant& a : model.records.avenants)
      job.inputs.push_back({RecordKind::Avenant, a.id});
    return {job};
  }

  // Runs on several threads at once: read the model and the build's state, write only
  // through `ctx`.
  void render(const OutputJob&, const Model&, const BuildState& state,
              RenderContext& ctx) const override {
    std::string csv = "structure;conventions;total_centimes\n";
    for (const Totals::Line& line : state.as<Totals>().lines)
      csv += line.structure + ";" + std::to_string(line.conventions) + ";" +
             std::to_string(line.cents) + "\n";
    ctx.write(csv);
  }
};

Emitter* create() { return new TotauxEmitter(); }
void destroy(Emitter* e) { delete e; }
const TamponPluginInfo k_plugin{TAMPON_PLUGIN_API_VERSION, "totaux", "1.0.0", create, destroy};

}  // namespace

extern "C" __attribute__((visibility("default"))) const TamponPluginInfo* tampon_plugin_info() {
  return &k_plugin;
}
