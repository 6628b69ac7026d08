// A sample emitter built as a shared module: writes `exemple/structures.txt`, one line per
// structure. Doubles as the example of ARCHITECTURE.md "How to add an emitter" for modules.
#include <fstream>

#include "tampon/emitter.hpp"
#include "tampon/plugin_abi.h"

namespace {

class SampleEmitter final : public tampon::Emitter {
 public:
  const tampon::EmitterInfo& info() const override {
    static const tampon::EmitterInfo k_info{"exemple",
                                            "0.1.0",
                                            "émetteur d'exemple chargé dynamiquement",
                                            {tampon::RecordKind::Structure},
                                            {{"exemple/structures.txt", "text/plain"}},
                                            {}};
    return k_info;
  }
  std::vector<tampon::OutputJob> plan(const tampon::Model&, const tampon::ProjectContext&,
                                      const tampon::BuildState&) const override {
    return {tampon::OutputJob{"exemple/structures.txt", {}, {}, {}}};
  }
  void render(const tampon::OutputJob&, const tampon::Model& model, const tampon::BuildState&,
              tampon::RenderContext& ctx) const override {
    std::ofstream out(ctx.output_path());
    for (const auto& s : model.records.structures) out << s.id << "\n";
  }
};

tampon::Emitter* create() { return new SampleEmitter(); }
void destroy(tampon::Emitter* e) { delete e; }

#ifdef TAMPON_TEST_WRONG_ABI
constexpr std::uint32_t k_abi = TAMPON_PLUGIN_API_VERSION + 998;
#else
constexpr std::uint32_t k_abi = TAMPON_PLUGIN_API_VERSION;
#endif

const TamponPluginInfo k_info{k_abi, "exemple", "0.1.0", create, destroy};

}  // namespace

extern "C" __attribute__((visibility("default"))) const TamponPluginInfo* tampon_plugin_info() {
  return &k_info;
}
