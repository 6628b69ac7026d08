#include "load/decoders.hpp"

namespace tampon::load {
void decode_versement(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Versement> rec;
  MapReader r(d, map, record_table(RecordKind::Versement).fields, "", &rec.locs);
  Versement& v = rec.record;
  v.locs.record = d.loc(map);
  v.convention = r.id("convention").value_or("");
  v.poste = r.integer("poste").value_or(0);
  v.tranche = r.integer("tranche").value_or(0);
  v.date = r.date("date").value_or(Date{});
  v.montant = r.money("montant").value_or(Money{});
  v.statut = r.choice<VersementStatut>("statut").value_or(VersementStatut::Versee);
  out.versements.push_back(std::move(rec));
}

}  // namespace tampon::load
