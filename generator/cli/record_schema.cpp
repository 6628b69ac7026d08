#include "cli/record_schema.hpp"

#include <nlohmann/json.hpp>

#include "load/map_reader.hpp"  // k_max_text_units
#include "load/record_fields.hpp"

namespace tampon::cli {
namespace {

using J = nlohmann::ordered_json;
using load::Field;
using load::FieldType;
using load::Need;
using load::Requirement;

// What an editor shows when a text does not match its pattern (a non-standard keyword that
// VS Code's YAML and JSON extensions read; validators ignore it).
std::string_view pattern_message(FieldType type) {
  switch (type) {
    case FieldType::Id:
      return "Identifiant : minuscules sans accent, chiffres et tirets, 64 caractères au plus, "
             "sans tiret au début (par exemple commune-de-bazuel).";
    case FieldType::Siret:
      return "SIRET : exactement 14 chiffres, sans espace, entre guillemets.";
    case FieldType::Iban:
      return "IBAN : code pays, clé à deux chiffres puis 11 à 30 lettres ou chiffres "
             "(FR76 3000 1007 9412 3456 7890 185).";
    case FieldType::Bic:
      return "BIC : 8 ou 11 lettres et chiffres, par exemple CDCGFRPPXXX.";
    case FieldType::Date:
      return "Date AAAA-MM-JJ qui existe dans le calendrier, à partir de 1900 (par exemple "
             "2021-03-15).";
    case FieldType::Month:
      return "Mois AAAA-MM, à partir de 1900 (par exemple 2022-03).";
    case FieldType::Quarter:
      return "Trimestre AAAA-Tn, n de 1 à 4 (par exemple 2022-T1).";
    default:
      return "";
  }
}

J string_list(std::span<const std::string_view> words) {
  J out = J::array();
  for (auto w : words) out.push_back(std::string(w));
  return out;
}

J object_schema(std::span<const Field> fields, std::span<const Requirement> requirements);

/// The schema of a field's value, null excluded.
J value_schema(const Field& f) {
  J s = J::object();
  s["description"] = std::string(f.fr);
  switch (f.type) {
    case FieldType::Text:
      s["type"] = "string";
      s["maxLength"] = load::k_max_text_units;
      // Blank counts as absent: a required text needs one character other than a space.
      if (f.need == Need::Required) {
        s["pattern"] = "[^ \\t]";
        s["patternErrorMessage"] = "Champ obligatoire : indiquez une valeur.";
      }
      break;
    case FieldType::Id:
    case FieldType::Siret:
    case FieldType::Iban:
    case FieldType::Bic:
    case FieldType::Date:
    case FieldType::Month:
    case FieldType::Quarter:
      s["type"] = "string";
      s["pattern"] = std::string(load::pattern_of(f.type));
      s["patternErrorMessage"] = std::string(pattern_message(f.type));
      break;
    case FieldType::Departement:
      s["type"] = "string";
      s["enum"] = string_list(load::departement_codes());
      break;
    case FieldType::Money:
      // Money::parse: twelve digits at most before the point, two after it.
      s["type"] = "number";
      s["minimum"] = 0;
      s["maximum"] = 999999999999.99;
      s["multipleOf"] = 0.01;
      break;
    case FieldType::Integer:
      s["type"] = "integer";
      s["minimum"] = f.min;
      s["maximum"] = f.max;
      break;
    case FieldType::Number:
      s["type"] = "number";
      s["minimum"] = f.min;
      s["maximum"] = f.max;
      break;
    case FieldType::Boolean:
      s["type"] = "boolean";
      break;
    case FieldType::Choice: {
      auto names = f.choices.names();
      s["type"] = "string";
      s["enum"] = string_list(names);
      if (f.choices.label) {
        J labels = J::array();
        for (std::size_t i = 0; i < names.size(); ++i)
          labels.push_back(std::string(f.choices.label(i)));
        s["enumDescriptions"] = labels;
      }
      break;
    }
    case FieldType::Map: {
      J o = object_schema(f.fields, f.requirements);
      for (auto& [k, v] : o.items()) s[k] = v;
      break;
    }
    case FieldType::List:
      s["type"] = "array";
      s["items"] = object_schema(f.fields, f.requirements);
      break;
    case FieldType::IntList:
      s["type"] = "array";
      s["items"] = J{{"type", "integer"}, {"minimum", f.min}, {"maximum", f.max}};
      break;
    case FieldType::Counts: {
      auto names = f.choices.names();
      J properties = J::object();
      for (std::size_t i = 0; i < names.size(); ++i) {
        J count = J::object();
        if (f.choices.label) count["description"] = std::string(f.choices.label(i));
        count["type"] = "integer";
        count["minimum"] = f.min;
        count["maximum"] = f.max;
        properties[std::string(names[i])] = count;
      }
      s["type"] = "object";
      s["properties"] = properties;
      s["additionalProperties"] = false;
      break;
    }
  }
  return s;
}

/// An optional field may be written `null` or left empty: both count as absent.
J optional_schema(const Field& f) {
  J s = value_schema(f);
  s["type"] = J::array({s["type"], "null"});
  if (s.contains("enum")) s["enum"].push_back(nullptr);
  return s;
}

J requirement_schema(const Requirement& q, std::span<const Field> fields) {
  J when = J::object();
  if (q.holds) {
    const Field* on = load::find_field(fields, q.when);
    J values = J::array();
    auto names = on->choices.names();
    for (std::size_t i = 0; i < names.size(); ++i)
      if (q.holds(i)) values.push_back(std::string(names[i]));
    when["properties"] = J{{std::string(q.when), J{{"enum", values}}}};
    when["required"] = J::array({std::string(q.when)});
  } else {
    // Absent or null.
    when["properties"] = J{{std::string(q.when), J{{"type", "null"}}}};
  }
  J then = J::object();
  then["required"] = J::array({std::string(q.then)});
  then["properties"] = J{{std::string(q.then), J{{"not", J{{"type", "null"}}}}}};
  return J{{"description", std::string(q.fr)}, {"if", when}, {"then", then}};
}

J object_schema(std::span<const Field> fields, std::span<const Requirement> requirements) {
  J s = J::object();
  s["type"] = "object";
  J properties = J::object();
  J required = J::array();
  for (const Field& f : fields) {
    properties[std::string(f.name)] =
        f.need == Need::Required ? value_schema(f) : optional_schema(f);
    if (f.need == Need::Required) required.push_back(std::string(f.name));
  }
  s["properties"] = properties;
  if (!required.empty()) s["required"] = required;
  s["additionalProperties"] = false;
  if (!requirements.empty()) {
    J all = J::array();
    for (const Requirement& q : requirements) all.push_back(requirement_schema(q, fields));
    s["allOf"] = all;
  }
  return s;
}

}  // namespace

std::string record_schema_file_name(RecordKind kind) {
  return std::string(name(kind)) + ".schema.json";
}

std::string record_schema_json(RecordKind kind) {
  const load::RecordTable& table = load::record_table(kind);
  const std::string noun(name(kind));
  J record = object_schema(table.fields, table.requirements);
  record["description"] = std::string(table.fr);
  J root = J::object();
  root["$schema"] = "http://json-schema.org/draft-07/schema#";
  root["$comment"] =
      "Généré par tampon-schemas à partir de generator/load/record_fields.cpp (les tables que "
      "lit le chargeur) : ne pas modifier à la main, lancer scripts/update-schemas.";
  root["title"] = "Fiche " + noun + " (Tampon)";
  root["description"] = std::string(table.fr) +
                        " Un fichier contient une fiche ou une liste de fiches. Format décrit "
                        "dans le manuel de Tampon, docs/fiches.md.";
  root["definitions"] = J{{noun, record}};
  const std::string ref = "#/definitions/" + noun;
  root["anyOf"] = J::array({J{{"$ref", ref}}, J{{"type", "array"}, {"items", J{{"$ref", ref}}}}});
  return root.dump(2) + "\n";
}

}  // namespace tampon::cli
