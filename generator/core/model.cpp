#include "tampon/model.hpp"

#include <algorithm>

namespace tampon {
namespace {

template <class Map, class Vec>
auto lookup(const Map& map, const Vec& vec, std::string_view id) -> decltype(&vec[0]) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : &vec[it->second];
}

template <class Vec>
void index_by_id(const Vec& vec, std::map<std::string, std::size_t, std::less<>>& map) {
  map.clear();
  for (std::size_t i = 0; i < vec.size(); ++i) map.emplace(vec[i].id, i);  // first one wins
}

}  // namespace

const ConventionVersion* ConventionState::before(const Avenant& avenant) const {
  for (std::size_t i = 1; i < versions.size(); ++i)
    if (versions[i].avenant == avenant.id) return &versions[i - 1];
  return nullptr;
}

const ConventionVersion* ConventionState::after(const Avenant& avenant) const {
  for (const auto& version : versions)
    if (version.avenant == avenant.id) return &version;
  return nullptr;
}

void Model::index() {
  index_by_id(records.structures, m_structures);
  index_by_id(records.conseillers, m_conseillers);
  index_by_id(records.conventions, m_conventions);
  index_by_id(records.avenants, m_avenants);
  m_states.clear();
  for (std::size_t i = 0; i < conventions.size(); ++i)
    m_states.emplace(conventions[i].record->id, i);
  m_rapports_by_structure.clear();
  const auto& rapports = records.rapports;
  for (std::size_t i = 0; i < rapports.size();) {
    std::size_t j = i;
    while (j < rapports.size() && rapports[j].structure == rapports[i].structure) ++j;
    m_rapports_by_structure.emplace(rapports[i].structure, std::pair{i, j});
    i = j;
  }
}

const Structure* Model::structure(std::string_view id) const {
  return lookup(m_structures, records.structures, id);
}
const Conseiller* Model::conseiller(std::string_view id) const {
  return lookup(m_conseillers, records.conseillers, id);
}
const Convention* Model::convention(std::string_view id) const {
  return lookup(m_conventions, records.conventions, id);
}
const Avenant* Model::avenant(std::string_view id) const {
  return lookup(m_avenants, records.avenants, id);
}
const ConventionState* Model::convention_state(std::string_view id) const {
  return lookup(m_states, conventions, id);
}

std::span<const Rapport> Model::rapports_of_structure(std::string_view structure_id) const {
  auto it = m_rapports_by_structure.find(structure_id);
  if (it == m_rapports_by_structure.end()) return {};
  return std::span(records.rapports)
      .subspan(it->second.first, it->second.second - it->second.first);
}

std::vector<const Conseiller*> Model::conseillers_of_structure(
    std::string_view structure_id) const {
  std::vector<const Conseiller*> out;
  for (const auto& c : records.conseillers)
    if (c.structure == structure_id) out.push_back(&c);
  return out;
}

std::vector<const Convention*> Model::conventions_of_structure(
    std::string_view structure_id) const {
  std::vector<const Convention*> out;
  for (const auto& c : records.conventions)
    if (c.structure == structure_id) out.push_back(&c);
  return out;
}

std::vector<const Depense*> Model::depenses_of_structure(std::string_view structure_id) const {
  std::vector<const Depense*> out;
  for (const auto& d : records.depenses)
    if (d.structure == structure_id) out.push_back(&d);
  return out;
}

Location Model::where(SourceLoc loc) const {
  if (loc.file == 0 || loc.file >= records.files.size()) return {};
  return {records.files.path(loc.file), loc.line, loc.column};
}

}  // namespace tampon
