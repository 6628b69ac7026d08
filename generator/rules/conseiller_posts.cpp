#include "rules/conseiller_posts.hpp"

namespace tampon::rules {

std::vector<PostSite> posts_of(const Model& model, std::string_view conseiller_id) {
  std::vector<PostSite> out;
  for (auto& site : post_sites(model))
    if (site.poste->conseiller == conseiller_id) out.push_back(std::move(site));
  return out;
}

bool is_coordinator(const Model& model, const Conseiller& c) {
  if (c.role == Role::Coordinateur) return true;
  for (const auto& site : posts_of(model, c.id))
    if (site.poste->role == Role::Coordinateur) return true;
  return false;
}

std::vector<const GridRow*> rows_of(const Model& model, const Conseiller& c) {
  std::vector<const GridRow*> rows;
  const Structure* s = model.structure(c.structure);
  if (!s) return rows;
  for (const auto& site : posts_of(model, c.id)) {
    const Regime* regime =
        site.convention ? model.baremes.regime(site.convention->regime) : nullptr;
    if (const GridRow* row = regime ? regime->row_for(s->family(), c.contrat.type) : nullptr)
      rows.push_back(row);
  }
  return rows;
}

}  // namespace tampon::rules
