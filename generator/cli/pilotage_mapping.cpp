#include "cli/pilotage_mapping.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "load/yaml_tree.hpp"
#include "tabular/csv_reader.hpp"
#include "tampon/suggest.hpp"

namespace tampon::cli::pilotage {
namespace {

using load::NodeKind;
using load::YamlNode;
using load::YamlTree;

constexpr std::string_view k_top_keys[] = {"export",      "description", "fiche",  "reconnaissance",
                                           "identifiant", "nouvel_id",   "champs", "a_completer",
                                           "vides",       "ignorer_si"};
constexpr std::string_view k_rule_keys[] = {"colonne", "format", "valeurs", "lien",
                                            "defaut",  "sinon",  "role"};
constexpr std::string_view k_formats[] = {"texte",   "premiere-ligne", "date",        "montant",
                                          "entier",  "siret",          "departement", "code-postal",
                                          "oui-non", "postes"};
constexpr std::string_view k_families[] = {"collectivite", "public-rattache", "autre-public",
                                           "prive", "public"};
constexpr std::string_view k_kinds[] = {"structure", "conseiller", "convention"};

class Parser {
 public:
  Parser(const YamlTree& tree, const std::string& shown, Diagnostics& out)
      : m_tree(tree), m_shown(shown), m_out(out) {}

  Location at(const YamlNode& n) const { return {m_shown, n.line, n.column}; }

  void error(const YamlNode& n, std::string message) {
    m_out.push_back(Diagnostic::error(at(n), "pilotage-mapping", std::move(message)));
    m_ok = false;
  }

  std::string scalar(const YamlNode& n) const { return std::string(m_tree.scalar(n)); }

  /// A text value: a scalar, or an error naming `what`.
  std::optional<std::string> text(const YamlNode& n, std::string_view what) {
    if (n.kind == NodeKind::Scalar) return scalar(n);
    error(n, fmt::format("« {} » : un texte est attendu", what));
    return std::nullopt;
  }

  /// A text or a list of texts.
  std::vector<std::string> texts(const YamlNode& n, std::string_view what) {
    std::vector<std::string> out;
    if (n.kind == NodeKind::Sequence) {
      for (auto i : m_tree.items(n))
        if (auto t = text(m_tree.node(i), what)) out.push_back(*t);
    } else if (auto t = text(n, what)) {
      out.push_back(*t);
    }
    if (out.empty() && m_ok) error(n, fmt::format("« {} » : au moins un nom est attendu", what));
    return out;
  }

  template <class Fn>
  void each_pair(const YamlNode& map, Fn fn) {
    for (std::uint32_t i = 0; i < map.count; ++i) {
      const YamlNode& k = m_tree.key(map, i);
      if (k.kind != NodeKind::Scalar) {  // `? [a, b]: …`, found by fuzz_pilotage_mapping
        error(k, "clé invalide : une clé est un nom simple, comme « export » ou « colonne »");
        continue;
      }
      fn(k, m_tree.value(map, i));
    }
  }

  Rule rule(const YamlNode& n, std::string_view field) {
    Rule r;
    r.where = at(n);
    if (n.kind == NodeKind::Scalar) {
      r.columns.push_back(scalar(n));
      return r;
    }
    if (n.kind != NodeKind::Mapping) {
      error(n, fmt::format("« {} » : le nom d'une colonne, ou un bloc (colonne, format, "
                           "valeurs…) est attendu",
                           field));
      return r;
    }
    each_pair(n, [&](const YamlNode& k, const YamlNode& v) {
      std::string key = scalar(k);
      if (key == "colonne") {
        r.columns = texts(v, "colonne");
      } else if (key == "format") {
        auto f = text(v, "format");
        if (!f) return;
        auto it = std::find(std::begin(k_formats), std::end(k_formats), *f);
        if (it == std::end(k_formats)) {
          error(v, fmt::format("format « {} » inconnu{}", *f, did_you_mean(*f, k_formats)));
          return;
        }
        r.format = static_cast<CellFormat>(it - std::begin(k_formats));
      } else if (key == "valeurs") {
        values(v, r);
      } else if (key == "lien") {
        auto l = text(v, "lien");
        if (l && *l != "structure")
          error(v, fmt::format("lien « {} » : seul « structure » est possible (la colonne donne "
                               "l'identifiant au tableau de pilotage de la structure)",
                               *l));
        else if (l)
          r.link = *l;
      } else if (key == "defaut") {
        if (auto d = text(v, "defaut")) r.fallback = *d;
      } else if (key == "sinon") {
        r.otherwise = std::make_unique<Rule>(rule(v, field));
      } else if (key == "role") {
        r.role = std::make_unique<Rule>(rule(v, "role"));
      } else {
        error(k, fmt::format("clé « {} » inconnue dans la règle de « {} »{}", key, field,
                             did_you_mean(key, k_rule_keys)));
      }
    });
    if (r.columns.empty() && !r.fallback && m_ok)
      error(n, fmt::format("« {} » : « colonne » (ou « defaut ») manque", field));
    if (r.format == CellFormat::Postes && field != "postes")
      error(n, "le format « postes » ne sert qu'au champ « postes » d'une convention");
    return r;
  }

  void values(const YamlNode& n, Rule& r) {
    r.has_values = true;
    if (n.kind != NodeKind::Mapping) {
      error(n, "« valeurs » : une table « valeur de l'export: valeur de la fiche » est attendue");
      return;
    }
    each_pair(n, [&](const YamlNode& k, const YamlNode& v) {
      ValueEntry e;
      e.from = scalar(k);
      if (v.kind == NodeKind::Null ||
          (v.kind == NodeKind::Scalar && !v.quoted && (scalar(v) == "~" || scalar(v) == "null"))) {
        // no value from this column
      } else if (v.kind == NodeKind::Scalar) {
        e.to = scalar(v);
      } else if (v.kind == NodeKind::Mapping) {
        each_pair(v, [&](const YamlNode& fk, const YamlNode& fv) {
          std::string family = scalar(fk);
          if (std::find(std::begin(k_families), std::end(k_families), family) ==
              std::end(k_families)) {
            error(fk, fmt::format("famille « {} » inconnue (collectivite, public-rattache, "
                                  "autre-public, prive, ou public pour les trois premières){}",
                                  family, did_you_mean(family, k_families)));
            return;
          }
          if (auto t = text(fv, family)) e.by_family.emplace_back(family, *t);
        });
      } else {
        error(v, fmt::format("valeur de « {} » : un texte, ~ ou une table par famille est attendu",
                             e.from));
      }
      r.values.push_back(std::move(e));
    });
  }

  std::optional<Mapping> mapping(const YamlNode& root) {
    Mapping m;
    m.file = m_shown;
    if (root.kind != NodeKind::Mapping) {
      error(root, "une correspondance est un bloc de clés (export, fiche, reconnaissance, …)");
      return std::nullopt;
    }
    const YamlNode* champs = nullptr;
    each_pair(root, [&](const YamlNode& k, const YamlNode& v) {
      std::string key = scalar(k);
      if (key == "export") {
        m.name = text(v, key).value_or("");
      } else if (key == "description") {
        m.description = text(v, key).value_or("");
      } else if (key == "fiche") {
        m.kind = text(v, key).value_or("");
        if (!m.kind.empty() && folder_of(m.kind).empty())
          error(v, fmt::format("fiche « {} » : structure, conseiller ou convention{}", m.kind,
                               did_you_mean(m.kind, k_kinds)));
      } else if (key == "reconnaissance") {
        m.recognition = texts(v, key);
      } else if (key == "identifiant") {
        m.id_columns = texts(v, key);
      } else if (key == "nouvel_id") {
        m.id_template = text(v, key).value_or("");
      } else if (key == "vides") {
        m.empties = texts(v, key);
      } else if (key == "ignorer_si") {
        if (v.kind != NodeKind::Mapping) {
          error(v, "« ignorer_si » : un bloc (colonne, commence_par) est attendu");
          return;
        }
        each_pair(v, [&](const YamlNode& sk, const YamlNode& sv) {
          std::string skey = scalar(sk);
          if (skey == "colonne")
            m.skip_columns = texts(sv, skey);
          else if (skey == "commence_par")
            for (const auto& t : texts(sv, skey)) m.skip_prefixes.push_back(normalize(t));
          else
            error(sk, fmt::format("clé « {} » inconnue dans « ignorer_si » (colonne, "
                                  "commence_par)",
                                  skey));
        });
        if (m.skip_columns.empty() || m.skip_prefixes.empty())
          error(v, "« ignorer_si » demande « colonne » et « commence_par »");
      } else if (key == "champs") {
        champs = &v;
      } else if (key == "a_completer") {
        if (v.kind != NodeKind::Mapping) {
          error(v, "« a_completer » : une table « champ: explication » est attendue");
          return;
        }
        each_pair(v, [&](const YamlNode& pk, const YamlNode& pv) {
          m.placeholders.push_back({scalar(pk), text(pv, scalar(pk)).value_or("")});
        });
      } else {
        error(k, fmt::format("clé « {} » inconnue{}", key, did_you_mean(key, k_top_keys)));
      }
    });
    for (std::string_view need : {"export", "fiche", "reconnaissance", "identifiant", "champs"}) {
      bool present = false;
      each_pair(root, [&](const YamlNode& k, const YamlNode&) { present |= scalar(k) == need; });
      if (!present) error(root, fmt::format("clé « {} » absente", need));
    }
    if (champs) {
      if (champs->kind != NodeKind::Mapping) {
        error(*champs, "« champs » : une table « champ de la fiche: règle » est attendue");
      } else {
        each_pair(*champs, [&](const YamlNode& k, const YamlNode& v) {
          std::string path = scalar(k);
          if (path == "id" || path == "id_pilotage") {
            error(k, fmt::format("« {} » est posé par l'import (identifiant, nouvel_id)", path));
            return;
          }
          m.fields.push_back({path, rule(v, path)});
        });
      }
    }
    if (!m_ok) return std::nullopt;
    return m;
  }

 private:
  const YamlTree& m_tree;
  const std::string& m_shown;
  Diagnostics& m_out;
  bool m_ok = true;
};

}  // namespace

std::string_view folder_of(std::string_view kind) {
  if (kind == "structure") return "structures";
  if (kind == "conseiller") return "conseillers";
  if (kind == "convention") return "conventions";
  return {};
}

std::string normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      is_space = true;  // no-break space
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      out += '\'';  // ’
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      out += static_cast<char>(c);
      out += static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string normalize_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::optional<Mapping> parse_mapping(std::string_view text, const std::string& shown,
                                     Diagnostics& diagnostics) {
  if (text.size() > k_max_mapping_bytes) {
    diagnostics.push_back(
        Diagnostic::error({shown, 0, 0}, "pilotage-mapping",
                          fmt::format("fichier de correspondance trop grand (au plus {} Kio)",
                                      k_max_mapping_bytes >> 10)));
    return std::nullopt;
  }
  if (!tabular::is_utf8(text)) {
    diagnostics.push_back(Diagnostic::error(
        {shown, 0, 0}, "pilotage-mapping",
        "le fichier de correspondance n'est pas en UTF-8 : enregistrez-le en UTF-8"));
    return std::nullopt;
  }
  auto parsed = load::parse_yaml(text);
  if (parsed.error) {
    diagnostics.push_back(Diagnostic::error({shown, parsed.error->line, parsed.error->column},
                                            "pilotage-mapping", parsed.error->message));
    return std::nullopt;
  }
  if (parsed.tree.documents().empty()) {
    diagnostics.push_back(
        Diagnostic::error({shown, 0, 0}, "pilotage-mapping", "fichier de correspondance vide"));
    return std::nullopt;
  }
  Parser p(parsed.tree, shown, diagnostics);
  return p.mapping(parsed.tree.node(parsed.tree.documents()[0]));
}

}  // namespace tampon::cli::pilotage
