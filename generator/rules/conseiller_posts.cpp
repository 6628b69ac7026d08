#include "rules/conseiller_posts.hpp"

namespace tampon::rules {

bool is_coordinator(const Checker& check, const Conseiller& c) {
  if (c.role == Role::Coordinateur) return true;
  for (const PostSite* site : check.sites_of(c.id))
    if (site->poste->role == Role::Coordinateur) return true;
  return false;
}

std::vector<Note> coordinator_post_notes(const Checker& check, const Conseiller& c) {
  if (c.role == Role::Coordinateur) return {};
  for (const PostSite* site : check.sites_of(c.id))
    if (site->poste->role == Role::Coordinateur)
      return {check.note(site->at("role"), "poste de coordinateur ici (" + site->label() + ")")};
  return {};
}

std::vector<const GridRow*> rows_of(const Checker& check, const Conseiller& c) {
  std::vector<const GridRow*> rows;
  const Model& model = check.model();
  const Structure* s = model.structure(c.structure);
  if (!s) return rows;
  for (const PostSite* site : check.sites_of(c.id)) {
    const Regime* regime =
        site->convention ? model.baremes.regime(site->convention->regime) : nullptr;
    if (const GridRow* row = regime ? regime->row_for(s->family(), c.contrat.type) : nullptr)
      rows.push_back(row);
  }
  return rows;
}

}  // namespace tampon::rules
