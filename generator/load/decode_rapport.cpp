#include <fmt/format.h>

#include "load/decoders.hpp"
#include "load/personal_data_check.hpp"

namespace tampon::load {
namespace {

void read_activites(FileDecoder& d, MapReader& r, Activites& a) {
  auto* b = r.block("activites");
  if (!b) return;
  MapReader m(d, *b, r.field("activites").fields, "activites", nullptr);
  a.accompagnements_individuels = m.integer("accompagnements_individuels").value_or(0);
  a.ateliers_collectifs = m.integer("ateliers_collectifs").value_or(0);
  a.participants_ateliers = m.integer("participants_ateliers").value_or(0);
  a.demandes_ponctuelles = m.integer("demandes_ponctuelles").value_or(0);
  a.appels_solidarite_numerique = m.integer("appels_solidarite_numerique").value_or(0);
}

/// `themes` and `lieux`: counts keyed by a closed list, so an unknown key is an unknown value
/// (with a hint), not an unknown field.
template <class E, std::size_t N>
bool read_counts(FileDecoder& d, MapReader& r, std::string_view key, std::array<int, N>& counts) {
  auto* b = r.block(key);
  if (!b) return false;
  const Field& f = r.field(key, {FieldType::Counts});
  const YamlTree& t = d.tree();
  std::array<bool, N> seen{};
  for (std::uint32_t i = 0; i < b->count; ++i) {
    const YamlNode& k = t.key(*b, i);
    std::string_view name = k.kind == NodeKind::Scalar ? d.text(k) : std::string_view{};
    auto e = parse_enum<E>(name);
    if (!e) {
      d.report(k, "unknown-value",
               fmt::format("clé « {} » inconnue dans « {} »{}", name, key,
                           did_you_mean(name, names<E>())));
      continue;
    }
    auto slot = static_cast<std::size_t>(*e);
    std::string path = fmt::format("{}.{}", key, name);
    if (seen[slot]) {
      d.report(k, "duplicate-key", fmt::format("« {} » écrit deux fois : gardez-en un seul", path));
      continue;
    }
    seen[slot] = true;
    counts[slot] = decode_int(d, t.value(*b, i), path, f.min, f.max).value_or(0);
  }
  return true;
}

// Field positions kept for reports: the three fields that identify one. The others fall back
// to the report's own position (FieldLocs::at), which is a line or two away: 120 000 reports
// times eight entries would cost about 45 MB for little use.
void keep_identity_locs(LocList& locs) {
  std::erase_if(locs, [](const auto& entry) {
    return entry.first != "structure" && entry.first != "conseiller" && entry.first != "mois";
  });
  locs.shrink_to_fit();
}

}  // namespace

void decode_rapport(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Rapport> rec;
  MapReader r(d, map, record_table(RecordKind::Rapport).fields, "", &rec.locs);
  keep_identity_locs(rec.locs);
  Rapport& p = rec.record;
  p.locs.record = d.loc(map);
  p.structure = r.id("structure").value_or("");
  p.conseiller = r.id("conseiller").value_or("");
  p.mois = r.month("mois").value_or(Month{});
  read_activites(d, r, p.activites);
  p.usagers_accompagnes = r.integer("usagers_accompagnes").value_or(0);
  read_counts<Theme>(d, r, "themes", p.themes);
  p.has_lieux = read_counts<Lieu>(d, r, "lieux", p.lieux);
  p.faits_marquants = r.text("faits_marquants");
  // The bulletin publishes these: personal data in them is warned about here, masked there.
  if (p.faits_marquants) report_personal_data(d, *r.find("faits_marquants"), "faits_marquants");
  out.rapports.push_back(std::move(rec));
}

}  // namespace tampon::load
