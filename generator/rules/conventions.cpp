// domain.md §6 on the records themselves: convention length (and prolongations), and
// retrait-postes only on vacant posts. (Each avenant kind's own field is checked by the loader.)
#include "core/fr_text.hpp"
#include "rules/checks.hpp"

namespace tampon::rules {
namespace {

void too_long(Checker& check, const Convention& c, Date fin, SourceLoc at, const RecordRef& owner,
              const std::string& what, std::vector<Note> notes = {}) {
  int max = check.baremes().convention_max_months;
  int months = months_covered(c.debut, fin);
  if (months <= max) return;
  check.report("convention-too-long", at,
               what + " couvre " + text::months(months) + " (du " + c.debut.iso() + " au " +
                   fin.iso() + ") : " + text::months(max) + " au plus " +
                   check.baremes().convention_max_source + " ; fin au " +
                   c.debut.plus_months(max).plus_days(-1).iso() + " au plus tard",
               owner, std::move(notes));
}

void convention_period(Checker& check, const Convention& c) {
  if (c.fin < c.debut) {
    check.report("date-order", c.locs.at("fin"),
                 "fin de la convention " + c.fin.iso() + " antérieure à son début " + c.debut.iso(),
                 ref_of(c));
    return;
  }
  too_long(check, c, c.fin, c.locs.at("fin"), ref_of(c), "la convention");
}

// The post a number names as it stands before avenant `a`: a signed post or one added by an
// earlier avenant of the same convention.
const Poste* post_before(const Model& model, const Convention& c, const Avenant& a, int numero) {
  for (const auto& p : c.postes)
    if (p.numero == numero) return &p;
  for (const auto& other : model.records.avenants)
    if (other.convention == c.id && other.numero < a.numero)
      for (const auto& p : other.postes_ajoutes)
        if (p.numero == numero) return &p;
  return nullptr;
}

void removed_posts(Checker& check, const Convention& c, const Avenant& a) {
  for (std::size_t i = 0; i < a.postes_retires.size(); ++i) {
    const Poste* p = post_before(check.model(), c, a, a.postes_retires[i]);
    if (!p || !p->conseiller) continue;
    std::vector<Note> notes;
    if (const PostSite* site = check.site_of(p))
      notes.push_back(check.note(site->at("conseiller"),
                                 site->label() + " occupé par « " + *p->conseiller + " » ici"));
    check.report("occupied-post-removed", a.locs.at("postes_retires[" + std::to_string(i) + "]"),
                 "le poste " + std::to_string(p->numero) + " est occupé par « " + *p->conseiller +
                     " » : un avenant de retrait ne retire que des postes vacants",
                 ref_of(a), std::move(notes));
  }
}

void avenant(Checker& check, const Avenant& a) {
  const Convention* c = check.model().convention(a.convention);
  if (!c || check.flagged(*c)) return;
  if (a.objet == AvenantObjet::RetraitPostes) removed_posts(check, *c, a);
  if (a.objet == AvenantObjet::Prolongation && a.nouvelle_fin)
    too_long(check, *c, *a.nouvelle_fin, a.locs.at("nouvelle_fin"), ref_of(a),
             "avec cette prolongation, la convention « " + c->id + " »",
             {check.note(c->locs.at("debut"), "début de la convention « " + c->id + " » ici")});
}

}  // namespace

void check_conventions(Checker& check) {
  for (const auto& c : check.model().records.conventions)
    if (!check.flagged(c)) convention_period(check, c);
  for (const auto& a : check.model().records.avenants)
    if (!check.flagged(a)) avenant(check, a);
}

}  // namespace tampon::rules
