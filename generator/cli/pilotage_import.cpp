// `tampon import pilotage FICHIER.csv`: a CSV export of the tableau de pilotage into YAML
// records, through a mapping (cli/pilotage_mapping.hpp; docs/pilotage.md). The kind of export
// is recognised from its headers; each record keeps the export's identifier in `id_pilotage`,
// so that a conseiller finds its employer and a newer export updates the same records. All or
// nothing, like `import tableur`: one error and no file is written.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cli/commands.hpp"
#include "cli/import_support.hpp"
#include "cli/pilotage_mapping.hpp"
#include "cli/report.hpp"
#include "cli/session.hpp"
#include "cli/tableur.hpp"
#include "cli/tableur_layout.hpp"
#include "cli/tableur_yaml.hpp"
#include "core/parallel.hpp"
#include "load/map_reader.hpp"
#include "load/source_files.hpp"
#include "load/yaml_tree.hpp"
#include "tabular/csv_reader.hpp"
#include "tampon/enums.hpp"
#include "tampon/suggest.hpp"

namespace tampon::cli {
namespace fs = std::filesystem;
using pilotage::CellFormat;
using pilotage::Mapping;
using pilotage::Rule;
using tableur::YamlValue;
using tabular::Cell;

namespace {

constexpr std::string_view k_header =
    "Importé du tableau de pilotage par « tampon import pilotage ».\n"
    "Les lignes « # champ: » manquent à l'export : retirez « # », écrivez la valeur ;\n"
    "« tampon validate » les signale tant qu'elles manquent.\n"
    "empreinte pilotage : ";
constexpr std::string_view k_fingerprint_mark = "# empreinte pilotage : ";

/// A record of the project that carries an `id_pilotage`, or any record of a kind (its id).
struct Known {
  std::string id;
  std::string file;                ///< data/structures/x.yaml
  Location where;                  ///< the record in its file
  bool alone = true;               ///< the only record of its file: the import may rewrite the file
  std::string type;                ///< structures: their `type`, for the employer's family
  std::optional<YamlValue> value;  ///< records of the imported kind, to update them
  std::string fingerprint;         ///< "empreinte pilotage" of its header, when it has one
};

struct KindIndex {
  std::unordered_map<std::string, Known> by_pilotage;
  std::unordered_set<std::string> ids;
  std::unordered_set<std::string> files;  ///< relative paths of the folder's files
};

// The first key of `n` or below that is not a name (a list or a block written as a key,
// `? [a, b]: …`): such a record cannot be written back as it was, so it is never updated.
const load::YamlNode* complex_key(const load::YamlTree& t, const load::YamlNode& n) {
  if (n.kind == load::NodeKind::Sequence)
    for (auto i : t.items(n))
      if (const auto* k = complex_key(t, t.node(i))) return k;
  if (n.kind == load::NodeKind::Mapping)
    for (std::uint32_t i = 0; i < n.count; ++i) {
      if (t.key(n, i).kind != load::NodeKind::Scalar) return &t.key(n, i);
      if (const auto* k = complex_key(t, t.value(n, i))) return k;
    }
  return nullptr;
}

YamlValue to_value(const load::YamlTree& t, const load::YamlNode& n) {
  switch (n.kind) {
    case load::NodeKind::Scalar:
      return n.quoted ? YamlValue::quoted(std::string(t.scalar(n)))
                      : YamlValue::plain(std::string(t.scalar(n)));
    case load::NodeKind::Null:
      return YamlValue::plain("null");
    case load::NodeKind::Sequence: {
      YamlValue v;
      v.kind = YamlValue::Kind::Seq;
      for (auto i : t.items(n)) v.seq.push_back(to_value(t, t.node(i)));
      return v;
    }
    case load::NodeKind::Mapping: {
      YamlValue v;
      for (std::uint32_t i = 0; i < n.count; ++i) {
        v.keys.emplace_back(t.scalar(t.key(n, i)));
        v.values.push_back(to_value(t, t.value(n, i)));
      }
      return v;
    }
  }
  return {};
}

const load::YamlNode* child(const load::YamlTree& t, const load::YamlNode& map,
                            std::string_view key) {
  for (std::uint32_t i = 0; i < map.count; ++i)
    if (t.scalar(t.key(map, i)) == key) return &t.value(map, i);
  return nullptr;
}

std::string scalar_of(const load::YamlTree& t, const load::YamlNode& map, std::string_view key) {
  const auto* v = child(t, map, key);
  return v && v->kind == load::NodeKind::Scalar ? std::string(t.scalar(*v)) : std::string();
}

/// Scalars as text; anything else as its YAML, to compare and to show.
std::string shown(const YamlValue& v) {
  if (v.kind == YamlValue::Kind::Plain || v.kind == YamlValue::Kind::Quoted) return v.text;
  std::string text = tableur::emit_record([&] {
    YamlValue wrap;
    wrap.keys.emplace_back("v");
    wrap.values.push_back(v);
    return wrap;
  }());
  return text;
}

/// Equal as the decoders read them: the same text, or the same number ("1850.5", "1850.50").
bool same_value(const YamlValue& a, const YamlValue& b) {
  std::string x = shown(a), y = shown(b);
  if (x == y) return true;
  std::string nx = french_number(x), ny = french_number(y);
  return !nx.empty() && !ny.empty() && std::stod(nx) == std::stod(ny);
}

const YamlValue* find_path(const YamlValue& v, std::string_view path) {
  const YamlValue* at = &v;
  while (at) {
    auto dot = path.find('.');
    if (at->kind != YamlValue::Kind::Map) return nullptr;
    const YamlValue* next = nullptr;
    for (std::size_t i = 0; i < at->keys.size(); ++i)
      if (at->keys[i] == path.substr(0, dot)) next = &at->values[i];
    if (dot == std::string_view::npos) return next;
    at = next;
    path = path.substr(dot + 1);
  }
  return nullptr;
}

/// Lower case, accents folded, anything else a dash: "Mairie de Bazuel" → "mairie-de-bazuel".
std::string slug(std::string_view text, std::size_t max = 56) {
  static const std::pair<std::string_view, char> k_folds[] = {
      {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"á", 'a'}, {"ç", 'c'}, {"é", 'e'}, {"è", 'e'},
      {"ê", 'e'}, {"ë", 'e'}, {"î", 'i'}, {"ï", 'i'}, {"í", 'i'}, {"ô", 'o'}, {"ö", 'o'},
      {"ó", 'o'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ú", 'u'}, {"ÿ", 'y'}, {"ñ", 'n'}};
  std::string lower = pilotage::normalize(text);
  std::string out;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char c = lower[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
      continue;
    }
    bool folded = false;
    for (const auto& [from, to] : k_folds) {
      if (lower.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size() - 1;
        folded = true;
        break;
      }
    }
    if (folded) continue;
    if (lower.compare(i, 2, "œ") == 0) {
      out += "oe";
      ++i;
      continue;
    }
    if (lower.compare(i, 2, "æ") == 0) {
      out += "ae";
      ++i;
      continue;
    }
    if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > max) {
    out.resize(max);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

std::string_view family_name(Family f) {
  switch (f) {
    case Family::Collectivite:
      return "collectivite";
    case Family::PublicRattache:
      return "public-rattache";
    case Family::AutrePublic:
      return "autre-public";
    case Family::Prive:
      return "prive";
  }
  return {};
}

class PilotageImport {
 public:
  PilotageImport(const Options& options, const Mapping& mapping, std::string csv_name,
                 Diagnostics& diagnostics)
      : m_options(options),
        m_mapping(mapping),
        m_csv(std::move(csv_name)),
        m_diagnostics(diagnostics) {
    for (const char* e :
         {"non renseigné", "non renseignée", "non renseigne", "non renseignee", "non renseigné(e)"})
      m_empties.insert(e);
    for (const auto& e : mapping.empties) m_empties.insert(pilotage::normalize(e));
  }

  /// Reads the project's records of `kind` (their ids, and those with an id_pilotage).
  bool index(std::string_view kind, KindIndex& out, bool keep_values) {
    std::string prefix = fmt::format("data/{}/", pilotage::folder_of(kind));
    bool input_failure = false;
    fs::path project = load::normal_dir(m_options.project);
    auto all = load::list_record_files(project, m_diagnostics, input_failure);
    std::vector<load::SourceFile> files;
    for (auto& f : all)
      if (f.relative.starts_with(prefix)) files.push_back(std::move(f));
    struct Parsed {
      std::optional<Diagnostic> failure;
      load::YamlParse parse;
      std::string fingerprint;
    };
    std::vector<Parsed> parsed(files.size());
    SourceRoot root(project, "data");
    unsigned jobs =
        m_options.jobs ? m_options.jobs : std::max(1u, std::thread::hardware_concurrency());
    for_each_index(files.size(), jobs, [&](std::size_t i) {
      auto bytes = load::read_file_capped(files[i].absolute, root);
      if (bytes.failure) {
        bytes.failure->where.file = files[i].relative;
        parsed[i].failure = std::move(bytes.failure);
        return;
      }
      parsed[i].parse = load::parse_yaml(bytes.bytes);
      if (auto at = bytes.bytes.find(k_fingerprint_mark); at != std::string::npos)
        parsed[i].fingerprint = bytes.bytes.substr(at + k_fingerprint_mark.size(), 16);
    });
    for (std::size_t i = 0; i < files.size(); ++i) {
      const auto& file = files[i];
      out.files.insert(file.relative);
      if (parsed[i].failure) {
        m_diagnostics.push_back(*parsed[i].failure);
        input_failure = true;
        continue;
      }
      if (const auto& e = parsed[i].parse.error) {
        m_diagnostics.push_back(
            Diagnostic::error({file.relative, e->line, e->column}, "yaml-syntax", e->message));
        input_failure = true;
        continue;
      }
      const auto& tree = parsed[i].parse.tree;
      std::vector<const load::YamlNode*> records;
      for (auto d : tree.documents()) {
        const auto& root_node = tree.node(d);
        if (root_node.kind == load::NodeKind::Mapping) records.push_back(&root_node);
        if (root_node.kind == load::NodeKind::Sequence)
          for (auto item : tree.items(root_node))
            if (tree.node(item).kind == load::NodeKind::Mapping)
              records.push_back(&tree.node(item));
      }
      for (const auto* rec : records) {
        Known k;
        k.id = scalar_of(tree, *rec, "id");
        k.file = file.relative;
        k.where = {file.relative, rec->line, rec->column};
        k.alone = records.size() == 1;
        k.type = scalar_of(tree, *rec, "type");
        if (!k.id.empty()) out.ids.insert(k.id);
        std::string idp = scalar_of(tree, *rec, "id_pilotage");
        if (idp.empty()) continue;
        if (keep_values) {
          if (const auto* bad = complex_key(tree, *rec)) {
            m_diagnostics.push_back(Diagnostic::error(
                {file.relative, bad->line, bad->column}, "wrong-type",
                fmt::format("clé de champ invalide ({}) : une clé est un nom simple, comme "
                            "« nom » ; corrigez la fiche avant de la mettre à jour par l'import",
                            load::kind_fr(bad->kind))));
            continue;
          }
          k.value = to_value(tree, *rec);
        }
        if (k.alone) k.fingerprint = parsed[i].fingerprint;
        auto [it, inserted] = out.by_pilotage.emplace(pilotage::normalize(idp), std::move(k));
        if (!inserted) {
          const auto* again = child(tree, *rec, "id_pilotage");
          m_diagnostics.push_back(Diagnostic::error(
              {file.relative, again->line, again->column}, "pilotage-duplicate",
              fmt::format("id_pilotage « {} » déjà porté par la fiche « {} » : deux fiches ne "
                          "peuvent pas représenter la même ligne du tableau de pilotage",
                          idp, it->second.id),
              {{it->second.where, "l'autre fiche"}}));
        }
      }
    }
    return !input_failure;
  }

  void cell_error(const Cell* cell, int line, std::string_view header, std::string message,
                  std::string code = "pilotage-cell", Severity severity = Severity::Error) {
    Location where{m_csv, static_cast<std::uint32_t>(cell ? cell->line : line),
                   static_cast<std::uint32_t>(cell ? cell->column : 0)};
    m_diagnostics.push_back(
        {severity, where, std::move(code), fmt::format("« {} » : {}", header, message)});
  }

  bool empty_text(const std::string& text) const {
    return m_empties.contains(pilotage::normalize(text));
  }

  /// The header row: recognised columns by normalized name. False on a duplicate.
  bool read_header(const std::vector<Cell>& header) {
    bool ok = true;
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string name = pilotage::normalize(header[i].text);
      if (name.empty()) continue;
      auto [it, inserted] = m_columns.emplace(name, i);
      if (!inserted) {
        m_diagnostics.push_back(Diagnostic::error(
            {m_csv, static_cast<std::uint32_t>(header[i].line),
             static_cast<std::uint32_t>(header[i].column)},
            "pilotage-header",
            fmt::format("colonne « {} » en double : laquelle lire ?", header[i].text),
            {{{m_csv, static_cast<std::uint32_t>(header[it->second].line),
               static_cast<std::uint32_t>(header[it->second].column)},
              "première colonne de ce nom"}}));
        ok = false;
      }
    }
    m_header = &header;
    return ok;
  }

  std::optional<std::size_t> column(const std::vector<std::string>& names) const {
    for (const auto& n : names)
      if (auto it = m_columns.find(pilotage::normalize(n)); it != m_columns.end())
        return it->second;
    return std::nullopt;
  }

  struct Row {
    const std::vector<Cell>* cells;
    int line;
    std::optional<Family> family;  ///< the employer's, once its link is read
  };

  /// The cell of a rule's column, with the header as the file writes it; nullptr when the
  /// column is absent, the row short, or the cell empty ("non renseignée").
  const Cell* cell_of(const Rule& rule, const Row& row, std::string& header) const {
    auto col = column(rule.columns);
    if (!col) return nullptr;
    header = (*m_header)[*col].text;
    if (*col >= row.cells->size()) return nullptr;
    const Cell* c = &(*row.cells)[*col];
    if (c->text.empty() || empty_text(c->text)) return nullptr;
    return c;
  }

  std::optional<YamlValue> apply(const Rule& rule, Row& row, std::string_view field) {
    auto value = apply_one(rule, row, field);
    if (!value && rule.otherwise) return apply(*rule.otherwise, row, field);
    return value;
  }

  std::optional<YamlValue> apply_one(const Rule& rule, Row& row, std::string_view field) {
    std::string header;
    const Cell* cell = cell_of(rule, row, header);
    if (!cell) {
      if (rule.fallback) return YamlValue::quoted(*rule.fallback);
      return std::nullopt;
    }
    std::string text = cell->text;
    if (!rule.link.empty()) {
      std::string key = pilotage::normalize(text);
      auto it = m_structures.by_pilotage.find(key);
      if (it == m_structures.by_pilotage.end()) {
        cell_error(cell, row.line, header,
                   fmt::format("aucune structure n'a l'id_pilotage « {} » : importez d'abord "
                               "l'export des structures (tampon import pilotage)",
                               text),
                   "pilotage-link");
        return std::nullopt;
      }
      if (auto type = parse_enum<StructureType>(it->second.type)) row.family = family_of(*type);
      return YamlValue::quoted(it->second.id);
    }
    if (rule.has_values) {
      std::string key = pilotage::normalize(text);
      const pilotage::ValueEntry* found = nullptr;
      for (const auto& e : rule.values)
        if (pilotage::normalize(e.from) == key) found = &e;
      if (!found) {
        std::vector<std::string_view> known;
        for (const auto& e : rule.values) known.push_back(e.from);
        cell_error(cell, row.line, header,
                   fmt::format("valeur « {} » absente de la correspondance ({}) : « {} » reste "
                               "à compléter{}",
                               text, m_mapping.file, field, did_you_mean(text, known)),
                   "pilotage-value", Severity::Warning);
        return std::nullopt;
      }
      if (found->none()) return std::nullopt;
      if (found->to) return convert_value(*found->to, rule);
      if (!row.family) {
        cell_error(cell, row.line, header,
                   fmt::format("« {} » dépend de la famille de l'employeur, dont le type n'est "
                               "pas connu : « {} » reste à compléter",
                               text, field),
                   "pilotage-value", Severity::Warning);
        return std::nullopt;
      }
      std::string_view family = family_name(*row.family);
      for (const auto& [f, v] : found->by_family)
        if (f == family || (f == "public" && *row.family != Family::Prive))
          return convert_value(v, rule);
      cell_error(cell, row.line, header,
                 fmt::format("« {} » n'a pas de valeur pour un employeur de la famille {} dans la "
                             "correspondance : « {} » reste à compléter",
                             text, family, field),
                 "pilotage-value", Severity::Warning);
      return std::nullopt;
    }
    return convert(rule, *cell, row, header);
  }

  static YamlValue convert_value(const std::string& v, const Rule& rule) {
    bool plain = rule.format == CellFormat::OuiNon || rule.format == CellFormat::Entier ||
                 rule.format == CellFormat::Montant || rule.format == CellFormat::Date;
    return plain ? YamlValue::plain(v) : YamlValue::quoted(v);
  }

  std::optional<YamlValue> convert(const Rule& rule, const Cell& cell, Row& row,
                                   const std::string& header) {
    std::string text = cell.text;
    auto bad = [&](std::string_view expected) -> std::optional<YamlValue> {
      cell_error(&cell, row.line, header, fmt::format("{}, trouvé « {} »", expected, text));
      return std::nullopt;
    };
    auto digits_only = [](std::string_view s) {
      std::string out;
      for (char c : s)
        if (c != ' ') out += c;
      return out;
    };
    auto all_digits = [](std::string_view s) {
      return !s.empty() &&
             std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    switch (rule.format) {
      case CellFormat::Texte:
        return YamlValue::quoted(pilotage::normalize_spaces(text));
      case CellFormat::PremiereLigne: {
        std::size_t start = 0;
        while (start < text.size()) {
          auto end = text.find('\n', start);
          std::string line = pilotage::normalize_spaces(text.substr(start, end - start));
          if (!line.empty()) return YamlValue::quoted(line);
          if (end == std::string::npos) break;
          start = end + 1;
        }
        return std::nullopt;
      }
      case CellFormat::Date: {
        std::string t = pilotage::normalize_spaces(text);
        if (auto iso = date_text(t)) return YamlValue::plain(*iso);
        return bad("date attendue au format JJ/MM/AAAA");
      }
      case CellFormat::Montant: {
        std::string n = french_number(text);
        auto dot = n.find('.');
        if (n.empty() || n[0] == '-' || (dot != std::string::npos && n.size() - dot - 1 > 2))
          return bad("montant en euros attendu (1 850,50 : deux décimales au plus)");
        return YamlValue::plain(n);
      }
      case CellFormat::Entier: {
        std::string n = digits_only(pilotage::normalize_spaces(text));
        if (!all_digits(n) || n.size() > 9) return bad("nombre entier attendu");
        return YamlValue::plain(std::to_string(std::stol(n)));
      }
      case CellFormat::Siret: {
        std::string n = digits_only(pilotage::normalize_spaces(text));
        if (n.size() != 14 || !all_digits(n))
          return bad(
              "SIRET de 14 chiffres attendu (un tableur qui l'écrit « 2,16E+13 » l'a abîmé)");
        return YamlValue::quoted(n);
      }
      case CellFormat::Departement: {
        std::string n = pilotage::normalize_spaces(text);
        if (n.size() == 1 && all_digits(n)) n = "0" + n;
        return YamlValue::quoted(n);
      }
      case CellFormat::CodePostal: {
        std::string n = digits_only(pilotage::normalize_spaces(text));
        if (n.size() == 4 && all_digits(n)) n = "0" + n;
        if (n.size() != 5 || !all_digits(n)) return bad("code postal de 5 chiffres attendu");
        return YamlValue::quoted(n);
      }
      case CellFormat::OuiNon: {
        std::string t = pilotage::normalize(text);
        if (t == "oui" || t == "true" || t == "vrai" || t == "1") return YamlValue::plain("true");
        if (t == "non" || t == "false" || t == "faux" || t == "0") return YamlValue::plain("false");
        return bad("Oui ou Non attendu");
      }
      case CellFormat::Postes: {
        std::string n = pilotage::normalize_spaces(text);
        if (!all_digits(n) || n.size() > 3) return bad("nombre de postes attendu");
        int count = std::stoi(n);
        std::string role = "conseiller";
        if (rule.role)
          if (auto r = apply(*rule.role, row, "role"); r && !r->text.empty()) role = r->text;
        YamlValue seq;
        seq.kind = YamlValue::Kind::Seq;
        for (int i = 1; i <= count; ++i) {
          YamlValue post;
          post.set("numero", YamlValue::plain(std::to_string(i)));
          post.set("role", YamlValue::quoted(role));
          seq.seq.push_back(std::move(post));
        }
        return seq;
      }
    }
    return std::nullopt;
  }

  /// Adds a commented placeholder at `path` unless the record has a value there. A list on the
  /// way (`postes.contrat`) gets one in each of its vacant items.
  static int add_placeholder(YamlValue& v, std::string_view path, const std::string& hint) {
    auto dot = path.find('.');
    std::string_view head = path.substr(0, dot);
    YamlValue* at = v.find(head);
    if (dot == std::string_view::npos) {
      if (at) return 0;
      v.keys.emplace_back(head);
      v.values.push_back(YamlValue::placeholder(hint));
      return 1;
    }
    if (!at) {
      v.keys.emplace_back(head);
      v.values.push_back(YamlValue::placeholder(""));
      at = &v.values.back();
    }
    std::string_view rest = path.substr(dot + 1);
    if (at->kind == YamlValue::Kind::Map || at->kind == YamlValue::Kind::Placeholder)
      return add_placeholder(*at, rest, hint);
    if (at->kind == YamlValue::Kind::Seq) {
      int n = 0;
      for (auto& item : at->seq)
        if (item.kind == YamlValue::Kind::Map && !item.find("conseiller"))
          n += add_placeholder(item, rest, hint);
      return n;
    }
    return 0;
  }

  /// Keys in the order of the spreadsheet layout (records.md's order), recursively.
  static void reorder(YamlValue& v, const std::vector<std::string_view>& order,
                      const std::string& prefix) {
    if (v.kind == YamlValue::Kind::Seq) {
      for (auto& item : v.seq) reorder(item, order, prefix);
      return;
    }
    if (v.kind != YamlValue::Kind::Map && v.kind != YamlValue::Kind::Placeholder) return;
    auto rank = [&](const std::string& key) {
      std::string path = prefix + key;
      for (std::size_t i = 0; i < order.size(); ++i)
        if (order[i] == path || (order[i].size() > path.size() && order[i].starts_with(path) &&
                                 order[i][path.size()] == '.'))
          return i;
      return order.size();
    };
    std::vector<std::size_t> idx(v.keys.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      return rank(v.keys[a]) < rank(v.keys[b]);
    });
    YamlValue sorted = v;
    for (std::size_t i = 0; i < idx.size(); ++i) {
      sorted.keys[i] = v.keys[idx[i]];
      sorted.values[i] = std::move(v.values[idx[i]]);
    }
    v.keys = std::move(sorted.keys);
    v.values = std::move(sorted.values);
    for (std::size_t i = 0; i < v.keys.size(); ++i)
      reorder(v.values[i], order,
              v.kind == YamlValue::Kind::Seq ? prefix : prefix + v.keys[i] + ".");
  }

  std::vector<std::string_view> field_order() const {
    // The identifiers first, then the layout's order (where id_pilotage comes last, so that
    // adding it moved no column of the spreadsheets).
    std::vector<std::string_view> order = {"id", "id_pilotage"};
    std::string_view folder = pilotage::folder_of(m_mapping.kind);
    for (const auto& sheet : tableur::sheets()) {
      if (sheet.folder != folder) continue;
      for (const auto& c : sheet.columns) order.push_back(c.path);
      if (!sheet.list.empty()) {
        // list items: their own fields, after the owner's
        for (const auto& c : sheet.columns) order.push_back(c.path);
      }
    }
    return order;
  }

  /// Reads every data row; false when the project cannot be read.
  bool run(const tabular::CsvTable& table) {
    if (!index("structure", m_structures, m_mapping.kind == "structure")) return false;
    KindIndex own_storage;
    KindIndex& own = m_mapping.kind == "structure" ? m_structures : own_storage;
    if (m_mapping.kind != "structure" && !index(m_mapping.kind, own, true)) return false;
    auto order = field_order();
    auto id_col = column(m_mapping.id_columns);
    if (!id_col) {
      m_diagnostics.push_back(Diagnostic::error(
          {m_csv, 1, 1}, "pilotage-header",
          fmt::format("colonne « {} » absente : elle identifie chaque ligne (identifiant de {})",
                      m_mapping.id_columns.front(), m_mapping.file)));
      return true;
    }
    std::unordered_map<std::string, int> seen_rows;  // id_pilotage → line
    std::unordered_set<std::string> new_ids;
    const std::string folder(pilotage::folder_of(m_mapping.kind));
    auto skip_col = column(m_mapping.skip_columns);
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const auto& cells = table.rows[r];
      Row row{&cells, cells.front().line, std::nullopt};
      if (skip_col && *skip_col < cells.size()) {
        std::string v = pilotage::normalize((cells)[*skip_col].text);
        if (std::any_of(m_mapping.skip_prefixes.begin(), m_mapping.skip_prefixes.end(),
                        [&](const std::string& p) { return v.starts_with(p); })) {
          ++m_skipped;
          continue;
        }
      }
      const Cell* id_cell = id_col && *id_col < cells.size() ? &cells[*id_col] : nullptr;
      std::string idp = id_cell ? pilotage::normalize_spaces(id_cell->text) : std::string();
      if (idp.empty() || empty_text(idp)) {
        cell_error(id_cell, row.line, (*m_header)[*id_col].text,
                   "identifiant vide : cette ligne ne peut pas être reliée à une fiche");
        continue;
      }
      if (auto [it, inserted] = seen_rows.emplace(pilotage::normalize(idp), row.line); !inserted) {
        m_diagnostics.push_back(
            Diagnostic::error({m_csv, static_cast<std::uint32_t>(id_cell->line),
                               static_cast<std::uint32_t>(id_cell->column)},
                              "pilotage-duplicate",
                              fmt::format("« {} » : l'identifiant « {} » est déjà à la ligne {}",
                                          (*m_header)[*id_col].text, idp, it->second)));
        continue;
      }
      std::size_t errors_before = count_errors(m_diagnostics);
      // Links first: the employer's family decides some values (contract types).
      YamlValue fresh;
      std::vector<std::string> set_paths;
      for (int pass = 0; pass < 2; ++pass) {
        for (const auto& f : m_mapping.fields) {
          if ((pass == 0) != !f.rule.link.empty()) continue;
          if (auto v = apply(f.rule, row, f.path)) {
            fresh.set(f.path, std::move(*v));
            set_paths.push_back(f.path);
          }
        }
      }
      if (count_errors(m_diagnostics) != errors_before) continue;
      // The record: the one that already carries this id_pilotage, or a new one.
      auto existing = own.by_pilotage.find(pilotage::normalize(idp));
      Planned plan;
      YamlValue record;
      if (existing != own.by_pilotage.end() && existing->second.value) {
        const Known& k = existing->second;
        if (!k.alone) {
          m_diagnostics.push_back(Diagnostic::error(
              k.where, "pilotage-update",
              fmt::format("la fiche « {} » (id_pilotage « {} », ligne {} de {}) partage son "
                          "fichier avec d'autres fiches : mettez-la dans un fichier à elle pour "
                          "que l'import la mette à jour",
                          k.id, idp, row.line, m_csv)));
          continue;
        }
        record = *k.value;
        plan.file = k.file;
        plan.update = true;
        // Fields of the export edited by hand since the last import are not overwritten
        // without --force.
        const bool edited = k.fingerprint != fingerprint(record);
        std::vector<std::string> overwritten;
        for (const auto& path : set_paths) {
          const YamlValue* now = find_path(fresh, path);
          const YamlValue* before = find_path(record, path);
          if (before && path == "postes" && before->kind == YamlValue::Kind::Seq) {
            if (before->seq.size() != now->seq.size())
              cell_error(nullptr, row.line, path,
                         fmt::format("la fiche « {} » a {} postes, l'export en donne {} : les "
                                     "postes d'une convention ne changent que par un avenant ; "
                                     "ils sont laissés tels quels",
                                     k.id, before->seq.size(), now->seq.size()),
                         "pilotage-value", Severity::Warning);
            continue;
          }
          if (before && same_value(*before, *now)) continue;
          if (before) overwritten.push_back(path);
          plan.changes.push_back(
              before ? fmt::format("{} : « {} » → « {} »", path, shown(*before), shown(*now))
                     : fmt::format("{} : « {} »", path, shown(*now)));
          record.set(path, *now);
        }
        if (edited && !overwritten.empty() && !m_options.force) {
          std::string list;
          for (const auto& o : overwritten) list += (list.empty() ? "" : ", ") + o;
          m_diagnostics.push_back(Diagnostic::error(
              {k.file, 0, 0}, "import-would-overwrite",
              fmt::format("fiche modifiée à la main depuis le dernier import, et l'export "
                          "(ligne {}) remplacerait {} : relancez avec --force pour le permettre",
                          row.line, list)));
          continue;
        }
        if (plan.changes.empty()) {
          ++m_unchanged;
          continue;
        }
      } else {
        std::string id = new_id(row, idp, own, new_ids);
        record.set("id", YamlValue::quoted(id));
        record.set("id_pilotage", YamlValue::quoted(idp));
        for (const auto& path : set_paths) record.set(path, *find_path(fresh, path));
        // new_id never takes an existing file's name: nothing is replaced.
        plan.file = fmt::format("data/{}/{}.yaml", folder, id);
      }
      std::string print = fingerprint(record);
      for (const auto& p : m_mapping.placeholders)
        m_placeholders += add_placeholder(record, p.path, p.hint);
      reorder(record, order, "");
      plan.text = tableur::emit_record(record, std::string(k_header) + print);
      m_planned.push_back(std::move(plan));
    }
    return true;
  }

  /// A digest of the fields the mapping reads (posts aside: users complete them), stored in
  /// the record's header: a record whose digest no longer matches was edited by hand.
  std::string fingerprint(const YamlValue& record) const {
    std::string acc;
    for (const auto& f : m_mapping.fields) {
      if (f.rule.format == CellFormat::Postes) continue;
      const YamlValue* v = find_path(record, f.path);
      acc += f.path;
      acc += '\x1f';
      if (v && v->kind != YamlValue::Kind::Placeholder) acc += shown(*v);
      acc += '\x1e';
    }
    return load::hex(load::sha256(acc)).substr(0, 16);
  }

  std::string new_id(const Row& row, const std::string& idp, const KindIndex& own,
                     std::unordered_set<std::string>& taken) {
    std::string wanted;
    const std::string& t = m_mapping.id_template;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] != '{') {
        wanted += t[i];
        continue;
      }
      auto end = t.find('}', i);
      if (end == std::string::npos) {
        wanted += t.substr(i);
        break;
      }
      if (auto col = column({t.substr(i + 1, end - i - 1)}); col && *col < row.cells->size()) {
        const std::string& text = (*row.cells)[*col].text;
        if (!empty_text(text)) wanted += text;
      }
      i = end;
    }
    std::string folder(pilotage::folder_of(m_mapping.kind));
    std::string base = slug(wanted);
    if (base.empty()) base = slug(m_mapping.kind + "-" + idp);
    auto free = [&](const std::string& id) {
      return !own.ids.contains(id) && !taken.contains(id) &&
             !own.files.contains(fmt::format("data/{}/{}.yaml", folder, id));
    };
    std::string id = base;
    if (!free(id)) id = slug(base + "-" + idp, 64);
    for (int n = 2; !free(id); ++n) id = fmt::format("{}-{}", slug(base + "-" + idp, 58), n);
    taken.insert(id);
    return id;
  }

  struct Planned {
    std::string file;  ///< relative to the project
    std::string text;
    bool update = false;
    std::vector<std::string> changes;
  };

  std::vector<Planned>& planned() { return m_planned; }
  std::size_t unchanged() const { return m_unchanged; }
  int placeholders() const { return m_placeholders; }
  std::size_t skipped() const { return m_skipped; }

 private:
  const Options& m_options;
  const Mapping& m_mapping;
  std::string m_csv;
  Diagnostics& m_diagnostics;
  std::unordered_set<std::string> m_empties;
  std::unordered_map<std::string, std::size_t> m_columns;  // normalized header → index
  const std::vector<Cell>* m_header = nullptr;
  KindIndex m_structures;
  std::vector<Planned> m_planned;
  std::size_t m_unchanged = 0;
  std::size_t m_skipped = 0;
  int m_placeholders = 0;
};

struct MappingFile {
  fs::path path;
  std::string shown;
  SourceRoot root;  ///< project and shipped files stay in their templates/ (io/source_file.hpp)
};

/// The shipped mappings, each replaced by the project's file of the same name if any.
std::vector<MappingFile> mapping_files(const Options& options) {
  std::map<std::string, MappingFile> by_name;
  auto scan = [&](const fs::path& base, const std::string& prefix) {
    std::error_code ec;
    for (fs::directory_iterator it(base / "templates" / "pilotage", ec), end; !ec && it != end;
         it.increment(ec)) {
      auto name = it->path().filename().string();
      if (it->path().extension() != ".yaml" || name.starts_with(".")) continue;
      by_name[name] = {it->path(), prefix + name, SourceRoot(base, "templates")};
    }
  };
  scan(shipped_dir(), "<tampon>/templates/pilotage/");
  scan(load::normal_dir(options.project), "templates/pilotage/");
  std::vector<MappingFile> out;
  for (auto& [name, f] : by_name) out.push_back(std::move(f));
  return out;
}

}  // namespace

int run_import_pilotage(const Options& options) {
  constexpr std::string_view usage =
      "usage : tampon import pilotage FICHIER.csv --project DIR [--mapping FICHIER.yaml]";
  if (options.files.size() != 1) return tableur_usage(std::string(usage));
  const fs::path csv = options.files[0];
  std::string ext = csv.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != ".csv")
    return tableur_usage("« " + csv.string() +
                         " » : un export CSV du tableau de pilotage est attendu (.csv)");
  Diagnostics diagnostics;
  auto finish_failed = [&](int code) {
    if (!options.quiet && options.format == Format::Text) std::cerr << "rien n'a été écrit\n";
    print_diagnostics(diagnostics, options);
    return code;
  };
  // The mappings.
  std::vector<Mapping> mappings;
  std::vector<MappingFile> files;
  if (!options.mapping.empty())
    files.push_back({options.mapping, options.mapping.generic_string(), SourceRoot()});
  else
    files = mapping_files(options);
  for (const auto& f : files) {
    // Read like every project file: never through a link out of templates/, never blocking
    // on a FIFO, at most 1 MiB.
    auto read = load::read_file_capped(f.path, f.root, pilotage::k_max_mapping_bytes);
    if (read.failure) {
      read.failure->where.file = f.shown;
      diagnostics.push_back(std::move(*read.failure));
      continue;
    }
    if (auto m = pilotage::parse_mapping(read.bytes, f.shown, diagnostics))
      mappings.push_back(std::move(*m));
  }
  if (count_errors(diagnostics) > 0) return finish_failed(k_exit_io);
  // The export.
  std::string display = csv.filename().string();
  std::string why;
  auto table = tabular::read_csv(csv, why, {}, display);
  if (!table) {
    Diagnostic d = Diagnostic::error({display, 0, 0}, "import-file", why);
    auto colon = why.find(": ");
    auto c1 = why.find(':');
    auto c2 = c1 == std::string::npos ? c1 : why.find(':', c1 + 1);
    if (colon != std::string::npos && c2 != std::string::npos && c2 < colon) {
      d.where.line = static_cast<std::uint32_t>(std::stoul(why.substr(c1 + 1, c2 - c1 - 1)));
      d.where.column = static_cast<std::uint32_t>(std::stoul(why.substr(c2 + 1, colon - c2 - 1)));
      d.message = why.substr(colon + 2);
    } else if (auto sp = why.find(" : "); sp != std::string::npos) {
      d.message = why.substr(sp + 3);
    }
    diagnostics.push_back(std::move(d));
    return finish_failed(k_exit_io);
  }
  if (table->rows.empty()) {
    diagnostics.push_back(Diagnostic::error({display, 0, 0}, "pilotage-header",
                                            "fichier vide : pas même une ligne d'en-tête"));
    return finish_failed(k_exit_invalid);
  }
  // Which export: every recognition header present; the most specific one wins.
  const auto& header = table->rows.front();
  std::unordered_set<std::string> names;
  for (const auto& c : header) names.insert(pilotage::normalize(c.text));
  const Mapping* chosen = nullptr;
  std::size_t best = 0, best_missing = SIZE_MAX;
  const Mapping* closest = nullptr;
  std::vector<std::string> closest_missing;
  for (const auto& m : mappings) {
    std::vector<std::string> missing;
    for (const auto& r : m.recognition)
      if (!names.contains(pilotage::normalize(r))) missing.push_back(r);
    if (missing.empty() && m.recognition.size() > best) {
      chosen = &m;
      best = m.recognition.size();
    }
    if (!missing.empty() && missing.size() < best_missing) {
      best_missing = missing.size();
      closest = &m;
      closest_missing = missing;
    }
  }
  if (!chosen) {
    std::string known;
    for (const auto& m : mappings) known += (known.empty() ? "" : ", ") + m.name;
    std::string hint;
    if (closest) {
      std::string cols;
      for (const auto& c : closest_missing) cols += (cols.empty() ? "« " : ", « ") + c + " »";
      hint = fmt::format(" ; le plus proche, « {} », demande aussi {}", closest->name, cols);
    }
    diagnostics.push_back(Diagnostic::error(
        {display, 1, 1}, "pilotage-header",
        fmt::format("export non reconnu d'après ses en-têtes (connus : {}){} ; pour un autre "
                    "export, écrivez une correspondance et passez-la avec --mapping",
                    known.empty() ? "aucun" : known, hint)));
    return finish_failed(k_exit_invalid);
  }
  PilotageImport importer(options, *chosen, display, diagnostics);
  if (!importer.read_header(header)) return finish_failed(k_exit_invalid);
  if (!importer.run(*table)) return finish_failed(k_exit_io);
  if (count_errors(diagnostics) > 0) return finish_failed(k_exit_invalid);
  std::vector<FileToWrite> to_write;
  for (const auto& p : importer.planned())
    to_write.push_back({(options.project / p.file).string(), &p.text, p.update});
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::size_t written = write_files_atomically(to_write, jobs);
  std::size_t created = 0, updated = 0;
  std::string said;
  for (std::size_t i = 0; i < written; ++i) {
    const auto& p = importer.planned()[i];
    (p.update ? updated : created) += 1;
    if (options.quiet || options.format != Format::Text) continue;
    if (!p.update) {
      said += "créé : " + p.file + "\n";
      continue;
    }
    said += "mis à jour : " + p.file + "\n";
    for (const auto& c : p.changes) said += "  " + c + "\n";
  }
  std::cerr << said;
  if (written < to_write.size()) {
    std::cerr << "tampon: erreur: impossible d'écrire « " << to_write[written].path << " »\n";
    return k_exit_io;
  }
  if (!options.quiet) {
    auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
      return fmt::format("{} {}", n, n > 1 ? many : one);
    };
    std::cerr << fmt::format(
        "import pilotage (export « {} », fiches {}) : {}, {}, {} ; {} (tampon validate les "
        "signale)\n",
        chosen->name, chosen->kind, plural(created, "créée", "créées"),
        plural(updated, "mise à jour", "mises à jour"),
        plural(importer.unchanged(), "inchangée", "inchangées"),
        plural(static_cast<std::size_t>(importer.placeholders()), "champ à compléter",
               "champs à compléter"));
    if (importer.skipped())
      std::cerr << fmt::format(
          "{} ignorée{} d'après « {} » (à reporter à la main, par exemple en avenant)\n",
          plural(importer.skipped(), "ligne", "lignes"), importer.skipped() > 1 ? "s" : "",
          chosen->skip_columns.front());
  }
  print_diagnostics(diagnostics, options);
  return exit_code_for(diagnostics);
}

}  // namespace tampon::cli
