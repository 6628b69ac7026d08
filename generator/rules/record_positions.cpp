#include "rules/record_positions.hpp"

#include <algorithm>

#include "tampon/record_refs.hpp"

namespace tampon::rules {

template <class R>
void RecordPositions::add_all(const Model& model, const std::vector<R>& records) {
  for (const auto& r : records) {
    Location at = model.where(r.locs.record);
    if (at.line) m_by_file[at.file].push_back({at.line, ref_of(r)});
  }
}

RecordPositions::RecordPositions(const Model& model) {
  const RecordSet& r = model.records;
  add_all(model, r.structures);
  add_all(model, r.conseillers);
  add_all(model, r.conventions);
  add_all(model, r.avenants);
  add_all(model, r.versements);
  add_all(model, r.rapports);
  add_all(model, r.depenses);
  for (auto& [file, starts] : m_by_file) std::ranges::stable_sort(starts, {}, &Start::line);
}

const RecordRef* RecordPositions::record_at(const Location& where) const {
  auto it = m_by_file.find(where.file);
  if (it == m_by_file.end()) return nullptr;
  const RecordRef* found = nullptr;
  for (const auto& s : it->second)
    if (s.line <= where.line) found = &s.ref;
  return found;
}

std::set<RecordRef> records_with_errors(const Model& model, const Diagnostics& diagnostics) {
  std::set<RecordRef> out;
  if (count_errors(diagnostics) == 0) return out;  // the common case: nothing to place
  RecordPositions positions(model);
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error)
      if (const RecordRef* ref = positions.record_at(d.where)) out.insert(*ref);
  return out;
}

}  // namespace tampon::rules
