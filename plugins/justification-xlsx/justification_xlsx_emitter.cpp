// Placeholder: declares the emitter so the executable links; replaced by the real emitter.
#include <memory>

#include "tampon/emitter.hpp"

namespace tampon {
namespace {

class Placeholder final : public Emitter {
 public:
  const EmitterInfo& info() const override {
    static const EmitterInfo k_info{"justification-xlsx", "0.0.0", "(en construction)", {}, {}};
    return k_info;
  }
  std::vector<OutputJob> plan(const Model&, const ProjectContext&) const override { return {}; }
  void render(const OutputJob&, const Model&, RenderContext&) const override {}
};

}  // namespace

std::unique_ptr<Emitter> make_justification_xlsx_emitter() { return std::make_unique<Placeholder>(); }

}  // namespace tampon
