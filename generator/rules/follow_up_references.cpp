// References of the follow-up records (records.md): versement → convention, rapport →
// structure and conseiller, depense → structure, convention and each line's conseiller.
#include "rules/checks.hpp"
#include "rules/reference_target.hpp"

namespace tampon::rules {
namespace {

void rapports(Checker& check, const Targets& t) {
  for (const auto& r : check.model().records.rapports) {
    bool structure_ok = resolve_field(check, t.structures, r.structure, r, "structure");
    if (!resolve_field(check, t.conseillers, r.conseiller, r, "conseiller")) continue;
    const Conseiller* c = check.model().conseiller(r.conseiller);
    if (structure_ok && check.model().structure(c->structure) && c->structure != r.structure)
      report_mismatch(check, r.locs.at("conseiller"), "le conseiller « " + r.conseiller + " »",
                      c->structure, r.structure, ref_of(r), c->locs.at("structure"));
  }
}

void depense_lines(Checker& check, const Targets& t, const Depense& d, bool structure_ok) {
  for (std::size_t i = 0; i < d.lignes.size(); ++i) {
    const std::string& id = d.lignes[i].conseiller;
    std::string field = "lignes[" + std::to_string(i) + "].conseiller";
    if (!resolve_field(check, t.conseillers, id, d, field)) continue;
    SourceLoc at = d.locs.at(field);
    const Conseiller* c = check.model().conseiller(id);
    if (structure_ok && check.model().structure(c->structure) && c->structure != d.structure)
      report_mismatch(check, at, "le conseiller « " + id + " »", c->structure, d.structure,
                      ref_of(d), c->locs.at("structure"));
  }
}

void depenses(Checker& check, const Targets& t) {
  for (const auto& d : check.model().records.depenses) {
    bool structure_ok = resolve_field(check, t.structures, d.structure, d, "structure");
    if (resolve_field(check, t.conventions, d.convention, d, "convention")) {
      const Convention* c = check.model().convention(d.convention);
      if (structure_ok && check.model().structure(c->structure) && c->structure != d.structure)
        report_mismatch(check, d.locs.at("convention"), "la convention « " + d.convention + " »",
                        c->structure, d.structure, ref_of(d), c->locs.at("structure"));
    }
    depense_lines(check, t, d, structure_ok);
  }
}

}  // namespace

void check_follow_up_references(Checker& check, const Targets& t) {
  for (const auto& v : check.model().records.versements)
    resolve_field(check, t.conventions, v.convention, v, "convention");
  rapports(check, t);
  depenses(check, t);
}

}  // namespace tampon::rules
