#include "load/map_reader.hpp"

#include <vector>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "load/value_formats.hpp"
#include "tampon/suggest.hpp"

namespace tampon::load {
namespace {

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool looks_like_french_number(std::string_view s) {
  return s.find(',') != std::string_view::npos || s.find(' ') != std::string_view::npos ||
         s.find("\xC2\xA0") != std::string_view::npos ||
         s.find("\xE2\x80\xAF") != std::string_view::npos;
}

std::string amount_problem(std::string_view s) {
  if (!s.empty() && s[0] == '-') return "un montant ne peut pas être négatif";
  auto dot = s.find('.');
  if (dot != std::string_view::npos && s.size() - dot - 1 > 2 &&
      std::all_of(s.begin() + static_cast<std::ptrdiff_t>(dot) + 1, s.end(),
                  [](char c) { return c >= '0' && c <= '9'; }))
    return "deux décimales au plus (les centimes)";
  if (looks_like_french_number(s))
    return "écrivez le nombre avec un point décimal et sans espace, par exemple 1645.58";
  return "écrivez un nombre d'euros avec au plus deux décimales, par exemple 1645.58";
}

std::string date_problem(std::string_view s) {
  bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
  if (shape) return "ce jour n'existe pas dans le calendrier";
  return "écrivez-la au format AAAA-MM-JJ, par exemple 2021-03-15";
}

bool is_true(std::string_view s) { return s == "true" || s == "True" || s == "TRUE"; }
bool is_false(std::string_view s) { return s == "false" || s == "False" || s == "FALSE"; }

}  // namespace

void FileDecoder::report(const YamlNode& at, std::string_view code, std::string message,
                         Severity severity) {
  report_at(at.line, at.column, code, std::move(message), severity);
}

void FileDecoder::report_at(std::uint32_t line, std::uint32_t column, std::string_view code,
                            std::string message, Severity severity) {
  if (m_out.size() >= k_max_reports) {
    ++m_dropped;
    return;
  }
  Diagnostic d;
  d.where = {"", line, column};
  d.severity = severity;
  d.code = std::string(code);
  d.message = std::move(message);
  m_out.push_back(std::move(d));
}

void FileDecoder::amend_last(std::string_view text) {
  if (m_dropped == 0 && !m_out.empty()) m_out.back().message += text;
}

void FileDecoder::finish() {
  if (m_dropped == 0) return;
  m_out.back().notes.push_back(
      {{},
       fmt::format("{} autres constats dans ce fichier ne sont pas affichés ; corrigez "
                   "d'abord ceux-ci",
                   m_dropped)});
}

std::string_view kind_fr(NodeKind kind) {
  switch (kind) {
    case NodeKind::Null:
      return "une valeur vide";
    case NodeKind::Scalar:
      return "une valeur simple";
    case NodeKind::Sequence:
      return "une liste";
    case NodeKind::Mapping:
      return "un bloc de champs";
  }
  return "";
}

std::string list_fr(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ", ";
    out += words[i];
  }
  return out;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  if (auto best = closest(word, candidates))
    return fmt::format(" ; vouliez-vous dire « {} » ?", *best);
  return fmt::format(" ; valeurs possibles : {}", list_fr(candidates));
}

MapReader::MapReader(FileDecoder& d, const YamlNode& map, std::span<const std::string_view> keys,
                     std::string path, LocList* locs)
    : m_d(d), m_map(map), m_keys(keys), m_path(std::move(path)) {
  if (keys.size() > k_max_keys) throw std::logic_error("MapReader: too many keys");
  start(locs);
}

MapReader::MapReader(FileDecoder& d, const YamlNode& map, std::span<const Field> fields,
                     std::string path, LocList* locs)
    : m_d(d), m_map(map), m_fields(fields), m_path(std::move(path)) {
  if (fields.size() > k_max_keys) throw std::logic_error("MapReader: too many keys");
  for (std::size_t i = 0; i < fields.size(); ++i) m_names[i] = fields[i].name;
  start(locs);
}

void MapReader::start(LocList* locs) {
  FileDecoder& d = m_d;
  const YamlNode& map = m_map;
  std::span<const std::string_view> keys = this->keys();
  const YamlTree& t = d.tree();
  for (std::uint32_t i = 0; i < map.count; ++i) {
    const YamlNode& k = t.key(map, i);
    if (k.kind != NodeKind::Scalar) {
      d.report(k, "wrong-type",
               fmt::format("clé de champ invalide ({}) : une clé est un nom "
                           "simple, comme « nom »",
                           kind_fr(k.kind)));
      continue;
    }
    std::string_view name = d.text(k);
    auto it = std::find(keys.begin(), keys.end(), name);
    if (it == keys.end()) {
      std::string where = m_path.empty() ? "" : fmt::format(" dans « {} »", m_path);
      auto hint = closest(name, keys);
      d.report(k, "unknown-field",
               hint ? fmt::format("champ inconnu « {} »{} ; vouliez-vous dire « {} » ?", name,
                                  where, *hint)
                    : fmt::format("champ inconnu « {} »{} ; champs possibles ici : {}", name, where,
                                  list_fr(keys)));
      continue;
    }
    auto slot = static_cast<std::size_t>(it - keys.begin());
    if (m_values[slot]) {
      d.report(k, "duplicate-key",
               fmt::format("champ « {} » écrit deux fois dans le même bloc : gardez-en un seul "
                           "(seul le premier est lu)",
                           path_of(name)));
      continue;
    }
    m_values[slot] = &t.value(map, i);
    if (locs) locs->emplace_back(path_of(name), d.loc(*m_values[slot]));
  }
}

const YamlNode* MapReader::find(std::string_view key) const {
  auto known = keys();
  auto it = std::find(known.begin(), known.end(), key);
  return it == known.end() ? nullptr : m_values[static_cast<std::size_t>(it - known.begin())];
}

std::string MapReader::path_of(std::string_view key) const {
  return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

void MapReader::report_missing(std::string_view key, bool present_but_empty,
                               std::string_view expected) {
  const YamlNode* at = present_but_empty ? find(key) : &m_map;
  // What to write, so the message is enough to fix the file without the manual: the kind of
  // value, then what the field table says of it (issue 15): a block's own fields, or the
  // field's description when it says more than its name ("Nom." adds nothing to « nom »).
  std::string hint = expected.empty() ? "" : fmt::format(" ({})", expected);
  if (const Field* field = m_fields.empty() ? nullptr : find_field(m_fields, key)) {
    if (field->type == FieldType::Map && !field->fields.empty()) {
      std::vector<std::string_view> inside;
      for (const Field& f : field->fields) inside.push_back(f.name);
      hint = fmt::format(" (un bloc de champs : {})", list_fr(inside));
    }
    if (field->fr.find(' ') != std::string_view::npos) hint += fmt::format(". {}", field->fr);
  }
  m_d.report(
      *at, "missing-field",
      present_but_empty
          ? fmt::format("champ obligatoire « {} » vide : indiquez une valeur{}", path_of(key), hint)
          : fmt::format("champ obligatoire « {} » manquant : ajoutez-le{}", path_of(key), hint));
}

bool MapReader::absent(std::string_view key) const {
  const YamlNode* v = find(key);
  return !v || v->kind == NodeKind::Null || (v->kind == NodeKind::Scalar && blank(m_d.text(*v)));
}

const YamlNode* MapReader::scalar(std::string_view key, Need need, std::string_view expected) {
  const YamlNode* v = find(key);
  if (absent(key)) {
    if (need == Need::Required) report_missing(key, v != nullptr, expected);
    return nullptr;
  }
  if (v->kind != NodeKind::Scalar) {
    m_d.report(
        *v, "wrong-type",
        fmt::format("« {} » doit être une valeur simple, pas {}", path_of(key), kind_fr(v->kind)));
    return nullptr;
  }
  return v;
}

void MapReader::report_unknown_value(const YamlNode& v, std::string_view key,
                                     std::span<const std::string_view> allowed) {
  m_d.report(v, "unknown-value",
             fmt::format("valeur « {} » inconnue pour « {} »{}", m_d.text(v), path_of(key),
                         did_you_mean(m_d.text(v), allowed)));
}

std::optional<std::size_t> MapReader::one_of(std::string_view key, Need need,
                                             std::span<const std::string_view> allowed) {
  // The hint lists the values: formatted only when the field is missing, never per record.
  const YamlNode* v = scalar(key, Need::Optional, {});
  if (!v) {
    if (need == Need::Required && absent(key))
      report_missing(key, find(key) != nullptr,
                     fmt::format("une des valeurs : {}", list_fr(allowed)));
    return std::nullopt;
  }
  auto it = std::find(allowed.begin(), allowed.end(), m_d.text(*v));
  if (it != allowed.end()) return static_cast<std::size_t>(it - allowed.begin());
  report_unknown_value(*v, key, allowed);
  return std::nullopt;
}

std::optional<std::string> MapReader::text(std::string_view key, Need need) {
  const YamlNode* v = scalar(key, need, "un texte");
  if (!v) return std::nullopt;
  std::string_view s = m_d.text(*v);
  if (std::size_t units = text_units(s); units > k_max_text_units) {
    m_d.report(*v, "field-too-long",
               fmt::format("« {} » fait {} caractères : une cellule de tableur n'en contient "
                           "que {} au plus ; raccourcissez ce texte",
                           path_of(key), units, k_max_text_units));
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<std::string> MapReader::id(std::string_view key, Need need) {
  const YamlNode* v = scalar(
      key, need, "un identifiant en minuscules, chiffres et tirets, par exemple mairie-de-caudry");
  if (!v) return std::nullopt;
  std::string_view s = m_d.text(*v);
  if (is_valid_id(s)) return std::string(s);
  std::string example = suggest_id(s);
  m_d.report(*v, "invalid-id",
             fmt::format("identifiant « {} » invalide pour « {} » : minuscules sans accent, "
                         "chiffres et tirets seulement, 64 caractères au plus, sans tiret au "
                         "début{}",
                         s, path_of(key),
                         example.empty() ? "" : fmt::format(" ; par exemple « {} »", example)));
  return std::nullopt;
}

std::size_t text_units(std::string_view s) {
  if (s.size() <= k_max_text_units) return s.size();  // bytes bound the count: no scan
  std::size_t units = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++units;  // a character starts here
    if (c >= 0xF0) ++units;           // outside the BMP: two UTF-16 units in a spreadsheet
  }
  return units;
}

namespace {
// Spreadsheets count days from 1900 (a date before it becomes a negative serial number that
// LibreOffice and Excel refuse), and no record of the programme is that old: years before
// 1900 are typing slips (0000-01-01, 1021-04-01).
constexpr int k_first_year = 1900;

std::string too_early(std::string_view what, std::string_view text, std::string_view field) {
  return fmt::format(
      "{} « {} » invalide pour « {} » : les documents n'acceptent que les dates "
      "à partir du 1900-01-01 ; vérifiez l'année",
      what, text, field);
}
}  // namespace

std::optional<Date> MapReader::date(std::string_view key, Need need) {
  const YamlNode* v = scalar(key, need, "une date AAAA-MM-JJ, par exemple 2021-03-15");
  if (!v) return std::nullopt;
  if (auto d = Date::parse(m_d.text(*v))) {
    if (d->year() >= k_first_year) return d;
    m_d.report(*v, "invalid-date", too_early("date", m_d.text(*v), path_of(key)));
    return std::nullopt;
  }
  m_d.report(*v, "invalid-date",
             fmt::format("date « {} » invalide pour « {} » : {}", m_d.text(*v), path_of(key),
                         date_problem(m_d.text(*v))));
  return std::nullopt;
}

std::optional<Month> MapReader::month(std::string_view key, Need need) {
  const YamlNode* v = scalar(key, need, "un mois AAAA-MM, par exemple 2022-03");
  if (!v) return std::nullopt;
  if (auto m = Month::parse(m_d.text(*v))) {
    if (m->year >= k_first_year) return m;
    m_d.report(*v, "invalid-date", too_early("mois", m_d.text(*v), path_of(key)));
    return std::nullopt;
  }
  m_d.report(*v, "invalid-date",
             fmt::format("mois « {} » invalide pour « {} » : écrivez-le au format AAAA-MM, par "
                         "exemple 2022-03",
                         m_d.text(*v), path_of(key)));
  return std::nullopt;
}

std::optional<Quarter> MapReader::quarter(std::string_view key, Need need) {
  const YamlNode* v = scalar(key, need, "un trimestre AAAA-Tn, par exemple 2022-T1");
  if (!v) return std::nullopt;
  if (auto q = Quarter::parse(m_d.text(*v))) {
    if (q->year >= k_first_year) return q;
    m_d.report(*v, "invalid-date", too_early("période", m_d.text(*v), path_of(key)));
    return std::nullopt;
  }
  m_d.report(*v, "invalid-date",
             fmt::format("trimestre « {} » invalide pour « {} » : écrivez-le au format AAAA-Tn, "
                         "n de 1 à 4, par exemple 2022-T1",
                         m_d.text(*v), path_of(key)));
  return std::nullopt;
}

std::optional<Money> MapReader::money(std::string_view key, Need need) {
  const YamlNode* v =
      scalar(key, need, "un montant en euros avec un point décimal, par exemple 1700.00");
  if (!v) return std::nullopt;
  // The scalar's own text, never a double: `1645.58` keeps its exact cents.
  if (auto m = Money::parse(m_d.text(*v))) return m;
  m_d.report(*v, "invalid-amount",
             fmt::format("montant « {} » invalide pour « {} » : {}", m_d.text(*v), path_of(key),
                         amount_problem(m_d.text(*v))));
  return std::nullopt;
}

std::optional<int> MapReader::integer(std::string_view key, Need need, int min, int max) {
  const YamlNode* v = scalar(key, Need::Optional, {});
  if (!v) {
    if (need == Need::Required && absent(key))
      report_missing(key, find(key) != nullptr,
                     fmt::format("un nombre entier de {} à {}", min, max));
    return std::nullopt;
  }
  std::string_view s = m_d.text(*v);
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc{} && end == s.data() + s.size() && value >= min && value <= max) return value;
  m_d.report(*v, "wrong-type",
             fmt::format("« {} » doit être un nombre entier entre {} et {}, trouvé « {} »",
                         path_of(key), min, max, s));
  return std::nullopt;
}

std::optional<double> MapReader::number(std::string_view key, Need need, double min, double max) {
  const YamlNode* v = scalar(key, need, "un nombre avec un point décimal, par exemple 35 ou 17.5");
  if (!v) return std::nullopt;
  std::string_view s = m_d.text(*v);
  double value = 0;
  bool plain = !s.empty() && std::all_of(s.begin(), s.end(),
                                         [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (plain && ec == std::errc{} && end == s.data() + s.size() && std::isfinite(value) &&
      value >= min && value <= max)
    return value;
  m_d.report(*v, "wrong-type",
             fmt::format("« {} » doit être un nombre entre {} et {} (point décimal), trouvé « {} »",
                         path_of(key), min, max, s));
  return std::nullopt;
}

std::optional<bool> MapReader::boolean(std::string_view key, Need need) {
  const YamlNode* v = scalar(key, need, "true ou false");
  if (!v) return std::nullopt;
  std::string_view s = m_d.text(*v);
  if (is_true(s)) return true;
  if (is_false(s)) return false;
  m_d.report(*v, "wrong-type",
             fmt::format("« {} » vaut true ou false, trouvé « {} »", path_of(key), s));
  return std::nullopt;
}

const YamlNode* MapReader::block(std::string_view key, Need need, NodeKind kind) {
  const YamlNode* v = find(key);
  if (!v || v->kind == NodeKind::Null) {
    if (need == Need::Required) report_missing(key, v != nullptr, kind_fr(kind));
    return nullptr;
  }
  if (v->kind != kind) {
    m_d.report(
        *v, "wrong-type",
        fmt::format("« {} » doit être {}, pas {}", path_of(key), kind_fr(kind), kind_fr(v->kind)));
    return nullptr;
  }
  return v;
}

// ---- Table-driven getters ----

const Field& MapReader::field(std::string_view key, std::initializer_list<FieldType> types) const {
  const Field* f = find_field(m_fields, key);
  if (!f) throw std::logic_error(fmt::format("MapReader: « {} » absent de la table", path_of(key)));
  if (types.size() > 0 && std::find(types.begin(), types.end(), f->type) == types.end())
    throw std::logic_error(fmt::format("MapReader: « {} » est de type {} dans la table",
                                       path_of(key), type_name(f->type)));
  return *f;
}

std::optional<std::string> MapReader::text(std::string_view key) {
  using T = FieldType;
  return text(key, field(key, {T::Text, T::Departement, T::Siret, T::Iban, T::Bic}).need);
}
std::optional<std::string> MapReader::id(std::string_view key) {
  return id(key, field(key, {FieldType::Id}).need);
}
std::optional<Date> MapReader::date(std::string_view key) {
  return date(key, field(key, {FieldType::Date}).need);
}
std::optional<Month> MapReader::month(std::string_view key) {
  return month(key, field(key, {FieldType::Month}).need);
}
std::optional<Quarter> MapReader::quarter(std::string_view key) {
  return quarter(key, field(key, {FieldType::Quarter}).need);
}
std::optional<Money> MapReader::money(std::string_view key) {
  return money(key, field(key, {FieldType::Money}).need);
}
std::optional<int> MapReader::integer(std::string_view key) {
  const Field& f = field(key, {FieldType::Integer});
  return integer(key, f.need, f.min, f.max);
}
std::optional<double> MapReader::number(std::string_view key) {
  const Field& f = field(key, {FieldType::Number});
  return number(key, f.need, f.min, f.max);
}
std::optional<bool> MapReader::boolean(std::string_view key) {
  return boolean(key, field(key, {FieldType::Boolean}).need);
}
const YamlNode* MapReader::block(std::string_view key) {
  using T = FieldType;
  const Field& f = field(key, {T::Map, T::List, T::IntList, T::Counts});
  bool mapping = f.type == T::Map || f.type == T::Counts;
  return block(key, f.need, mapping ? NodeKind::Mapping : NodeKind::Sequence);
}

}  // namespace tampon::load
