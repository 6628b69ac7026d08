// Cross-record references (records.md): dangling-reference with a "vouliez-vous dire" hint,
// structure-mismatch when a reference leaves its structure, unknown-value for a regime that
// baremes.yaml does not define.
#include <algorithm>

#include "rules/checks.hpp"
#include "rules/post_sites.hpp"
#include "rules/reference_target.hpp"
#include "tampon/suggest.hpp"

namespace tampon::rules {
namespace {

// Sorted, so that the hint among them is deterministic.
template <class R>
std::vector<std::string_view> ids_of(const std::vector<R>& records) {
  std::vector<std::string_view> ids;
  for (const auto& r : records) ids.push_back(r.id);
  std::ranges::sort(ids);
  return ids;
}

void owners(Checker& check, const Targets& t) {
  const RecordSet& r = check.model().records;
  for (const auto& c : r.conseillers)
    resolve_field(check, t.structures, c.structure, c, "structure");
  for (const auto& c : r.conventions)
    resolve_field(check, t.structures, c.structure, c, "structure");
  for (const auto& a : r.avenants)
    resolve_field(check, t.conventions, a.convention, a, "convention");
}

void post_holders(Checker& check, const Targets& t) {
  for (const auto& site : check.sites()) {
    if (!site.poste->conseiller) continue;
    const std::string& id = *site.poste->conseiller;
    if (!resolve(check, t.conseillers, id, site.at("conseiller"), site.owner)) continue;
    const Conseiller* c = check.model().conseiller(id);
    // A conseiller whose own structure dangles is reported there, not here again.
    bool known = check.model().structure(c->structure) != nullptr;
    if (site.convention && known && c->structure != site.convention->structure)
      report_mismatch(check, site.at("conseiller"), "le conseiller « " + id + " »", c->structure,
                      site.convention->structure, site.owner, c->locs.at("structure"));
  }
}

void regimes(Checker& check) {
  std::vector<std::string_view> known;
  for (const auto& regime : check.baremes().regimes) known.push_back(regime.id);
  for (const auto& c : check.model().records.conventions) {
    if (check.baremes().regime(c.regime)) continue;
    // Never written: the loader's missing-field says so, a "régime «  »" would say it twice.
    if (c.regime.empty() && !written(c.locs, "regime")) continue;
    check.report(
        "unknown-value", c.locs.at("regime"),
        "régime « " + c.regime + " » absent de baremes.yaml" + did_you_mean(c.regime, known),
        ref_of(c));
  }
}

}  // namespace

Target::Target(std::string_view noun, std::string_view folder, std::vector<std::string_view> ids,
               Locate locate)
    : noun(noun),
      folder(folder),
      ids(std::move(ids)),
      locate(locate),
      m_index(this->ids.begin(), this->ids.end()) {}

namespace {

template <auto Find>
const FieldLocs* locs_of(const Model& model, std::string_view id) {
  const auto* record = (model.*Find)(id);
  return record ? &record->locs : nullptr;
}

}  // namespace

Targets::Targets(const RecordSet& r)
    : structures{"la structure", "data/structures/", ids_of(r.structures),
                 locs_of<&Model::structure>},
      conseillers{"le conseiller", "data/conseillers/", ids_of(r.conseillers),
                  locs_of<&Model::conseiller>},
      conventions{"la convention", "data/conventions/", ids_of(r.conventions),
                  locs_of<&Model::convention>} {}

bool resolve(Checker& check, const Target& target, const std::string& id, SourceLoc at,
             const RecordRef& owner) {
  if (target.has(id)) return true;
  std::vector<Note> notes;
  if (auto near = closest(id, target.ids))
    if (const FieldLocs* locs = target.locate(check.model(), *near))
      notes.push_back(check.note(locs->at("id"), "identifiant « " + *near + " » défini ici"));
  check.report("dangling-reference", at,
               std::string(target.noun) + " « " + id + " » n'existe pas dans " +
                   std::string(target.folder) + did_you_mean(id, target.ids),
               owner, std::move(notes));
  return false;
}

void report_mismatch(Checker& check, SourceLoc at, const std::string& what,
                     const std::string& theirs, const std::string& ours, const RecordRef& owner,
                     SourceLoc theirs_at) {
  check.report("structure-mismatch", at,
               what + " relève de la structure « " + theirs + " », pas de « " + ours +
                   " » : corrigez la référence",
               owner, {check.note(theirs_at, "structure « " + theirs + " » déclarée ici")});
}

void check_references(Checker& check) {
  Targets targets(check.model().records);
  owners(check, targets);
  post_holders(check, targets);
  regimes(check);
  check_follow_up_references(check, targets);
  check_post_references(check);
}

}  // namespace tampon::rules
