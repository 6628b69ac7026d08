#include "cli/select.hpp"

#include <algorithm>
#include <string_view>

#include "tampon/suggest.hpp"

namespace tampon::cli {
namespace {

struct Spec {
  std::string key;
  std::vector<std::string> ids;
};

std::optional<Spec> parse(const std::string& value) {
  auto eq = value.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  Spec spec{value.substr(0, eq), {}};
  std::string_view rest(value);
  rest.remove_prefix(eq + 1);
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view id = rest.substr(0, comma);
    if (!id.empty()) spec.ids.emplace_back(id);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return spec;
}

std::string unknown(std::string_view what, const std::string& id,
                    const std::vector<std::string>& known) {
  std::vector<std::string_view> candidates(known.begin(), known.end());
  return "--select : " + std::string(what) + " inconnu(e) « " + id + " »" +
         did_you_mean(id, candidates);
}

}  // namespace

std::string check_select_syntax(const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    auto spec = parse(value);
    if (!spec || spec->ids.empty())
      return "--select attend CLÉ=ID[,ID…] (convention, structure, departement ou regime), pas « " +
             value + " »";
    if (std::ranges::find(k_select_keys, spec->key) == std::end(k_select_keys))
      return "--select : clé inconnue « " + spec->key + " »" +
             did_you_mean(spec->key, k_select_keys) +
             " (convention, structure, departement ou regime)";
  }
  return {};
}

std::optional<std::set<RecordRef>> resolve_selection(const std::vector<std::string>& values,
                                                     const Model& model, std::string& error) {
  std::set<RecordRef> selected;
  std::vector<std::string> conventions, structures, departements, regimes;
  for (const Convention& c : model.records.conventions) conventions.push_back(c.id);
  for (const Structure& s : model.records.structures) {
    structures.push_back(s.id);
    departements.push_back(s.departement);
  }
  std::sort(departements.begin(), departements.end());
  departements.erase(std::unique(departements.begin(), departements.end()), departements.end());
  for (const Regime& r : model.baremes.regimes) regimes.push_back(r.id);
  for (const std::string& value : values) {
    Spec spec = *parse(value);  // check_select_syntax ran first
    for (const std::string& id : spec.ids) {
      if (spec.key == "convention") {
        if (!model.convention(id))
          return error = unknown("convention", id, conventions), std::nullopt;
        selected.insert({RecordKind::Convention, id});
      } else if (spec.key == "structure") {
        if (!model.structure(id)) return error = unknown("structure", id, structures), std::nullopt;
        selected.insert({RecordKind::Structure, id});
      } else if (spec.key == "departement") {
        if (!std::binary_search(departements.begin(), departements.end(), id))
          return error = unknown("département (aucune structure)", id, departements), std::nullopt;
        for (const Structure& s : model.records.structures)
          if (s.departement == id) selected.insert({RecordKind::Structure, s.id});
      } else {
        if (std::ranges::find(regimes, id) == regimes.end())
          return error = unknown("régime", id, regimes), std::nullopt;
        for (const Convention& c : model.records.conventions)
          if (c.regime == id) selected.insert({RecordKind::Convention, c.id});
      }
    }
  }
  return selected;
}

}  // namespace tampon::cli
