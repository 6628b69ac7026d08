#include <fmt/format.h>

#include "load/decoders.hpp"

namespace tampon::load {
std::vector<Poste> decode_postes(FileDecoder& d, const YamlNode& seq, std::string_view name,
                                 std::span<const Field> fields, LocList& locs) {
  std::vector<Poste> postes;
  auto items = d.tree().items(seq);
  postes.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YamlNode& item = d.tree().node(items[i]);
    std::string path = indexed(name, i);
    if (item.kind != NodeKind::Mapping) {
      d.report(item, "wrong-type",
               fmt::format("« {} » doit être un bloc de champs (numero, role, …), pas {} ; ce "
                           "poste est ignoré",
                           path, kind_fr(item.kind)));
      continue;
    }
    postes.push_back(decode_poste(d, item, fields, path, locs));
  }
  return postes;
}

void decode_convention(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Convention> rec;
  MapReader r(d, map, record_table(RecordKind::Convention).fields, "", &rec.locs);
  auto id = record_id(d, r, "cette convention est ignorée");
  if (!id) return;
  Convention& c = rec.record;
  c.id = *id;
  c.locs.record = d.loc(map);
  c.structure = r.id("structure").value_or("");
  c.regime = r.text("regime").value_or("");  // checked against baremes by rules
  c.signature = r.date("signature").value_or(Date{});
  c.debut = r.date("debut").value_or(Date{});
  c.fin = r.date("fin").value_or(Date{});
  c.dossier = r.text("dossier");
  c.deliberation = r.date("deliberation");
  (void)r.text("id_pilotage");  // import pilotage's link; no output reads it
  if (auto* seq = r.block("postes"))
    c.postes = decode_postes(d, *seq, "postes", r.field("postes").fields, rec.locs);
  out.conventions.push_back(std::move(rec));
}

}  // namespace tampon::load
