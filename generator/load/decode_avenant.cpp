#include <fmt/format.h>

#include "load/decoders.hpp"

namespace tampon::load {
namespace {

constexpr std::string_view k_keys[] = {
    "id",           "convention",   "numero", "date", "objet", "postes_ajoutes", "postes_retires",
    "substitution", "nouvelle_fin", "motif"};
constexpr std::string_view k_substitution[] = {"poste", "contrat"};

void read_retires(FileDecoder& d, MapReader& r, Avenant& a, LocList& locs) {
  auto* seq = r.block("postes_retires", Need::Optional, NodeKind::Sequence);
  if (!seq) return;
  auto items = d.tree().items(*seq);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YamlNode& item = d.tree().node(items[i]);
    std::string path = indexed("postes_retires", i);
    locs.emplace_back(path, d.loc(item));
    if (auto n = decode_int(d, item, path, 1, 999)) a.postes_retires.push_back(*n);
  }
}

void read_substitution(FileDecoder& d, MapReader& r, Avenant& a, LocList& locs) {
  auto* b = r.block("substitution", Need::Optional, NodeKind::Mapping);
  if (!b) return;
  MapReader m(d, *b, k_substitution, "substitution", &locs);
  auto poste = m.integer("poste", Need::Required, 1, 999);
  auto contrat = m.choice<ContractType>("contrat", Need::Required);
  if (poste && contrat) a.substitution = Substitution{*poste, *contrat};
}

// Each objet needs its own field (records.md); the loader says which one is missing.
void check_objet_fields(FileDecoder& d, MapReader& r, AvenantObjet objet) {
  std::string_view needed;
  switch (objet) {
    case AvenantObjet::AjoutPostes:
      needed = "postes_ajoutes";
      break;
    case AvenantObjet::RetraitPostes:
      needed = "postes_retires";
      break;
    case AvenantObjet::SubstitutionCoordinateur:
      needed = "substitution";
      break;
    case AvenantObjet::Prolongation:
      needed = "nouvelle_fin";
      break;
  }
  const YamlNode* v = r.find(needed);
  if (v && v->kind != NodeKind::Null) return;
  d.report(
      v ? *v : r.node(), "missing-field",
      fmt::format("un avenant d'objet « {} » doit indiquer le champ « {} »", name(objet), needed));
}

}  // namespace

void decode_avenant(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Avenant> rec;
  MapReader r(d, map, k_keys, "", &rec.locs);
  auto id = record_id(d, r, "cet avenant est ignoré");
  if (!id) return;
  Avenant& a = rec.record;
  a.id = *id;
  a.locs.record = d.loc(map);
  a.convention = r.id("convention", Need::Required).value_or("");
  a.numero = r.integer("numero", Need::Required, 1, 999).value_or(0);
  a.date = r.date("date", Need::Required).value_or(Date{});
  auto objet = r.choice<AvenantObjet>("objet", Need::Required);
  a.objet = objet.value_or(AvenantObjet{});
  if (auto* seq = r.block("postes_ajoutes", Need::Optional, NodeKind::Sequence))
    a.postes_ajoutes = decode_postes(d, *seq, "postes_ajoutes", rec.locs);
  read_retires(d, r, a, rec.locs);
  read_substitution(d, r, a, rec.locs);
  a.nouvelle_fin = r.date("nouvelle_fin", Need::Optional);
  a.motif = r.text("motif", Need::Required).value_or("");
  if (objet) check_objet_fields(d, r, *objet);
  out.avenants.push_back(std::move(rec));
}

}  // namespace tampon::load
