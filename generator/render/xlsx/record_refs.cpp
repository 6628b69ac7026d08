#include "render/xlsx/record_refs.hpp"

#include <algorithm>
#include <set>

namespace tampon::xlsx {

RefIndex::RefIndex(const Model& model) {
  for (const Versement& v : model.records.versements) m_versements[v.convention].push_back(&v);
  for (const Rapport& r : model.records.rapports) m_rapports[r.conseiller].push_back(&r);
}

std::span<const Versement* const> RefIndex::versements_of(std::string_view convention_id) const {
  auto it = m_versements.find(convention_id);
  if (it == m_versements.end()) return {};
  return it->second;
}

std::span<const Rapport* const> RefIndex::rapports_of(std::string_view conseiller_id) const {
  auto it = m_rapports.find(conseiller_id);
  if (it == m_rapports.end()) return {};
  return it->second;
}

std::vector<RecordRef> RefIndex::convention_inputs(const ConventionState& cs) const {
  std::vector<RecordRef> refs{{RecordKind::Convention, cs.record->id},
                              {RecordKind::Structure, cs.record->structure}};
  for (const Avenant* a : cs.avenants) refs.push_back({RecordKind::Avenant, a->id});
  std::set<std::string_view> conseillers;
  for (const ConventionVersion& version : cs.versions)
    for (const PostState& post : version.posts)
      if (post.conseiller) conseillers.insert(*post.conseiller);
  for (std::string_view id : conseillers) {
    refs.push_back({RecordKind::Conseiller, std::string(id)});
    for (const Rapport* r : rapports_of(id)) refs.push_back(ref_of(*r));
  }
  for (const Versement* v : versements_of(cs.record->id)) refs.push_back(ref_of(*v));
  normalize(refs);
  refs.shrink_to_fit();  // kept by the plan until the build ends
  return refs;
}

void normalize(std::vector<RecordRef>& refs) {
  std::sort(refs.begin(), refs.end());
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
}

}  // namespace tampon::xlsx
