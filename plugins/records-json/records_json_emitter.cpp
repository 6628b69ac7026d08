// records-json: the validated model as one JSON file (export/records.json) for other systems.
#include <memory>
#include <string>

#include "render/model_json.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
namespace {

class RecordsJsonEmitter final : public Emitter {
 public:
  const EmitterInfo& info() const override {
    static const EmitterInfo k_info{
        "records-json",
        "1.0.0",
        "export JSON du modèle validé (montants, tranches, statuts), sans données personnelles",
        {RecordKind::Structure, RecordKind::Conseiller, RecordKind::Convention, RecordKind::Avenant,
         RecordKind::Versement, RecordKind::Rapport},
        {{"export/records.json", "application/json"}},
        {}};
    return k_info;
  }

  std::vector<OutputJob> plan(const Model&, const ProjectContext&,
                              const BuildState&) const override {
    // One file over every valid record: it never reads an invalid one, so it is never
    // skipped by --keep-going (invalid records are simply absent from it).
    return {OutputJob{"export/records.json", {}, {}, {}}};
  }

  void render(const OutputJob&, const Model& model, const BuildState&,
              RenderContext& ctx) const override {
    std::string text = render::model_to_json_text(model);
    text += '\n';
    ctx.write(text);
  }
};

}  // namespace

std::unique_ptr<Emitter> make_records_json_emitter() {
  return std::make_unique<RecordsJsonEmitter>();
}

}  // namespace tampon
