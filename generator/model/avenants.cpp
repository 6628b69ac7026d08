// The four avenant kinds (domain.md §6), each turning one convention version into the next.
#include <algorithm>

#include "core/fr_text.hpp"
#include "model/derive.hpp"

namespace tampon::model {
namespace {

PostState* find_post(ConventionVersion& v, int numero) {
  for (auto& p : v.posts)
    if (p.numero == numero && !p.removed_on) return &p;
  return nullptr;
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

// A payment record of that tranche, made on or before `day`.
bool paid_by(const Model& model, const ConventionState& state, int poste, int tranche, Date day) {
  return std::ranges::any_of(model.records.versements, [&](const Versement& v) {
    return v.convention == state.record->id && v.poste == poste && v.tranche == tranche &&
           v.statut == VersementStatut::Versee && v.date <= day;
  });
}

// A withdrawn vacant post keeps only the tranches already paid, or due on a known anchor, by
// the avenant's date; its amount is their sum. A provisional tranche is an estimate, never
// due, so a post that was never filled keeps nothing (domain.md §4 and §6).
void remove_posts(const Model& model, const ConventionState& state, const Avenant& av,
                  ConventionVersion& v) {
  for (int numero : av.postes_retires) {
    PostState* post = find_post(v, numero);
    if (!post || post->conseiller) continue;  // occupied-post-removed, reported by the rules
    post->removed_on = av.date;
    std::erase_if(post->tranches, [&](const TrancheLine& t) {
      bool due = !t.provisional && t.due <= av.date;
      return !due && !paid_by(model, state, numero, t.number, av.date);
    });
    post->provisional = std::ranges::any_of(post->tranches, &TrancheLine::provisional);
    Money kept;
    for (const auto& t : post->tranches) kept += t.amount;
    post->amount_how.push_back(
        {"retrait-postes", "", "domain.md §6",
         "Poste retiré par l'avenant n° " + std::to_string(av.numero) + " du " + av.date.iso() +
             " : seules les tranches versées ou échues sur une date de départ connue à cette "
             "date restent dues, soit " +
             text::money(kept)});
    post->amount = kept;
  }
}

// The coordinator convention that names this post in `substitue`, if any.
std::string taken_over_by(const Model& model, const ConventionState& state, int numero) {
  for (const auto& c : model.records.conventions)
    for (const auto& p : c.postes)
      if (p.substitue && p.substitue->convention == state.record->id &&
          p.substitue->poste == numero)
        return c.id;
  return {};
}

// The avenant records that the post becomes a coordinator post; it adds no money here: the
// post keeps its initial financing, and a separate coordinateur-2023 convention finances the
// coordinator from the end of the initial financing period (domain.md §6, [002 III.b]).
void substitute(const Model& model, const ConventionState& state, const Avenant& av,
                ConventionVersion& v) {
  PostState* post = av.substitution ? find_post(v, av.substitution->poste) : nullptr;
  if (!post) return;
  auto end = initial_financing_end(model, {state.record->id, post->numero});
  post->coordinator_from = end;
  post->coordinator_convention = taken_over_by(model, state, post->numero);
  std::string relay = post->coordinator_convention.empty()
                          ? std::string("une convention distincte du régime coordinateur")
                          : "la convention " + post->coordinator_convention;
  post->amount_how.push_back(
      {"substitution-coordinateur", "", "[002 III.b]",
       "Avenant n° " + std::to_string(av.numero) +
           " : poste transformé en poste de coordinateur, sans montant ajouté à cette "
           "convention ; le coordinateur est financé par " +
           relay + (end ? " à compter du " + end->iso() : std::string())});
  post->role = Role::Coordinateur;
  post->contrat = av.substitution->contrat;
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
      remove_posts(model, state, av, v);
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
