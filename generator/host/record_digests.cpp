#include "host/record_digests.hpp"

#include <span>
#include <vector>

#include "core/parallel.hpp"
#include "load/record_codec.hpp"
#include "load/source_files.hpp"
#include "tampon/record_refs.hpp"

namespace tampon {
namespace {

struct Slot {
  RecordRef ref;
  RecordDigests::Digest digest{};
};

template <class R>
void digest_all(std::span<const R> records, unsigned threads, std::vector<Slot>& slots) {
  std::size_t first = slots.size();
  slots.resize(first + records.size());
  // Each index fills its own slot: no lock, and the result never depends on timing.
  for_each_index(records.size(), threads, [&](std::size_t i) {
    slots[first + i].ref = ref_of(records[i]);
    slots[first + i].digest = load::sha256(load::record_content(records[i]));
  });
}

}  // namespace

RecordDigests::RecordDigests(const Model& model, unsigned threads) {
  const RecordSet& r = model.records;
  std::vector<Slot> slots;
  slots.reserve(r.structures.size() + r.conseillers.size() + r.conventions.size() +
                r.avenants.size() + r.versements.size() + r.rapports.size() + r.depenses.size());
  digest_all<Structure>(r.structures, threads, slots);
  digest_all<Conseiller>(r.conseillers, threads, slots);
  digest_all<Convention>(r.conventions, threads, slots);
  digest_all<Avenant>(r.avenants, threads, slots);
  digest_all<Versement>(r.versements, threads, slots);
  digest_all<Rapport>(r.rapports, threads, slots);
  digest_all<Depense>(r.depenses, threads, slots);
  m_digests.reserve(slots.size());
  // A duplicate id (an error, so --keep-going skips its readers) keeps its first digest.
  for (Slot& s : slots) m_digests.emplace(std::move(s.ref), s.digest);
}

const RecordDigests::Digest* RecordDigests::find(const RecordRef& ref) const {
  auto it = m_digests.find(ref);
  return it == m_digests.end() ? nullptr : &it->second;
}

}  // namespace tampon
