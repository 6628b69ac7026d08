#pragma once
/// RecordRef of each record kind, with the natural keys model.hpp documents for records
/// without an id: versement `cv-1/poste-1/tranche-2`, rapport `cn-0001/2022-03`, depense
/// `structure/convention/2022-T1`.
#include "tampon/model.hpp"

namespace tampon {

RecordRef ref_of(const Structure& r);
RecordRef ref_of(const Conseiller& r);
RecordRef ref_of(const Convention& r);
RecordRef ref_of(const Avenant& r);
RecordRef ref_of(const Versement& r);
RecordRef ref_of(const Rapport& r);
RecordRef ref_of(const Depense& r);

}  // namespace tampon
