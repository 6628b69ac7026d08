#include <fmt/format.h>

#include "load/decoders.hpp"

namespace tampon::load {
namespace {

void read_retires(FileDecoder& d, MapReader& r, Avenant& a, LocList& locs) {
  auto* seq = r.block("postes_retires");
  if (!seq) return;
  const Field& f = r.field("postes_retires");
  auto items = d.tree().items(*seq);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YamlNode& item = d.tree().node(items[i]);
    std::string path = indexed("postes_retires", i);
    locs.emplace_back(path, d.loc(item));
    if (auto n = decode_int(d, item, path, f.min, f.max)) a.postes_retires.push_back(*n);
  }
}

void read_substitution(FileDecoder& d, MapReader& r, Avenant& a, LocList& locs) {
  auto* b = r.block("substitution");
  if (!b) return;
  MapReader m(d, *b, r.field("substitution").fields, "substitution", &locs);
  auto poste = m.integer("poste");
  auto contrat = m.choice<ContractType>("contrat");
  if (poste && contrat) a.substitution = Substitution{*poste, *contrat};
}

// Each objet needs its own field (records.md; the avenant table's requirements); the loader
// says which one is missing.
void check_objet_fields(FileDecoder& d, MapReader& r, AvenantObjet objet) {
  std::string_view needed;
  for (const Requirement& q : record_table(RecordKind::Avenant).requirements)
    if (q.by == CheckedBy::Loader && q.when == "objet" && q.holds &&
        q.holds(static_cast<std::size_t>(objet)))
      needed = q.then;
  if (needed.empty()) return;
  const YamlNode* v = r.find(needed);
  if (v && v->kind != NodeKind::Null) return;
  // With what the avenant table says of that field (its format and an example).
  // The table's description starts with the objet it belongs to ("prolongation : …").
  const Field* field = find_field(record_table(RecordKind::Avenant).fields, needed);
  std::string_view what = field ? field->fr : std::string_view();
  if (std::string prefix = std::string(name(objet)) + " : "; what.starts_with(prefix))
    what.remove_prefix(prefix.size());
  d.report(v ? *v : r.node(), "missing-field",
           fmt::format("un avenant d'objet « {} » doit indiquer le champ « {} »{}", name(objet),
                       needed, what.empty() ? std::string() : fmt::format(" : {}", what)));
}

}  // namespace

void decode_avenant(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Avenant> rec;
  MapReader r(d, map, record_table(RecordKind::Avenant).fields, "", &rec.locs);
  auto id = record_id(d, r, "cet avenant est ignoré");
  if (!id) return;
  Avenant& a = rec.record;
  a.id = *id;
  a.locs.record = d.loc(map);
  a.convention = r.id("convention").value_or("");
  a.numero = r.integer("numero").value_or(0);
  a.date = r.date("date").value_or(Date{});
  auto objet = r.choice<AvenantObjet>("objet");
  a.objet = objet.value_or(AvenantObjet{});
  if (auto* seq = r.block("postes_ajoutes"))
    a.postes_ajoutes =
        decode_postes(d, *seq, "postes_ajoutes", r.field("postes_ajoutes").fields, rec.locs);
  read_retires(d, r, a, rec.locs);
  read_substitution(d, r, a, rec.locs);
  a.nouvelle_fin = r.date("nouvelle_fin");
  a.motif = r.text("motif").value_or("");
  if (objet) check_objet_fields(d, r, *objet);
  out.avenants.push_back(std::move(rec));
}

}  // namespace tampon::load
