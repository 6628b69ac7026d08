// domain.md §3: each post's amount. The pricing itself is model::price_post, shared with
// the derivation; this file only turns its findings into diagnostics.
#include <algorithm>

#include "core/fr_text.hpp"
#include "model/derive.hpp"
#include "rules/checks.hpp"
#include "rules/post_sites.hpp"

namespace tampon::rules {
namespace {

std::string allowed_contracts(const Regime& regime, Family family) {
  std::string out;
  for (const auto& row : regime.grid) {
    if (std::ranges::find(row.families, family) == row.families.end()) continue;
    for (ContractType c : row.contracts) out += (out.empty() ? "" : ", ") + std::string(name(c));
  }
  return out.empty() ? "aucun" : out;
}

// A contract the grid finances for the structure's family, for the example of a message.
std::string example_contract(const Regime& regime, const Structure& s) {
  for (const auto& row : regime.grid)
    if (std::ranges::find(row.families, s.family()) != row.families.end() && !row.contracts.empty())
      return std::string(name(row.contracts.front()));
  return "cdi-droit-public";
}

void not_allowed(Checker& check, const model::PriceRequest& req, const Structure& s, SourceLoc at,
                 const RecordRef& owner, std::vector<Note> notes = {}) {
  check.report("contract-not-allowed", at,
               "contrat « " + std::string(name(req.contract)) + " » non prévu par le régime « " +
                   req.regime->id + " » pour une structure « " + std::string(name(s.family())) +
                   " » (" + s.id +
                   ") ; contrats possibles : " + allowed_contracts(*req.regime, s.family()),
               owner, std::move(notes));
}

void projet_not_authorised(Checker& check, const Structure& s, SourceLoc at, const RecordRef& owner,
                           std::vector<Note> notes = {}) {
  check.report("contract-not-allowed", at,
               "contrat de projet dans la structure privée « " + s.id +
                   " » non autorisée : ajoutez « contrat_de_projet_autorise: true » à la "
                   "structure si elle y est éligible, sinon le contrat est requalifié en CDI "
                   "[002 note 2]",
               owner, std::move(notes));
}

// The other record a contract is judged against: the structure, by its type (its family).
Note structure_note(const Checker& check, const Structure& s) {
  return check.note(s.locs.at("type"), "type de la structure « " + s.id + " » (" +
                                           std::string(label_fr(s.type)) + ") déclaré ici");
}

void check_amount(Checker& check, const PostSite& site, const model::Pricing& p,
                  const Structure& structure, std::vector<Note> notes) {
  const Poste& poste = *site.poste;
  const std::string& row = p.row->id;
  if (p.overseas_unknown) {
    if (!(poste.montant && poste.derogation))
      check.report("overseas-amount-unknown", site.at("montant"),
                   site.label() +
                       " en outre-mer : les sources ne chiffrent pas la majoration de "
                       "la ligne « " +
                       row +
                       " » ; indiquez le montant accordé "
                       "(montant) et son motif (derogation)",
                   site.owner,
                   {check.note(structure.locs.at("departement"),
                               "département de la structure « " + structure.id + " » (" +
                                   structure.departement + ") déclaré ici")});
    return;  // no known ceiling: the sources are silent (domain.md §3.3)
  }
  if (!poste.montant || *poste.montant == p.computed) return;
  if (!poste.derogation) {
    check.report("amount-mismatch", site.at("montant"),
                 "montant " + text::money(*poste.montant) + " différent du montant calculé " +
                     text::money(p.computed) + " (ligne « " + row +
                     " ») : corrigez-le ou "
                     "motivez l'écart dans « derogation »",
                 site.owner, notes);
  } else if (*poste.montant > p.ceiling) {
    check.report("amount-above-ceiling", site.at("montant"),
                 "montant dérogatoire " + text::money(*poste.montant) +
                     " supérieur au maximum du barème " + text::money(p.ceiling) + " (ligne « " +
                     row + " ») : ramenez-le à ce plafond au plus [000 II.4]",
                 site.owner, notes);
  }
}

void check_post(Checker& check, const PostSite& site) {
  const Model& model = check.model();
  model::PostOrigin origin{site.convention, nullptr, nullptr, site.avenant};
  origin.structure = model.structure(site.convention->structure);
  origin.regime = model.baremes.regime(site.convention->regime);
  if (!origin.structure || !origin.regime) return;  // reported by the reference checks
  const Poste& poste = *site.poste;
  const Conseiller* holder = model::holder(model, poste);
  if (check.flagged(site.owner) || check.flagged(*origin.structure) ||
      (holder && check.flagged(*holder)))
    return;  // format errors first: defaults would only produce consequences
  auto contract = model::contract_of(model, poste);
  if (!contract) {
    // A `contrat` written but not decoded was reported by the loader already.
    if (!poste.conseiller && !site.written("contrat"))
      check.report("missing-field", site.at("contrat"),
                   site.label() +
                       " vacant sans « contrat » : indiquez le type de contrat prévu, l'un de : " +
                       allowed_contracts(*origin.regime, origin.structure->family()) +
                       " (par exemple « contrat: " +
                       example_contract(*origin.regime, *origin.structure) + " »)",
                   site.owner);
    return;
  }
  // The field that is wrong is the contract type: the post's own `contrat`, or else the
  // conseiller's `contrat.type`, with a note at the post that puts the two together.
  SourceLoc contract_at = site.at("contrat");
  std::vector<Note> notes;
  if (!poste.contrat && holder) {
    contract_at = holder->locs.at("contrat.type");
    notes.push_back(check.note(site.at("conseiller"), "poste déclaré ici (" + site.label() + ")"));
  }
  notes.push_back(structure_note(check, *origin.structure));
  auto req = model::price_request(model, origin, poste, *contract);
  model::Pricing p = model::price_post(model.baremes, req);
  if (!p.priced())
    return not_allowed(check, req, *origin.structure, contract_at, site.owner, std::move(notes));
  if (p.projet_not_authorised)
    projet_not_authorised(check, *origin.structure, contract_at, site.owner, std::move(notes));
  // The amount follows the holder's contract when the post names none: a note there.
  std::vector<Note> amount_notes;
  if (!poste.contrat && holder)
    amount_notes.push_back(check.note(holder->locs.at("contrat.type"),
                                      "contrat de « " + holder->id + " » (" +
                                          std::string(name(*contract)) +
                                          "), qui fixe la ligne du barème, déclaré ici"));
  check_amount(check, site, p, *origin.structure, std::move(amount_notes));
}

// substitution-coordinateur: the new contract must be in the coordinator regime's grid.
void check_substitutions(Checker& check) {
  const Model& model = check.model();
  const Regime* coord = model::coordinator_regime(model.baremes);
  for (const auto& a : model.records.avenants) {
    const Convention* c = model.convention(a.convention);
    const Structure* s = c ? model.structure(c->structure) : nullptr;
    if (!a.substitution || !coord || !s || check.flagged(a) || check.flagged(*s)) continue;
    model::PriceRequest req;
    req.regime = coord;
    req.family = s->family();
    req.contract = a.substitution->contrat;
    req.contrat_de_projet_autorise = s->contrat_de_projet_autorise;
    model::Pricing p = model::price_post(model.baremes, req);
    SourceLoc at = a.locs.at("substitution.contrat");
    if (!p.priced())
      not_allowed(check, req, *s, at, ref_of(a), {structure_note(check, *s)});
    else if (p.projet_not_authorised)
      projet_not_authorised(check, *s, at, ref_of(a), {structure_note(check, *s)});
  }
}

}  // namespace

void check_amounts(Checker& check) {
  for (const auto& site : check.sites())
    if (site.convention) check_post(check, site);
  check_substitutions(check);
}

}  // namespace tampon::rules
