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

template <class Record>
std::vector<const Record*> indexed(
    const std::map<std::string, std::vector<std::size_t>, std::less<>>& index,
    const std::vector<Record>& records, std::string_view structure_id) {
  std::vector<const Record*> out;
  auto it = index.find(structure_id);
  if (it == index.end()) return out;
  out.reserve(it->second.size());
  for (std::size_t i : it->second) out.push_back(&records[i]);
  return out;
}

template <class Record>
void index_by_structure(const std::vector<Record>& records,
                        std::map<std::string, std::vector<std::size_t>, std::less<>>& index) {
  index.clear();
  for (std::size_t i = 0; i < records.size(); ++i) {
    auto it = index.find(records[i].structure);
    if (it == index.end())
      it = index.emplace(records[i].structure, std::vector<std::size_t>{}).first;
    it->second.push_back(i);
  }
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
  index_by_structure(records.conseillers, m_conseillers_by_structure);
  index_by_structure(records.conventions, m_conventions_by_structure);
  index_by_structure(records.depenses, m_depenses_by_structure);
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
  return indexed(m_conseillers_by_structure, records.conseillers, structure_id);
}

std::vector<const Convention*> Model::conventions_of_structure(
    std::string_view structure_id) const {
  return indexed(m_conventions_by_structure, records.conventions, structure_id);
}

std::vector<const Depense*> Model::depenses_of_structure(std::string_view structure_id) const {
  return indexed(m_depenses_by_structure, records.depenses, structure_id);
}

Location Model::where(SourceLoc loc) const {
  if (loc.file == 0 || loc.file >= records.files.size()) return {};
  return {records.files.path(loc.file), loc.line, loc.column};
}

}  // namespace tampon
