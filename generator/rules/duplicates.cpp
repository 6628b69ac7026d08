// duplicate-id (records.md): the same id twice is reported at the second place, with a note
// at the first. "Second" follows file and line order, so the message is deterministic.
#include <algorithm>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>

#include "rules/checks.hpp"
#include "rules/post_sites.hpp"

namespace tampon::rules {
namespace {

struct Occurrence {
  SourceLoc at;
  RecordRef owner;
};

using Groups = std::map<std::string, std::vector<Occurrence>>;

void report_groups(Checker& check, Groups& groups, const std::string& what) {
  for (auto& [key, found] : groups) {
    if (found.size() < 2) continue;
    std::ranges::stable_sort(found, {},
                             [&](const Occurrence& o) { return check.model().where(o.at); });
    for (std::size_t i = 1; i < found.size(); ++i)
      check.report("duplicate-id", found[i].at,
                   what + " « " + key +
                       " » déjà défini : renommez l'un des deux ou supprimez le "
                       "doublon",
                   found[i].owner, {check.note(found[0].at, "première définition ici")});
  }
}

// Records come sorted so that equal keys are neighbours (validate runs load::sort_records
// first): a repeat is found by comparing each record with the one before it, with no table
// of every key (national data: 120 000 reports, 20 000 versements).
template <class R, class Same, class Key, class Place>
void neighbour_repeats(Checker& check, const std::vector<R>& records, Same same, Key key,
                       Place place, const std::string& what) {
  Groups groups;
  for (std::size_t i = 1; i < records.size(); ++i) {
    if (!same(records[i - 1], records[i])) continue;
    auto& found = groups[key(records[i])];
    if (found.empty()) found.push_back({place(records[i - 1]), ref_of(records[i - 1])});
    found.push_back({place(records[i]), ref_of(records[i])});
  }
  report_groups(check, groups, what);
}

template <class R>
void by_id(Checker& check, const std::vector<R>& records, const std::string& what) {
  neighbour_repeats(
      check, records, [](const R& a, const R& b) { return a.id == b.id; },
      [](const R& r) { return r.id; }, [](const R& r) { return r.locs.at("id"); }, what);
}

// A versement is known by (convention, poste, tranche), which its sort order starts with; a
// déclaration de dépenses by (structure, convention, trimestre), its whole sort order.
void versements(Checker& check, const std::vector<Versement>& records) {
  neighbour_repeats(
      check, records,
      [](const Versement& a, const Versement& b) {
        return a.convention == b.convention && a.poste == b.poste && a.tranche == b.tranche;
      },
      [](const Versement& v) { return ref_of(v).id; },
      [](const Versement& v) { return v.locs.record; }, "versement");
}

void depenses(Checker& check, const std::vector<Depense>& records) {
  neighbour_repeats(
      check, records,
      [](const Depense& a, const Depense& b) {
        return a.structure == b.structure && a.convention == b.convention &&
               a.trimestre == b.trimestre;
      },
      [](const Depense& d) { return ref_of(d).id; }, [](const Depense& d) { return d.locs.record; },
      "déclaration de dépenses");
}

// A report is known by (conseiller, mois) but sorted by structure first: two reports of one
// conseiller and month that name different structures are not neighbours. Hashed by a view of
// the conseiller and the month's number, without building a string per report.
void rapports(Checker& check, const std::vector<Rapport>& records) {
  struct Key {
    std::string_view conseiller;
    int mois;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<std::string_view>{}(k.conseiller) * 31 + static_cast<std::size_t>(k.mois);
    }
  };
  std::unordered_map<Key, std::size_t, KeyHash> first;
  first.reserve(records.size());
  Groups groups;
  for (std::size_t i = 0; i < records.size(); ++i) {
    auto [it, inserted] = first.try_emplace(Key{records[i].conseiller, records[i].mois.index()}, i);
    if (inserted) continue;
    const Rapport& earlier = records[it->second];
    auto& found = groups[ref_of(records[i]).id];
    if (found.empty()) found.push_back({earlier.locs.record, ref_of(earlier)});
    found.push_back({records[i].locs.record, ref_of(records[i])});
  }
  report_groups(check, groups, "rapport mensuel");
}

// Post numbers are unique within a convention, its avenants' added posts included.
void post_numbers(Checker& check) {
  Groups groups;
  for (const auto& site : check.sites()) {
    std::string conv = site.convention ? site.convention->id : site.avenant->convention;
    groups[conv + " poste " + std::to_string(site.poste->numero)].push_back(
        {site.at("numero"), site.owner});
  }
  report_groups(check, groups, "numéro de poste");
}

void avenant_numbers(Checker& check) {
  Groups groups;
  for (const auto& a : check.model().records.avenants)
    groups[a.convention + " avenant " + std::to_string(a.numero)].push_back(
        {a.locs.at("numero"), ref_of(a)});
  report_groups(check, groups, "numéro d'avenant");
}

}  // namespace

void check_duplicates(Checker& check) {
  const RecordSet& r = check.model().records;
  by_id(check, r.structures, "identifiant de structure");
  by_id(check, r.conseillers, "identifiant de conseiller");
  by_id(check, r.conventions, "identifiant de convention");
  by_id(check, r.avenants, "identifiant d'avenant");
  versements(check, r.versements);
  rapports(check, r.rapports);
  depenses(check, r.depenses);
  post_numbers(check);
  avenant_numbers(check);
}

}  // namespace tampon::rules
