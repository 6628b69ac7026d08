// Model::conventions: every derivable convention with its versions (domain.md §3, §4, §6).
#include <algorithm>
#include <optional>
#include <vector>

#include "core/parallel.hpp"
#include "model/derive.hpp"
#include "tampon/territories.hpp"

namespace tampon::model {
namespace {

std::vector<const Avenant*> avenants_of(const Model& model, const std::string& id) {
  std::vector<const Avenant*> out;
  for (const auto& av : model.records.avenants)
    if (av.convention == id) out.push_back(&av);
  std::ranges::stable_sort(out, {}, &Avenant::numero);
  // Two avenants with one numero: duplicate-id (reported by the rules); keep the first.
  // std::unique, not std::ranges::unique: clang 14 (the fuzz build) cannot compile the
  // subrange libstdc++ 12 returns.
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Avenant* a, const Avenant* b) { return a->numero == b->numero; }),
            out.end());
  return out;
}

ConventionVersion signed_version(const Model& model, const ConventionState& state) {
  ConventionVersion v;
  v.fin = state.record->fin;
  PostOrigin origin{state.record, state.structure, state.regime, nullptr};
  for (const auto& poste : state.record->postes) {
    if (std::ranges::any_of(v.posts, [&](const PostState& p) { return p.numero == poste.numero; }))
      continue;  // duplicate post number: reported by the rules, first one kept
    v.posts.push_back(build_post(model, origin, poste));
  }
  std::ranges::sort(v.posts, {}, &PostState::numero);
  for (const auto& p : v.posts) v.total += p.amount;
  return v;
}

}  // namespace

void derive_conventions(Model& model, unsigned jobs) {
  model.conventions.clear();
  // Records are sorted by id: a repeated id is a duplicate-id; only the first is derived.
  std::vector<const Convention*> firsts;
  const std::string* previous_id = nullptr;
  for (const auto& conv : model.records.conventions) {
    if (previous_id && *previous_id == conv.id) continue;
    previous_id = &conv.id;
    firsts.push_back(&conv);
  }
  // Each convention is derived from the records alone: side by side, into its own slot.
  std::vector<std::optional<ConventionState>> slots(firsts.size());
  const Model& records = model;
  for_each_index(firsts.size(), jobs, [&](std::size_t i) {
    const Convention& conv = *firsts[i];
    ConventionState state;
    state.record = &conv;
    state.structure = records.structure(conv.structure);
    state.regime = records.baremes.regime(conv.regime);
    if (!state.structure || !state.regime) return;  // not derivable: errors already reported
    state.territory = territory_label(state.structure->departement);
    state.avenants = avenants_of(records, conv.id);
    state.versions.push_back(signed_version(records, state));
    for (const Avenant* av : state.avenants)
      state.versions.push_back(apply_avenant(records, state, state.versions.back(), *av));
    slots[i] = std::move(state);
  });
  for (auto& slot : slots)
    if (slot) model.conventions.push_back(std::move(*slot));
  std::ranges::stable_sort(model.conventions, {},
                           [](const ConventionState& s) { return s.record->id; });
}

}  // namespace tampon::model
