#include <fmt/format.h>

#include "load/decoders.hpp"

namespace tampon::load {
namespace {

void read_lignes(FileDecoder& d, const YamlNode& seq, std::span<const Field> fields, Depense& dep,
                 LocList& locs) {
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
    MapReader m(d, item, fields, path, &locs);
    locs.emplace_back(path, d.loc(item));
    LigneDepense l;
    l.conseiller = m.id("conseiller").value_or("");
    l.salaires_bruts = m.money("salaires_bruts").value_or(Money{});
    l.charges_patronales = m.money("charges_patronales").value_or(Money{});
    l.frais = m.money("frais").value_or(Money{});
    l.justificatif = m.text("justificatif").value_or("");
    dep.lignes.push_back(std::move(l));
  }
}

}  // namespace

void decode_depense(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Depense> rec;
  MapReader r(d, map, record_table(RecordKind::Depense).fields, "", &rec.locs);
  Depense& dep = rec.record;
  dep.locs.record = d.loc(map);
  dep.structure = r.id("structure").value_or("");
  dep.convention = r.id("convention").value_or("");
  dep.trimestre = r.quarter("trimestre").value_or(Quarter{});
  if (auto* seq = r.block("lignes")) read_lignes(d, *seq, r.field("lignes").fields, dep, rec.locs);
  out.depenses.push_back(std::move(rec));
}

}  // namespace tampon::load
