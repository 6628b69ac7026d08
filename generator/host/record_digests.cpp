#include "host/record_digests.hpp"

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "core/parallel.hpp"
#include "io/sha256.hpp"
#include "load/record_codec.hpp"
#include "load/source_files.hpp"
#include "tampon/record_refs.hpp"

namespace tampon {
namespace {

struct Digested {
  RecordRef ref;
  RecordDigests::Digest digest{}, public_digest{};
};

// What any output may print of a record (record_digests.hpp): a copy without the fields only
// the rules read. Whatever an output prints of a record must stay in this part, or an edit of
// it would leave that output stale: tests/cli/partial_build_test.cpp edits every field of a
// conseiller and of a structure and compares an incremental build with a build from scratch.
template <class R>
const R& printed_part(const R& record, R&) {
  return record;
}
const Conseiller& printed_part(const Conseiller& c, Conseiller& copy) {
  copy = c;
  copy.courriel.clear();                        // no output prints it
  copy.recrutement.reset();                     // recruitment deadlines (rules)
  copy.contrat.salaire_brut_mensuel = Money{};  // at least the SMIC (rules)
  if (copy.rupture) copy.rupture->motif.clear();
  return copy;
}
const Structure& printed_part(const Structure& s, Structure& copy) {
  copy = s;
  copy.contact = Contact{};  // the programme's correspondent: no output prints it
  return copy;
}

// The public part: the printed part without what only personal-data outputs may print.
template <class R>
const R& public_part(const R& printed, R&) {
  return printed;
}
const Conseiller& public_part(const Conseiller& printed, Conseiller& copy) {
  copy = printed;
  copy.contrat.aides_emploi = Money{};
  if (!copy.publication_nom) {
    copy.prenom.clear();
    copy.nom.clear();
  }
  return copy;
}
const Structure& public_part(const Structure& printed, Structure& copy) {
  copy = printed;
  copy.iban.reset();
  copy.bic.reset();
  return copy;
}

template <class R>
void digest_all(std::span<const R> records, unsigned threads, const std::set<RecordRef>* only,
                std::vector<Digested>& slots) {
  std::vector<const R*> chosen;
  chosen.reserve(only ? only->size() : records.size());
  for (const R& record : records)
    if (!only || only->contains(ref_of(record))) chosen.push_back(&record);
  std::size_t first = slots.size();
  slots.resize(first + chosen.size());
  // Each index fills its own slot: no lock, and the result never depends on timing.
  for_each_index(chosen.size(), threads, [&](std::size_t i) {
    Digested& slot = slots[first + i];
    const R& record = *chosen[i];
    slot.ref = ref_of(record);
    R printed_copy, public_copy;
    const R& printed = printed_part(record, printed_copy);
    slot.digest = load::sha256(load::record_content(printed));
    const R& shown = public_part(printed, public_copy);
    slot.public_digest =
        &shown == &printed ? slot.digest : load::sha256(load::record_content(shown));
  });
}

}  // namespace

RecordDigests::RecordDigests(const Model& model, unsigned threads,
                             const std::set<RecordRef>* only) {
  const RecordSet& r = model.records;
  std::vector<Digested> slots;
  if (!only)
    slots.reserve(r.structures.size() + r.conseillers.size() + r.conventions.size() +
                  r.avenants.size() + r.versements.size() + r.rapports.size() + r.depenses.size());
  digest_all<Structure>(r.structures, threads, only, slots);
  digest_all<Conseiller>(r.conseillers, threads, only, slots);
  digest_all<Convention>(r.conventions, threads, only, slots);
  digest_all<Avenant>(r.avenants, threads, only, slots);
  digest_all<Versement>(r.versements, threads, only, slots);
  digest_all<Rapport>(r.rapports, threads, only, slots);
  digest_all<Depense>(r.depenses, threads, only, slots);
  std::size_t capacity = 16;
  while (capacity < 2 * slots.size()) capacity *= 2;
  m_slots.assign(capacity, Slot{});
  m_entries.reserve(slots.size());
  std::size_t id_bytes = 0;
  for (const Digested& s : slots) id_bytes += s.ref.id.size();
  m_ids.reserve(id_bytes);
  const std::size_t mask = capacity - 1;
  // A duplicate id (an error, so --keep-going skips its readers) keeps its first digest.
  for (const Digested& s : slots) {
    std::uint64_t hash = hash_of(s.ref.kind, s.ref.id);
    std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32);
    bool duplicate = false;
    std::size_t at = hash & mask;
    for (;; at = (at + 1) & mask) {
      const RecordDigests::Slot& slot = m_slots[at];
      if (slot.entry == 0) break;
      const Entry& e = m_entries[slot.entry - 1];
      if (slot.tag == tag && e.kind == s.ref.kind &&
          std::string_view(m_ids).substr(e.id_at, e.id_size) == s.ref.id) {
        duplicate = true;
        break;
      }
    }
    if (duplicate) continue;
    m_entries.push_back({s.digest, s.public_digest, hash, static_cast<std::uint32_t>(m_ids.size()),
                         static_cast<std::uint32_t>(s.ref.id.size()), s.ref.kind});
    m_ids += s.ref.id;
    m_slots[at] = {tag, static_cast<std::uint32_t>(m_entries.size())};
  }
}

std::uint64_t RecordDigests::hash_of(RecordKind kind, std::string_view id) {
  std::uint64_t h = std::hash<std::string_view>{}(id);
  // Mixed with the kind (a structure and a conseiller may share an id) and spread over both
  // halves: the low bits pick the slot, the high ones are the tag.
  h ^= (static_cast<std::uint64_t>(kind) + 1) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

const RecordDigests::Entry* RecordDigests::lookup(const RecordRef& ref) const {
  if (m_slots.empty()) return nullptr;
  std::uint64_t hash = hash_of(ref.kind, ref.id);
  std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32);
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = m_slots[at];
    if (slot.entry == 0) return nullptr;
    if (slot.tag != tag) continue;
    const Entry& e = m_entries[slot.entry - 1];
    if (e.hash == hash && e.kind == ref.kind && e.id_size == ref.id.size() &&
        std::string_view(m_ids).substr(e.id_at, e.id_size) == ref.id)
      return &e;
  }
}

std::string RecordDigests::of_all(bool public_part) const {
  std::string text;
  text.reserve(m_entries.size() * (4 + 16 + 32));
  for (const Entry& e : m_entries) {
    text += static_cast<char>(e.kind);
    text.append(m_ids, e.id_at, e.id_size);
    text += '\0';
    const Digest& d = public_part ? e.public_part : e.printed;
    text.append(reinterpret_cast<const char*>(d.data()), d.size());
  }
  return sha256_hex(text);
}

const RecordDigests::Digest* RecordDigests::find(const RecordRef& ref) const {
  const Entry* e = lookup(ref);
  return e ? &e->printed : nullptr;
}

const RecordDigests::Digest* RecordDigests::find_public(const RecordRef& ref) const {
  const Entry* e = lookup(ref);
  return e ? &e->public_part : nullptr;
}

}  // namespace tampon
