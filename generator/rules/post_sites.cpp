#include "rules/post_sites.hpp"

#include "rules/checker.hpp"

namespace tampon::rules {

std::string PostSite::label() const {
  std::string n = "poste " + std::to_string(poste->numero);
  if (avenant) return n + " ajouté par l'avenant " + avenant->id;
  return n + " de la convention " + convention->id;
}

bool PostSite::written(std::string_view field) const {
  return rules::written(*locs, path + "." + std::string(field));
}

std::vector<PostSite> post_sites(const Model& model) {
  std::vector<PostSite> out;
  for (const auto& c : model.records.conventions)
    for (std::size_t i = 0; i < c.postes.size(); ++i)
      out.push_back(
          {&c.postes[i], &c, nullptr, &c.locs, "postes[" + std::to_string(i) + "]", ref_of(c)});
  for (const auto& a : model.records.avenants)
    for (std::size_t i = 0; i < a.postes_ajoutes.size(); ++i)
      out.push_back({&a.postes_ajoutes[i], model.convention(a.convention), &a, &a.locs,
                     "postes_ajoutes[" + std::to_string(i) + "]", ref_of(a)});
  return out;
}

}  // namespace tampon::rules
