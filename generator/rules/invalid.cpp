// Model::invalid: what --keep-going must skip. A record is invalid when an error points into
// it, or when it depends on an invalid record (a convention on its structure, its
// conseillers and its avenants; follow-up records on what they name).
#include <algorithm>
#include <map>

#include "rules/checks.hpp"
#include "rules/record_positions.hpp"

namespace tampon::rules {
namespace {

bool bad(const std::set<RecordRef>& invalid, RecordKind kind, const std::string& id) {
  return invalid.contains({kind, id});
}

bool convention_depends_on_invalid(const Model& model, const Convention& c,
                                   const std::set<RecordRef>& inv) {
  if (bad(inv, RecordKind::Structure, c.structure)) return true;
  for (const auto& p : c.postes)
    if (p.conseiller && bad(inv, RecordKind::Conseiller, *p.conseiller)) return true;
  for (const auto& a : model.records.avenants)
    if (a.convention == c.id && bad(inv, RecordKind::Avenant, a.id)) return true;
  return false;
}

bool avenant_depends_on_invalid(const Avenant& a, const std::set<RecordRef>& inv) {
  if (bad(inv, RecordKind::Convention, a.convention)) return true;
  return std::ranges::any_of(a.postes_ajoutes, [&](const Poste& p) {
    return p.conseiller && bad(inv, RecordKind::Conseiller, *p.conseiller);
  });
}

bool depense_depends_on_invalid(const Depense& d, const std::set<RecordRef>& inv) {
  if (bad(inv, RecordKind::Structure, d.structure) ||
      bad(inv, RecordKind::Convention, d.convention))
    return true;
  return std::ranges::any_of(d.lignes, [&](const LigneDepense& l) {
    return bad(inv, RecordKind::Conseiller, l.conseiller);
  });
}

// One pass of propagation; returns whether anything was added.
bool propagate(const Model& model, std::set<RecordRef>& inv) {
  std::size_t before = inv.size();
  const RecordSet& r = model.records;
  for (const auto& c : r.conseillers)
    if (bad(inv, RecordKind::Structure, c.structure)) inv.insert(ref_of(c));
  for (const auto& c : r.conventions)
    if (convention_depends_on_invalid(model, c, inv)) inv.insert(ref_of(c));
  for (const auto& a : r.avenants)
    if (avenant_depends_on_invalid(a, inv)) inv.insert(ref_of(a));
  for (const auto& v : r.versements)
    if (bad(inv, RecordKind::Convention, v.convention)) inv.insert(ref_of(v));
  for (const auto& x : r.rapports)
    if (bad(inv, RecordKind::Structure, x.structure) ||
        bad(inv, RecordKind::Conseiller, x.conseiller))
      inv.insert(ref_of(x));
  for (const auto& d : r.depenses)
    if (depense_depends_on_invalid(d, inv)) inv.insert(ref_of(d));
  return inv.size() != before;
}

}  // namespace

void mark_invalid(Model& model, const Diagnostics& load_diagnostics,
                  const std::set<RecordRef>& faulty) {
  std::set<RecordRef> invalid = faulty;
  for (const auto& ref : records_with_errors(model, load_diagnostics)) invalid.insert(ref);
  while (propagate(model, invalid)) {
  }
  model.invalid = std::move(invalid);
}

}  // namespace tampon::rules
