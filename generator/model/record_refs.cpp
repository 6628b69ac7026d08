#include "tampon/record_refs.hpp"

namespace tampon {

RecordRef ref_of(const Structure& r) { return {RecordKind::Structure, r.id}; }
RecordRef ref_of(const Conseiller& r) { return {RecordKind::Conseiller, r.id}; }
RecordRef ref_of(const Convention& r) { return {RecordKind::Convention, r.id}; }
RecordRef ref_of(const Avenant& r) { return {RecordKind::Avenant, r.id}; }

RecordRef ref_of(const Versement& r) {
  return {RecordKind::Versement, r.convention + "/poste-" + std::to_string(r.poste) + "/tranche-" +
                                     std::to_string(r.tranche)};
}

RecordRef ref_of(const Rapport& r) {
  return {RecordKind::Rapport, r.conseiller + "/" + r.mois.iso()};
}

RecordRef ref_of(const Depense& r) {
  return {RecordKind::Depense, r.structure + "/" + r.convention + "/" + r.trimestre.iso()};
}

}  // namespace tampon
