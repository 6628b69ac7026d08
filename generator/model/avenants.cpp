// The four avenant kinds (domain.md §6), each turning one convention version into the next.
#include <algorithm>

#include "model/derive.hpp"
#include "rules/fr_text.hpp"

namespace tampon::model {
namespace {

PostState* find_post(ConventionVersion& v, int numero) {
  for (auto& p : v.posts)
    if (p.numero == numero && !p.removed_on) return &p;
  return nullptr;
}

PostOrigin origin_of(const Model& model, const ConventionState& state, const PostState& post) {
  PostOrigin origin{state.record, state.structure, state.regime, nullptr};
  if (!post.added_by.empty()) origin.avenant = model.avenant(post.added_by);
  return origin;
}

void add_posts(const Model& model, const ConventionState& state, const Avenant& av,
               ConventionVersion& v) {
  PostOrigin origin{state.record, state.structure, state.regime, &av};
  for (const auto& poste : av.postes_ajoutes) {
    // A number already in use is a duplicate-id, reported by the rules; keep the first.
    if (std::ranges::any_of(v.posts, [&](const PostState& p) { return p.numero == poste.numero; }))
      continue;
    v.posts.push_back(build_post(model, origin, poste));
  }
}

// A removed vacant post keeps the tranches due on or before the avenant's date; the others
// are dropped, so the post counts only what was due (domain.md §6).
void remove_posts(const Avenant& av, ConventionVersion& v) {
  for (int numero : av.postes_retires) {
    PostState* post = find_post(v, numero);
    if (!post || post->conseiller) continue;  // occupied-post-removed, reported by the rules
    post->removed_on = av.date;
    std::erase_if(post->tranches, [&](const TrancheLine& t) { return t.due > av.date; });
    Money due;
    for (const auto& t : post->tranches) due += t.amount;
    post->amount_how.push_back(
        {"retrait-postes", "", "domain.md §6",
         "Poste retiré par l'avenant n° " + std::to_string(av.numero) + " du " + av.date.iso() +
             " : seules les tranches échues à cette date restent dues, soit " + text::money(due)});
    post->amount = due;
  }
}

// The coordinator financing starts when the initial financing period ends [002 III.b].
void substitute(const Model& model, const ConventionState& state, const Avenant& av,
                ConventionVersion& v) {
  const Regime* coord = coordinator_regime(model.baremes);
  PostState* post = av.substitution ? find_post(v, av.substitution->poste) : nullptr;
  if (!coord || !post) return;
  PostOrigin origin = origin_of(model, state, *post);
  const GridRow* initial_row = state.regime->row_for(state.structure->family(), post->contrat);
  int months = initial_row ? initial_row->months : 0;
  Date end = origin.financing_start().plus_months(months);

  PostOrigin coord_origin = origin;
  coord_origin.regime = coord;
  Poste as_coordinator;
  as_coordinator.numero = post->numero;
  as_coordinator.role = Role::Coordinateur;
  as_coordinator.contrat = av.substitution->contrat;
  PriceRequest req = price_request(model, coord_origin, as_coordinator, av.substitution->contrat);
  Pricing pricing = price_post(model.baremes, req);

  post->amount_how.push_back(
      {"substitution-coordinateur", "", "[002 III.b]",
       "Avenant n° " + std::to_string(av.numero) +
           " : poste transformé en poste de coordinateur ; "
           "financement coordinateur à compter de la fin de la période initiale (" +
           origin.financing_start().iso() + " + " + text::months(months) + " = " + end.iso() +
           ")"});
  for (auto& d : pricing.how) post->amount_how.push_back(std::move(d));
  Anchoring anchor{end, "fin de la période initiale de financement", false};
  auto extra =
      schedule(*coord, pricing.amount, anchor, static_cast<int>(post->tranches.size()) + 1);
  for (auto& t : extra) post->tranches.push_back(std::move(t));
  post->role = Role::Coordinateur;
  post->contrat = av.substitution->contrat;
  post->amount += pricing.amount;
  flag_after_rupture(model, *post);
}

Money total_of(const ConventionVersion& v) {
  Money total;
  for (const auto& p : v.posts) total += p.amount;
  return total;
}

}  // namespace

ConventionVersion apply_avenant(const Model& model, const ConventionState& state,
                                const ConventionVersion& before, const Avenant& av) {
  ConventionVersion v = before;
  v.avenant = av.id;
  switch (av.objet) {
    case AvenantObjet::AjoutPostes:
      add_posts(model, state, av, v);
      break;
    case AvenantObjet::RetraitPostes:
      remove_posts(av, v);
      break;
    case AvenantObjet::SubstitutionCoordinateur:
      substitute(model, state, av, v);
      break;
    case AvenantObjet::Prolongation:
      if (av.nouvelle_fin) v.fin = *av.nouvelle_fin;
      break;
  }
  std::ranges::sort(v.posts, {}, &PostState::numero);
  v.total = total_of(v);
  return v;
}

}  // namespace tampon::model
