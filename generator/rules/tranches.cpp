// domain.md §4 on the follow-up records: a versement names a tranche of its post's schedule
// (versement.tranche is 1..n across the post's whole schedule, records.md).
#include "rules/checks.hpp"

namespace tampon::rules {
namespace {

// The post in any version: a versement may pay a tranche of a post removed later.
const PostState* find_post(const ConventionState& state, int numero) {
  const PostState* found = nullptr;
  for (const auto& v : state.versions)
    for (const auto& p : v.posts)
      if (p.numero == numero) found = &p;
  return found;
}

bool has_tranche(const ConventionState& state, int numero, int tranche) {
  for (const auto& v : state.versions)
    for (const auto& p : v.posts)
      if (p.numero == numero)
        for (const auto& t : p.tranches)
          if (t.number == tranche) return true;
  return false;
}

}  // namespace

void check_versements(Checker& check) {
  for (const auto& v : check.model().records.versements) {
    const ConventionState* state = check.model().convention_state(v.convention);
    const PostState* post = state ? find_post(*state, v.poste) : nullptr;
    if (!post || has_tranche(*state, v.poste, v.tranche)) continue;
    std::vector<Note> notes;
    if (const PostSite* site = check.site_of(v.convention, v.poste))
      notes.push_back(check.note(site->at("numero"), site->label() + " déclaré ici"));
    check.report("dangling-reference", v.locs.at("tranche"),
                 "la tranche " + std::to_string(v.tranche) + " n'existe pas pour le poste " +
                     std::to_string(v.poste) + " de la convention « " + v.convention + " » (" +
                     std::to_string(post->tranches.size()) + " tranches) : corrigez le numéro",
                 ref_of(v), std::move(notes));
  }
}

}  // namespace tampon::rules
