// A counter-example for EmitterState.*: an emitter that keeps state, in a static and in a
// member. The check must refuse both (EmitterState.RefusesAnEmitterThatKeepsState).
#include "tampon/emitter.hpp"

namespace tampon::testing {

class StatefulEmitter final : public Emitter {
 public:
  const EmitterInfo& info() const override { return m_info; }
  std::vector<OutputJob> plan(const Model&, const ProjectContext&,
                              const BuildState&) const override {
    static int plans = 0;  // refused: static data written at each plan
    return std::vector<OutputJob>(static_cast<std::size_t>(++plans % 2));
  }
  void render(const OutputJob&, const Model&, const BuildState&, RenderContext&) const override {
    ++m_renders;  // refused: a member changed by const methods
  }

 private:
  EmitterInfo m_info;
  mutable int m_renders = 0;
};

Emitter* make_stateful_emitter() { return new StatefulEmitter(); }

}  // namespace tampon::testing
