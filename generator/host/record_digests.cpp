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
  RecordDigests::Digest digest{}, public_digest{};
};

// The public part of a record (record_digests.hpp): a copy without what only personal-data
// outputs may print. Whatever an output prints of a record must stay in this part, or an edit
// of it would leave that output stale: tests/cli/partial_build_test.cpp edits every field of a
// conseiller and of a structure and compares an incremental build with a build from scratch.
template <class R>
const R& public_part(const R& record, R&) {
  return record;
}
const Conseiller& public_part(const Conseiller& c, Conseiller& copy) {
  copy = c;
  copy.courriel.clear();
  copy.recrutement.reset();
  copy.contrat.salaire_brut_mensuel = Money{};
  copy.contrat.aides_emploi = Money{};
  if (copy.rupture) copy.rupture->motif.clear();
  if (!copy.publication_nom) {
    copy.prenom.clear();
    copy.nom.clear();
  }
  return copy;
}
const Structure& public_part(const Structure& s, Structure& copy) {
  copy = s;
  copy.contact = Contact{};
  copy.iban.reset();
  copy.bic.reset();
  return copy;
}

template <class R>
void digest_all(std::span<const R> records, unsigned threads, std::vector<Slot>& slots) {
  std::size_t first = slots.size();
  slots.resize(first + records.size());
  // Each index fills its own slot: no lock, and the result never depends on timing.
  for_each_index(records.size(), threads, [&](std::size_t i) {
    Slot& slot = slots[first + i];
    slot.ref = ref_of(records[i]);
    slot.digest = load::sha256(load::record_content(records[i]));
    R copy;
    const R& shown = public_part(records[i], copy);
    slot.public_digest =
        &shown == &records[i] ? slot.digest : load::sha256(load::record_content(shown));
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
  for (Slot& s : slots) m_digests.emplace(std::move(s.ref), Digests{s.digest, s.public_digest});
}

const RecordDigests::Digest* RecordDigests::find(const RecordRef& ref) const {
  auto it = m_digests.find(ref);
  return it == m_digests.end() ? nullptr : &it->second.whole;
}

const RecordDigests::Digest* RecordDigests::find_public(const RecordRef& ref) const {
  auto it = m_digests.find(ref);
  return it == m_digests.end() ? nullptr : &it->second.public_part;
}

}  // namespace tampon
