#include "load/decoders.hpp"

namespace tampon::load {
namespace {
constexpr std::string_view k_keys[] = {"convention", "poste",   "tranche",
                                       "date",       "montant", "statut"};
}  // namespace

void decode_versement(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Versement> rec;
  MapReader r(d, map, k_keys, "", &rec.locs);
  Versement& v = rec.record;
  v.locs.record = d.loc(map);
  v.convention = r.id("convention", Need::Required).value_or("");
  v.poste = r.integer("poste", Need::Required, 1, 999).value_or(0);
  v.tranche = r.integer("tranche", Need::Required, 1, 99).value_or(0);
  v.date = r.date("date", Need::Required).value_or(Date{});
  v.montant = r.money("montant", Need::Required).value_or(Money{});
  v.statut = r.choice<VersementStatut>("statut", Need::Required).value_or(VersementStatut::Versee);
  out.versements.push_back(std::move(rec));
}

}  // namespace tampon::load
