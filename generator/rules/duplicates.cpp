// duplicate-id (records.md): the same id twice is reported at the second place, with a note
// at the first. "Second" follows file and line order, so the message is deterministic.
#include <algorithm>
#include <map>
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

// Most keys are unique: hash them all, and keep occurrences only for the keys seen twice
// (national data: 120 000 reports, each keyed by conseiller and month).
template <class R, class Key, class Place>
void find_repeats(Checker& check, const std::vector<R>& records, Key key, Place place,
                  const std::string& what) {
  std::unordered_map<std::string, std::size_t> first;
  first.reserve(records.size());
  Groups groups;
  for (std::size_t i = 0; i < records.size(); ++i) {
    auto [it, inserted] = first.try_emplace(key(records[i]), i);
    if (inserted) continue;
    auto& found = groups[it->first];
    if (found.empty()) found.push_back({place(records[it->second]), ref_of(records[it->second])});
    found.push_back({place(records[i]), ref_of(records[i])});
  }
  report_groups(check, groups, what);
}

template <class R>
void by_id(Checker& check, const std::vector<R>& records, const std::string& what) {
  find_repeats(
      check, records, [](const R& r) { return r.id; }, [](const R& r) { return r.locs.at("id"); },
      what);
}

template <class R>
void by_key(Checker& check, const std::vector<R>& records, const std::string& what) {
  find_repeats(
      check, records, [](const R& r) { return ref_of(r).id; },
      [](const R& r) { return r.locs.record; }, what);
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
  by_key(check, r.versements, "versement");
  by_key(check, r.rapports, "rapport mensuel");
  by_key(check, r.depenses, "déclaration de dépenses");
  post_numbers(check);
  avenant_numbers(check);
}

}  // namespace tampon::rules
