#include "load/load_rules_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <numeric>

#include "load/data_file.hpp"
#include "load/decoders.hpp"
#include "load/map_reader.hpp"
#include "load/value_formats.hpp"

namespace tampon::load {
namespace {

constexpr std::string_view k_top[] = {"convention", "financeur", "limites", "majorations_outre_mer",
                                      "regimes"};
constexpr std::string_view k_financeur[] = {"denomination", "statut",     "siege",
                                            "marque",       "signataire", "source"};
constexpr std::string_view k_signataire[] = {"nom", "qualite"};
constexpr std::string_view k_limites[] = {"cdd_prive_max_mois",
                                          "delai_selection_jours",
                                          "delai_contrat_jours",
                                          "delai_formation_jours",
                                          "heures_formation",
                                          "heures_temps_plein",
                                          "delai_recrutement_coordinateur_mois",
                                          "source"};
constexpr std::string_view k_convention[] = {"duree_max_mois", "source"};
constexpr std::string_view k_majoration[] = {"departements", "territoire", "montant", "source"};
constexpr std::string_view k_regime[] = {
    "id", "libelle", "poste", "familles_eligibles", "source_eligibilite", "grille", "tranches"};
constexpr std::string_view k_row[] = {"id",      "libelle", "familles",  "contrats",
                                      "montant", "mois",    "outre_mer", "source"};
constexpr std::string_view k_tranches[] = {"ancrage", "echeancier", "source"};
constexpr std::string_view k_echeance[] = {"pct", "mois_apres"};
constexpr std::string_view k_outre_mer[] = {"aucune", "majoree", "inconnue"};
constexpr std::string_view k_ancrage[] = {"signature", "formation-depart"};

/// Items of the sequence at `key` that are mappings, each with its path (`regimes[0]`).
template <class Fn>
void each_mapping(FileDecoder& d, MapReader& r, std::string_view key, Need need, Fn fn) {
  const YamlNode* seq = r.block(key, need, NodeKind::Sequence);
  if (!seq) return;
  auto items = d.tree().items(*seq);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const YamlNode& item = d.tree().node(items[i]);
    std::string path = indexed(r.path_of(key), i);
    if (item.kind == NodeKind::Mapping)
      fn(item, path);
    else
      d.report(item, "wrong-type",
               fmt::format("« {} » doit être un bloc de champs, pas {}", path, kind_fr(item.kind)));
  }
}

template <class E>
std::vector<E> enum_list(FileDecoder& d, MapReader& r, std::string_view key) {
  std::vector<E> out;
  const YamlNode* seq = r.block(key, Need::Required, NodeKind::Sequence);
  if (!seq) return out;
  for (std::uint32_t index : d.tree().items(*seq)) {
    const YamlNode& item = d.tree().node(index);
    std::string_view text = item.kind == NodeKind::Scalar ? d.text(item) : std::string_view{};
    if (auto e = parse_enum<E>(text))
      out.push_back(*e);
    else
      d.report(item, "unknown-value",
               fmt::format("valeur « {} » inconnue dans « {} »{}", text, r.path_of(key),
                           did_you_mean(text, names<E>())));
  }
  if (out.empty() && seq->count == 0)
    d.report(*seq, "missing-field",
             fmt::format("« {} » est une liste vide : indiquez au moins "
                         "une valeur",
                         r.path_of(key)));
  return out;
}

void inconsistent(FileDecoder& d, const YamlNode& at, std::string message) {
  d.report(at, "invalid-baremes", std::move(message));
}

OverseasIncrease read_majoration(FileDecoder& d, const YamlNode& map, const std::string& path) {
  MapReader m(d, map, k_majoration, path, nullptr);
  OverseasIncrease o;
  if (const YamlNode* seq = m.block("departements", Need::Required, NodeKind::Sequence)) {
    for (std::uint32_t index : d.tree().items(*seq)) {
      const YamlNode& item = d.tree().node(index);
      std::string_view dep = item.kind == NodeKind::Scalar ? d.text(item) : std::string_view{};
      if (is_valid_departement(dep))
        o.departements.emplace_back(dep);
      else
        d.report(item, "invalid-departement",
                 fmt::format("département « {} » inconnu dans « {}.departements »", dep, path));
    }
  }
  o.territory = m.text("territoire", Need::Required).value_or("");
  o.amount = m.money("montant", Need::Required).value_or(Money{});
  o.source = m.text("source", Need::Required).value_or("");
  return o;
}

GridRow read_row(FileDecoder& d, const YamlNode& map, const std::string& path) {
  MapReader m(d, map, k_row, path, nullptr);
  GridRow row;
  row.loc = d.loc(map);
  row.id = m.id("id", Need::Required).value_or("");
  row.label = m.text("libelle", Need::Required).value_or("");
  row.families = enum_list<Family>(d, m, "familles");
  row.contracts = enum_list<ContractType>(d, m, "contrats");
  row.amount = m.money("montant", Need::Required).value_or(Money{});
  row.months = m.integer("mois", Need::Required, 1, 120).value_or(24);
  row.overseas =
      static_cast<OverseasPolicy>(m.one_of("outre_mer", Need::Required, k_outre_mer).value_or(0));
  row.source = m.text("source", Need::Required).value_or("");
  return row;
}

void read_schedule(FileDecoder& d, MapReader& r, Regime& regime) {
  const YamlNode* b = r.block("tranches", Need::Required, NodeKind::Mapping);
  if (!b) return;
  MapReader t(d, *b, k_tranches, r.path_of("tranches"), nullptr);
  regime.anchor = static_cast<Anchor>(t.one_of("ancrage", Need::Required, k_ancrage).value_or(0));
  each_mapping(d, t, "echeancier", Need::Required,
               [&](const YamlNode& item, const std::string& path) {
                 MapReader e(d, item, k_echeance, path, nullptr);
                 TrancheRule rule;
                 rule.pct = e.integer("pct", Need::Required, 1, 100).value_or(0);
                 rule.offset_months = e.integer("mois_apres", Need::Required, 0, 120).value_or(0);
                 regime.tranches.push_back(rule);
               });
  regime.schedule_source = t.text("source", Need::Required).value_or("");
  int total = 0;
  for (const auto& rule : regime.tranches) total += rule.pct;
  if (!regime.tranches.empty() && total != 100)
    inconsistent(d, *b,
                 fmt::format("les pourcentages des tranches de « {} » totalisent {} % au "
                             "lieu de 100 %",
                             regime.id, total));
}

// Two rows covering the same family × contract would make the amount depend on row order.
void check_overlaps(FileDecoder& d, const Regime& regime) {
  for (std::size_t i = 0; i < regime.grid.size(); ++i)
    for (std::size_t j = i + 1; j < regime.grid.size(); ++j) {
      const GridRow &a = regime.grid[i], &b = regime.grid[j];
      for (Family f : b.families)
        for (ContractType c : b.contracts)
          if (std::ranges::count(a.families, f) && std::ranges::count(a.contracts, c)) {
            YamlNode at;
            at.line = b.loc.line;
            at.column = b.loc.column;
            inconsistent(d, at,
                         fmt::format("les lignes « {} » et « {} » du régime « {} » couvrent "
                                     "toutes deux {} × {} : une seule doit s'appliquer",
                                     a.id, b.id, regime.id, name(f), name(c)));
            return;
          }
    }
}

Regime read_regime(FileDecoder& d, const YamlNode& map, const std::string& path) {
  MapReader m(d, map, k_regime, path, nullptr);
  Regime regime;
  regime.loc = d.loc(map);
  regime.id = m.id("id", Need::Required).value_or("");
  regime.label = m.text("libelle", Need::Required).value_or("");
  regime.role = m.choice<Role>("poste", Need::Required).value_or(Role::Conseiller);
  regime.eligible = enum_list<Family>(d, m, "familles_eligibles");
  regime.eligibility_source = m.text("source_eligibilite", Need::Required).value_or("");
  each_mapping(d, m, "grille", Need::Required, [&](const YamlNode& item, const std::string& p) {
    regime.grid.push_back(read_row(d, item, p));
  });
  read_schedule(d, m, regime);
  check_overlaps(d, regime);
  return regime;
}

std::vector<int> integer_list(FileDecoder& d, MapReader& r, std::string_view key, int min,
                              int max) {
  std::vector<int> out;
  const YamlNode* seq = r.block(key, Need::Required, NodeKind::Sequence);
  if (!seq) return out;
  for (std::uint32_t index : d.tree().items(*seq)) {
    const YamlNode& item = d.tree().node(index);
    std::string_view text = item.kind == NodeKind::Scalar ? d.text(item) : std::string_view{};
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < min ||
        value > max)
      d.report(item, "wrong-type",
               fmt::format("« {} » attend des nombres entiers de {} à {}, pas « {} »",
                           r.path_of(key), min, max, text));
    else
      out.push_back(value);
  }
  if (seq->count == 0)
    d.report(
        *seq, "missing-field",
        fmt::format("« {} » est une liste vide : indiquez au moins une valeur", r.path_of(key)));
  return out;
}

// The delays and limits of domain.md §5. Optional: a project's own baremes.yaml written
// before the block existed keeps the programme's values (the defaults of Limits).
void read_limits(FileDecoder& d, MapReader& top, Limits& limits) {
  const YamlNode* block = top.block("limites", Need::Optional, NodeKind::Mapping);
  if (!block) return;
  MapReader m(d, *block, k_limites, "limites", nullptr);
  auto set = [](auto& field, auto value) {
    if (value) field = *value;
  };
  set(limits.cdd_max_months, m.integer("cdd_prive_max_mois", Need::Required, 1, 120));
  set(limits.selection_max_days, m.integer("delai_selection_jours", Need::Required, 0, 365));
  set(limits.contract_max_days, m.integer("delai_contrat_jours", Need::Required, 0, 365));
  set(limits.training_start_max_days, m.integer("delai_formation_jours", Need::Required, 0, 365));
  set(limits.full_time_hours, m.number("heures_temps_plein", Need::Required, 1, 48));
  set(limits.coordinator_recruitment_max_months,
      m.integer("delai_recrutement_coordinateur_mois", Need::Required, 0, 60));
  set(limits.source, m.text("source", Need::Required));
  if (auto hours = integer_list(d, m, "heures_formation", 1, 2000); !hours.empty())
    limits.training_hours = std::move(hours);
}

// The party signing for the State (issue 21). Optional: a project's own baremes.yaml written
// before the block existed keeps the defaults of Financeur, and the documents print the
// Caisse des dépôts without a named signatory.
void read_financeur(FileDecoder& d, MapReader& top, Financeur& f) {
  const YamlNode* block = top.block("financeur", Need::Optional, NodeKind::Mapping);
  if (!block) return;
  MapReader m(d, *block, k_financeur, "financeur", nullptr);
  f.denomination = m.text("denomination", Need::Required).value_or("");
  f.statut = m.text("statut", Need::Required).value_or("");
  f.siege = m.text("siege", Need::Required).value_or("");
  f.marque = m.text("marque", Need::Optional).value_or("");
  f.source = m.text("source", Need::Optional).value_or("");
  if (const YamlNode* s = m.block("signataire", Need::Required, NodeKind::Mapping)) {
    MapReader sig(d, *s, k_signataire, "financeur.signataire", nullptr);
    f.signataire_nom = sig.text("nom", Need::Optional).value_or("");
    f.signataire_qualite = sig.text("qualite", Need::Required).value_or("");
  }
}

void read_baremes(FileDecoder& d, const YamlNode& root, Baremes& b) {
  MapReader top(d, root, k_top, "", nullptr);
  if (const YamlNode* c = top.block("convention", Need::Required, NodeKind::Mapping)) {
    MapReader m(d, *c, k_convention, "convention", nullptr);
    b.convention_max_months = m.integer("duree_max_mois", Need::Required, 1, 240).value_or(36);
    b.convention_max_source = m.text("source", Need::Required).value_or("");
  }
  read_limits(d, top, b.limits);
  read_financeur(d, top, b.financeur);
  each_mapping(d, top, "majorations_outre_mer", Need::Required,
               [&](const YamlNode& item, const std::string& p) {
                 b.overseas.push_back(read_majoration(d, item, p));
               });
  each_mapping(d, top, "regimes", Need::Required, [&](const YamlNode& item, const std::string& p) {
    Regime regime = read_regime(d, item, p);
    if (!regime.id.empty() && b.regime(regime.id))
      inconsistent(d, item, fmt::format("régime « {} » défini deux fois", regime.id));
    else
      b.regimes.push_back(std::move(regime));
  });
}

constexpr std::string_view k_smic_top[] = {"taux", "territoires"};
constexpr std::string_view k_smic_territory[] = {"nom", "departements", "taux"};
constexpr std::string_view k_smic_rate[] = {"date_effet", "mensuel_35h", "horaire", "source"};

// The monthly figure of the decrees is the hourly rate × 35 h × 52 / 12, rounded to the cent.
void check_monthly(FileDecoder& d, const YamlNode& at, Money hourly, Money monthly) {
  std::int64_t expected = (hourly.cents() * 455 * 2 + 3) / 6;
  if (std::abs(expected - monthly.cents()) <= 1) return;
  d.report(
      at, "invalid-smic",
      fmt::format("mensuel_35h {} ne correspond pas au taux horaire {} × 35 h × 52 / 12 = {} : "
                  "vérifiez les deux chiffres",
                  monthly.plain(), hourly.plain(), Money::cents(expected).plain()),
      Severity::Warning);
}

// One list of rates (`taux`, national or a territory's): each rate once per date, sorted.
void read_rates(FileDecoder& d, MapReader& parent, Need need, std::vector<SmicRate>& rates) {
  each_mapping(d, parent, "taux", need, [&](const YamlNode& item, const std::string& p) {
    MapReader m(d, item, k_smic_rate, p, nullptr);
    auto date = m.date("date_effet", Need::Required);
    auto monthly = m.money("mensuel_35h", Need::Required);
    auto hourly = m.money("horaire", Need::Optional);
    auto source = m.text("source", Need::Required);
    if (monthly && hourly) check_monthly(d, *m.find("mensuel_35h"), *hourly, *monthly);
    if (!date || !monthly) return;
    for (const auto& rate : rates)
      if (rate.effective == *date)
        return d.report(item, "invalid-smic",
                        fmt::format("deux taux du SMIC prennent effet le {}", date->iso()));
    rates.push_back({*date, *monthly, source.value_or("")});
  });
  std::ranges::sort(rates, {}, &SmicRate::effective);
}

// `territoires`: the territories with their own minimum wage. A territory may list no rate
// (its figure is not known to the tool): the rule then warns instead of guessing.
void read_territories(FileDecoder& d, MapReader& top, SmicTable& table) {
  each_mapping(
      d, top, "territoires", Need::Optional, [&](const YamlNode& item, const std::string& p) {
        MapReader m(d, item, k_smic_territory, p, nullptr);
        SmicTerritory t;
        t.name = m.text("nom", Need::Required).value_or("");
        if (const YamlNode* list = m.block("departements", Need::Required, NodeKind::Sequence)) {
          for (std::uint32_t i : d.tree().items(*list)) {
            const YamlNode& v = d.tree().node(i);
            std::string_view code = v.kind == NodeKind::Scalar ? d.text(v) : "";
            if (!is_valid_departement(code)) {
              d.report(v, "invalid-smic",
                       fmt::format("« {} » n'est pas un code de département", code));
              continue;
            }
            for (const auto& other : table.territories)
              if (std::ranges::find(other.departements, code) != other.departements.end())
                d.report(v, "invalid-smic",
                         fmt::format("département {} déjà rattaché à « {} »", code, other.name));
            t.departements.emplace_back(code);
          }
        }
        read_rates(d, m, Need::Optional, t.rates);
        table.territories.push_back(std::move(t));
      });
}

void read_smic(FileDecoder& d, const YamlNode& root, SmicTable& table) {
  MapReader top(d, root, k_smic_top, "", nullptr);
  read_rates(d, top, Need::Required, table.rates);
  read_territories(d, top, table);
}

template <class Read, class Target>
void load_data(const ProjectContext& project, std::string_view relative, LoadResult& out,
               Target& target, Read read) {
  auto file = open_data_file(project, relative, out);
  if (!file) return;
  target.file = file->shown;
  Diagnostics found;
  FileDecoder d(file->tree, file->index, found);
  const YamlNode* root = file->root();
  if (root && root->kind == NodeKind::Mapping) {
    read(d, *root, target);
  } else {
    YamlNode at = root ? *root : YamlNode{};
    d.report(at, "wrong-type",
             fmt::format("« {} » doit contenir un bloc de champs (voir le fichier "
                         "livré avec l'outil)",
                         relative));
  }
  d.finish();
  adopt(std::move(found), file->shown, out);
}

}  // namespace

void load_baremes(const ProjectContext& project, LoadResult& out) {
  load_data(project, "data/baremes.yaml", out, out.baremes, read_baremes);
}

void load_smic(const ProjectContext& project, LoadResult& out) {
  load_data(project, "data/smic.yaml", out, out.smic, read_smic);
}

}  // namespace tampon::load
