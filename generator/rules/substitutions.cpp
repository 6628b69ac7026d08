// domain.md §6, substitution-coordinateur: the avenant to the first convention and the
// coordinator convention whose post names the replaced one (`substitue`) go in pairs. One
// without the other is a warning: the coordinator financing, or its record in the first
// convention, is missing [002 III.b].
#include "rules/checks.hpp"
#include "rules/reference_target.hpp"

namespace tampon::rules {
namespace {

bool has_avenant(const Model& model, const PosteRef& ref) {
  for (const auto& a : model.records.avenants)
    if (a.convention == ref.convention && a.objet == AvenantObjet::SubstitutionCoordinateur &&
        a.substitution && a.substitution->poste == ref.poste)
      return true;
  return false;
}

bool has_coordinator_post(const Model& model, const std::string& convention, int poste) {
  for (const auto& c : model.records.conventions)
    for (const auto& p : c.postes)
      if (p.substitue && p.substitue->convention == convention && p.substitue->poste == poste)
        return true;
  return false;
}

bool post_exists(const Model& model, const PosteRef& ref) {
  const Convention* c = model.convention(ref.convention);
  for (const auto& p : c->postes)
    if (p.numero == ref.poste) return true;
  for (const auto& a : model.records.avenants)
    if (a.convention == ref.convention)
      for (const auto& p : a.postes_ajoutes)
        if (p.numero == ref.poste) return true;
  return false;
}

// The note at the post being replaced, when it is written somewhere.
std::vector<Note> replaced_post(const Checker& check, const std::string& convention, int numero) {
  if (const PostSite* site = check.site_of(convention, numero))
    return {check.note(site->at("numero"), "poste remplacé : " + site->label())};
  return {};
}

void coordinator_posts(Checker& check) {
  const Model& model = check.model();
  for (const auto& c : model.records.conventions) {
    for (std::size_t i = 0; i < c.postes.size(); ++i) {
      const Poste& p = c.postes[i];
      if (!p.substitue) continue;
      std::string path = "postes[" + std::to_string(i) + "].substitue";
      const PosteRef& ref = *p.substitue;
      const Regime* regime = model.baremes.regime(c.regime);
      if (p.role != Role::Coordinateur || (regime && regime->role != Role::Coordinateur)) {
        check.report("substitution-incomplete", c.locs.at(path),
                     "seul un poste de coordinateur d'une convention du régime coordinateur "
                     "remplace un poste de conseiller : retirez « substitue » de ce poste",
                     ref_of(c), replaced_post(check, ref.convention, ref.poste));
      } else if (!model.convention(ref.convention)) {
        Targets targets(model.records);
        resolve(check, targets.conventions, ref.convention, c.locs.at(path + ".convention"),
                ref_of(c));
      } else if (!post_exists(model, ref)) {
        const Convention* other = model.convention(ref.convention);
        check.report(
            "dangling-reference", c.locs.at(path + ".poste"),
            "le poste " + std::to_string(ref.poste) + " n'existe pas dans la convention « " +
                ref.convention + " »",
            ref_of(c),
            {check.note(other->locs.at("postes"),
                        "postes de la convention « " + ref.convention + " » déclarés ici")});
      } else if (!has_avenant(model, ref)) {
        check.report("substitution-incomplete", c.locs.at(path),
                     "aucun avenant de substitution de la convention « " + ref.convention +
                         " » ne transforme son poste " + std::to_string(ref.poste) +
                         " en poste de coordinateur : ajoutez-le [002 III.b]",
                     ref_of(c), replaced_post(check, ref.convention, ref.poste));
      }
    }
  }
}

void avenants(Checker& check) {
  const Model& model = check.model();
  for (const auto& a : model.records.avenants) {
    if (a.objet != AvenantObjet::SubstitutionCoordinateur || !a.substitution) continue;
    if (!model.convention(a.convention)) continue;  // reported as dangling already
    if (has_coordinator_post(model, a.convention, a.substitution->poste)) continue;
    check.report("substitution-incomplete", a.locs.at("substitution.poste"),
                 "aucune convention de coordinateur ne reprend le poste " +
                     std::to_string(a.substitution->poste) +
                     " (champ « substitue » de son poste) : le coordinateur est financé par "
                     "une convention distincte [002 III.b]",
                 ref_of(a), replaced_post(check, a.convention, a.substitution->poste));
  }
}

}  // namespace

void check_substitution_pairs(Checker& check) {
  coordinator_posts(check);
  avenants(check);
}

}  // namespace tampon::rules
