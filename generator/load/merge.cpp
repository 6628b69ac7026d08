#include "load/merge.hpp"

#include <algorithm>
#include <compare>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace tampon::load {
namespace {

template <class T>
void attach(std::vector<Decoded<T>>& records) {
  for (auto& d : records) {
    d.record.locs.reserve(d.locs.size());  // exactly: the model keeps these for its lifetime
    for (const auto& [path, loc] : d.locs) d.record.locs.set(path, loc);
    LocList().swap(d.locs);
  }
}

template <class T>
void move_records(std::vector<Decoded<T>>& from, std::vector<T>& to) {
  for (auto& d : from) {
    d.record.locs.reserve(d.locs.size());
    for (const auto& [path, loc] : d.locs) d.record.locs.set(path, loc);
    to.push_back(std::move(d.record));
  }
  std::vector<Decoded<T>>().swap(from);  // release the buffer now, not at the end of the load
}

// Ties (duplicates, for validation to report) keep the order of files and lines.
auto position(const FieldLocs& locs) {
  return std::tuple(locs.record.file, locs.record.line, locs.record.column);
}

// Moves each record once into place: slot i receives v[order[i]], one cycle at a time. A
// sort of the records themselves would move 264-byte reports n·log n times.
template <class T>
void apply_order(std::vector<T>& v, std::vector<std::uint32_t>& order) {
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

// Sorts by `key(record)` (a tuple of references: comparing copies no string); ties keep file
// and line order. Validation sorts again what the loader sorted (a RecordSet may be built by
// hand): one linear pass makes that second sort free.
template <class T, class Key>
void sort_by(std::vector<T>& v, Key key) {
  auto before = [&](const T& a, const T& b) {
    if (auto c = key(a) <=> key(b); c != 0) return c < 0;
    return position(a.locs) < position(b.locs);
  };
  if (std::is_sorted(v.begin(), v.end(), before)) return;
  std::vector<std::uint32_t> order(v.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return before(v[a], v[b]); });
  apply_order(v, order);
}

// The rank of each record's `field` among the field's distinct values: ranks order like the
// strings, for one hash lookup per record instead of log n string comparisons.
template <class T, class Field>
std::vector<std::uint32_t> ranks(const std::vector<T>& v, Field field) {
  std::unordered_map<std::string_view, std::uint32_t> rank;
  for (const T& r : v) rank.try_emplace(field(r), 0);
  std::vector<std::string_view> distinct;
  distinct.reserve(rank.size());
  for (const auto& [text, unused] : rank) distinct.push_back(text);
  std::sort(distinct.begin(), distinct.end());
  for (std::uint32_t i = 0; i < distinct.size(); ++i) rank[distinct[i]] = i;
  std::vector<std::uint32_t> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = rank[field(v[i])];
  return out;
}

// Reports by (structure, conseiller, mois), as Model::rapports_of_structure expects. National
// data has 120 000 of them: sorted on integer keys built from ranks, not on strings.
void sort_rapports(std::vector<Rapport>& v) {
  // Validation sorts again what the loader sorted: one pass of string comparisons tells, where
  // the ranks below cost two hash tables of 120 000 entries (about 80 ms).
  auto before = [](const Rapport& a, const Rapport& b) {
    if (auto c = a.structure <=> b.structure; c != 0) return c < 0;
    if (auto c = a.conseiller <=> b.conseiller; c != 0) return c < 0;
    if (a.mois.index() != b.mois.index()) return a.mois.index() < b.mois.index();
    return position(a.locs) < position(b.locs);
  };
  if (std::is_sorted(v.begin(), v.end(), before)) return;
  std::vector<std::uint32_t> structure =
      ranks(v, [](const Rapport& r) -> std::string_view { return r.structure; });
  std::vector<std::uint32_t> conseiller =
      ranks(v, [](const Rapport& r) -> std::string_view { return r.conseiller; });
  using Key =
      std::tuple<std::uint32_t, std::uint32_t, int, std::uint32_t, std::uint32_t, std::uint32_t>;
  std::vector<Key> keys(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const SourceLoc& at = v[i].locs.record;
    keys[i] = {structure[i], conseiller[i], v[i].mois.index(), at.file, at.line, at.column};
  }
  if (std::is_sorted(keys.begin(), keys.end())) return;
  std::vector<std::uint32_t> order(v.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });
  apply_order(v, order);
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
  sort_rapports(r.rapports);
  sort_by(r.depenses,
          [](const Depense& d) { return std::tie(d.structure, d.convention, d.trimestre); });
}

}  // namespace tampon::load
