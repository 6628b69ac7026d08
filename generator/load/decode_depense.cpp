#include <fmt/format.h>

#include "load/decoders.hpp"

namespace tampon::load {
namespace {

constexpr std::string_view k_keys[] = {"structure", "convention", "trimestre", "lignes"};
constexpr std::string_view k_ligne[] = {"conseiller", "salaires_bruts", "charges_patronales",
                                        "frais", "justificatif"};

void read_lignes(FileDecoder& d, const YamlNode& seq, Depense& dep, LocList& locs) {
  auto items = d.tree().items(seq);
  dep.lignes.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YamlNode& item = d.tree().node(items[i]);
    std::string path = indexed("lignes", i);
    if (item.kind != NodeKind::Mapping) {
      d.report(item, "wrong-type",
               fmt::format("« {} » doit être un bloc de champs (conseiller, salaires_bruts, …), "
                           "pas {} ; cette ligne est ignorée",
                           path, kind_fr(item.kind)));
      continue;
    }
    MapReader m(d, item, k_ligne, path, &locs);
    locs.emplace_back(path, d.loc(item));
    LigneDepense l;
    l.conseiller = m.id("conseiller", Need::Required).value_or("");
    l.salaires_bruts = m.money("salaires_bruts", Need::Required).value_or(Money{});
    l.charges_patronales = m.money("charges_patronales", Need::Required).value_or(Money{});
    l.frais = m.money("frais", Need::Required).value_or(Money{});
    l.justificatif = m.text("justificatif", Need::Required).value_or("");
    dep.lignes.push_back(std::move(l));
  }
}

}  // namespace

void decode_depense(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Depense> rec;
  MapReader r(d, map, k_keys, "", &rec.locs);
  Depense& dep = rec.record;
  dep.locs.record = d.loc(map);
  dep.structure = r.id("structure", Need::Required).value_or("");
  dep.convention = r.id("convention", Need::Required).value_or("");
  dep.trimestre = r.quarter("trimestre", Need::Required).value_or(Quarter{});
  if (auto* seq = r.block("lignes", Need::Required, NodeKind::Sequence))
    read_lignes(d, *seq, dep, rec.locs);
  out.depenses.push_back(std::move(rec));
}

}  // namespace tampon::load
