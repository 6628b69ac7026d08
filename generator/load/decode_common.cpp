#include <fmt/format.h>

#include <charconv>

#include "load/decoders.hpp"

namespace tampon::load {

std::string indexed(std::string_view name, std::size_t i) { return fmt::format("{}[{}]", name, i); }

std::optional<std::string> record_id(FileDecoder& d, MapReader& r, std::string_view dropped_fr) {
  std::size_t before = d.reported();
  if (auto id = r.id("id")) return id;
  if (d.reported() > before)
    d.amend_last(fmt::format(" ; {} tant que son « id » n'est pas corrigé", dropped_fr));
  return std::nullopt;
}

std::optional<int> decode_int(FileDecoder& d, const YamlNode& node, const std::string& path,
                              int min, int max) {
  if (node.kind == NodeKind::Scalar) {
    std::string_view s = d.text(node);
    int value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc{} && end == s.data() + s.size() && value >= min && value <= max)
      return value;
  }
  d.report(node, "wrong-type",
           fmt::format("« {} » doit être un nombre entier entre {} et {}", path, min, max));
  return std::nullopt;
}

Poste decode_poste(FileDecoder& d, const YamlNode& map, std::span<const Field> fields,
                   const std::string& path, LocList& locs) {
  MapReader r(d, map, fields, path, &locs);
  locs.emplace_back(path, d.loc(map));
  Poste p;
  p.numero = r.integer("numero").value_or(0);
  p.role = r.choice<Role>("role").value_or(Role::Conseiller);
  p.conseiller = r.id("conseiller");
  p.contrat = r.choice<ContractType>("contrat");
  p.montant = r.money("montant");
  p.derogation = r.text("derogation");
  // The conseiller post a coordinator post replaces (records.md, domain.md §6).
  if (auto* b = r.block("substitue")) {
    MapReader s(d, *b, r.field("substitue").fields, path + ".substitue", &locs);
    auto convention = s.id("convention");
    auto poste = s.integer("poste");
    if (convention && poste) p.substitue = PosteRef{*convention, *poste};
  }
  return p;
}

}  // namespace tampon::load
