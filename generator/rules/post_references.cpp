// Post numbers named by other records (records.md): an avenant's postes_retires and
// substitution.poste, a versement's poste. A number that names no post is dangling.
#include <climits>
#include <set>

#include "rules/checks.hpp"
#include "rules/reference_target.hpp"

namespace tampon::rules {
namespace {

// Post numbers of a convention as they stand before avenant `before_numero` (all of them when
// it is INT_MAX): the signed posts plus those added by earlier avenants.
std::set<int> post_numbers(const Model& model, const std::string& convention, int before_numero) {
  std::set<int> numbers;
  if (const Convention* c = model.convention(convention))
    for (const auto& p : c->postes) numbers.insert(p.numero);
  for (const auto& a : model.records.avenants)
    if (a.convention == convention && a.numero < before_numero)
      for (const auto& p : a.postes_ajoutes) numbers.insert(p.numero);
  return numbers;
}

void dangling_post(Checker& check, SourceLoc at, int numero, const std::string& convention,
                   const RecordRef& owner) {
  std::vector<Note> notes;
  if (const Convention* c = check.model().convention(convention))
    notes.push_back(check.note(c->locs.at("postes"),
                               "postes de la convention « " + convention + " » déclarés ici"));
  check.report("dangling-reference", at,
               "le poste " + std::to_string(numero) + " n'existe pas dans la convention « " +
                   convention + " » : indiquez le numéro d'un de ses postes",
               owner, std::move(notes));
}

void avenants(Checker& check) {
  const Model& model = check.model();
  for (const auto& a : model.records.avenants) {
    if (!model.convention(a.convention)) continue;  // reported as dangling already
    auto known = post_numbers(model, a.convention, a.numero);
    for (std::size_t i = 0; i < a.postes_retires.size(); ++i)
      if (!known.contains(a.postes_retires[i]))
        dangling_post(check, a.locs.at("postes_retires[" + std::to_string(i) + "]"),
                      a.postes_retires[i], a.convention, ref_of(a));
    if (a.substitution && !known.contains(a.substitution->poste))
      dangling_post(check, a.locs.at("substitution.poste"), a.substitution->poste, a.convention,
                    ref_of(a));
  }
}

}  // namespace

void check_post_references(Checker& check) {
  avenants(check);
  const Model& model = check.model();
  for (const auto& v : model.records.versements) {
    if (!model.convention(v.convention)) continue;
    if (!post_numbers(model, v.convention, INT_MAX).contains(v.poste))
      dangling_post(check, v.locs.at("poste"), v.poste, v.convention, ref_of(v));
  }
}

}  // namespace tampon::rules
