#include "load/merge.hpp"

#include <algorithm>
#include <compare>
#include <cstdint>
#include <tuple>

namespace tampon::load {
namespace {

template <class T>
void attach(std::vector<Decoded<T>>& records) {
  for (auto& d : records) {
    for (auto& [path, loc] : d.locs) d.record.locs.set(std::move(path), loc);
    LocList().swap(d.locs);
  }
}

template <class T>
void move_records(std::vector<Decoded<T>>& from, std::vector<T>& to) {
  for (auto& d : from) {
    for (auto& [path, loc] : d.locs) d.record.locs.set(std::move(path), loc);
    to.push_back(std::move(d.record));
  }
  std::vector<Decoded<T>>().swap(from);  // release the buffer now, not at the end of the load
}

// Ties (duplicates, for validation to report) keep the order of files and lines.
auto position(const FieldLocs& locs) {
  return std::tuple(locs.record.file, locs.record.line, locs.record.column);
}

// Sorts an index, then moves each record once into place: a stable sort of the records
// themselves would move 264-byte reports n·log n times. `key` returns a tuple of references
// (std::tie), so comparing copies no string; ties keep file and line order.
template <class T, class Key>
void sort_by(std::vector<T>& v, Key key) {
  auto before = [&](const T& a, const T& b) {
    if (auto c = key(a) <=> key(b); c != 0) return c < 0;
    return position(a.locs) < position(b.locs);
  };
  // Validation sorts again what the loader sorted (a RecordSet may be built by hand): one
  // linear pass makes the second sort free.
  if (std::is_sorted(v.begin(), v.end(), before)) return;
  std::vector<std::uint32_t> order(v.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return before(v[a], v[b]); });
  // Apply the permutation in place, one cycle at a time: slot i receives v[order[i]].
  for (std::size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    T held = std::move(v[start]);
    std::size_t slot = start;
    while (order[slot] != start) {
      std::size_t from = order[slot];
      v[slot] = std::move(v[from]);
      order[slot] = static_cast<std::uint32_t>(slot);
      slot = from;
    }
    v[slot] = std::move(held);
    order[slot] = static_cast<std::uint32_t>(slot);
  }
}

}  // namespace

void attach_locs(FileResult& file) {
  attach(file.structures);
  attach(file.conseillers);
  attach(file.conventions);
  attach(file.avenants);
  attach(file.versements);
  attach(file.rapports);
  attach(file.depenses);
}

void reserve_records(std::span<const FileResult* const> files, RecordSet& r) {
  auto total = [&](auto member) {
    std::size_t n = 0;
    for (const FileResult* f : files) n += (f->*member).size();
    return n;
  };
  r.structures.reserve(r.structures.size() + total(&FileResult::structures));
  r.conseillers.reserve(r.conseillers.size() + total(&FileResult::conseillers));
  r.conventions.reserve(r.conventions.size() + total(&FileResult::conventions));
  r.avenants.reserve(r.avenants.size() + total(&FileResult::avenants));
  r.versements.reserve(r.versements.size() + total(&FileResult::versements));
  r.rapports.reserve(r.rapports.size() + total(&FileResult::rapports));
  r.depenses.reserve(r.depenses.size() + total(&FileResult::depenses));
}

void merge_file(FileResult&& file, const std::string& path, RecordSet& records,
                Diagnostics& diagnostics) {
  move_records(file.structures, records.structures);
  move_records(file.conseillers, records.conseillers);
  move_records(file.conventions, records.conventions);
  move_records(file.avenants, records.avenants);
  move_records(file.versements, records.versements);
  move_records(file.rapports, records.rapports);
  move_records(file.depenses, records.depenses);
  for (auto& d : file.diagnostics) {
    d.where.file = path;
    for (auto& note : d.notes)
      if (note.where.file.empty() && note.where.line != 0) note.where.file = path;
    diagnostics.push_back(std::move(d));
  }
  file.diagnostics.clear();
}

void sort_records(RecordSet& r) {
  auto by_id = [](const auto& x) { return std::tie(x.id); };
  sort_by(r.structures, by_id);
  sort_by(r.conseillers, by_id);
  sort_by(r.conventions, by_id);
  sort_by(r.avenants, by_id);
  sort_by(r.versements,
          [](const Versement& v) { return std::tie(v.convention, v.poste, v.tranche, v.date); });
  sort_by(r.rapports, [](const Rapport& p) { return std::tie(p.structure, p.conseiller, p.mois); });
  sort_by(r.depenses,
          [](const Depense& d) { return std::tie(d.structure, d.convention, d.trimestre); });
}

}  // namespace tampon::load
