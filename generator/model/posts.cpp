// One post as signed: contract, price, anchor, schedule (domain.md §3 and §4).
#include "model/derive.hpp"

namespace tampon::model {

const Conseiller* holder(const Model& model, const Poste& poste) {
  return poste.conseiller ? model.conseiller(*poste.conseiller) : nullptr;
}

std::optional<ContractType> contract_of(const Model& model, const Poste& poste) {
  if (const Conseiller* c = holder(model, poste)) return c->contrat.type;
  return poste.contrat;
}

PriceRequest price_request(const Model& model, const PostOrigin& origin, const Poste& poste,
                           ContractType contract) {
  PriceRequest req;
  req.regime = origin.regime;
  req.family = origin.structure->family();
  req.departement = origin.structure->departement;
  req.contrat_de_projet_autorise = origin.structure->contrat_de_projet_autorise;
  req.contract = contract;
  if (const Conseiller* c = holder(model, poste)) req.aides_emploi = c->contrat.aides_emploi;
  req.montant = poste.montant;
  req.derogation = poste.derogation;
  return req;
}

Anchoring anchor_for(const Regime& regime, const PostOrigin& origin, const Conseiller* holder) {
  std::string base_label = origin.avenant
                               ? "date de l'avenant n° " + std::to_string(origin.avenant->numero)
                               : std::string("signature de la convention");
  if (regime.anchor == Anchor::Signature) return {origin.base_date(), base_label, false};
  if (holder && holder->formation && holder->formation->depart)
    return {*holder->formation->depart, "départ en formation de " + holder->id, false};
  // No conseiller or no training date yet: provisional, on the signature (domain.md §4).
  return {origin.base_date(), base_label + " (provisoire, sans date de départ en formation)", true};
}

void flag_after_rupture(const Model& model, PostState& post) {
  const Conseiller* c = post.conseiller ? model.conseiller(*post.conseiller) : nullptr;
  for (auto& t : post.tranches) t.after_rupture = c && c->rupture && t.due > c->rupture->date;
}

PostState build_post(const Model& model, const PostOrigin& origin, const Poste& poste) {
  PostState post;
  post.numero = poste.numero;
  post.role = poste.role;
  post.conseiller = poste.conseiller;
  post.derogation = poste.derogation;
  if (origin.avenant) post.added_by = origin.avenant->id;
  auto contract = contract_of(model, poste);
  if (!contract) {
    post.amount_how.push_back({"missing-contract", "", "records.md",
                               "Poste vacant sans type de contrat : montant non calculable"});
    return post;
  }
  post.contrat = *contract;
  Pricing pricing = price_post(model.baremes, price_request(model, origin, poste, *contract));
  post.amount = pricing.amount;
  post.amount_how = std::move(pricing.how);
  post.overseas_increase = pricing.increase != nullptr;
  if (poste.substitue) {
    // Replacing a post, the coordinator financing "commence à courir à compter de
    // l'échéance de la période initiale de financement" [002 III.b].
    post.financing_start = initial_financing_end(model, *poste.substitue);
    if (post.financing_start)
      post.amount_how.push_back(
          {"substitution-coordinateur", "", "[002 III.b]",
           "Poste de coordinateur remplaçant le poste " + std::to_string(poste.substitue->poste) +
               " de la convention " + poste.substitue->convention +
               " : financement à compter de la fin de sa période initiale, le " +
               post.financing_start->iso()});
  }
  Anchoring anchor = anchor_for(*origin.regime, origin, holder(model, poste));
  post.provisional = anchor.provisional;
  post.tranches = schedule(*origin.regime, post.amount, anchor, 1);
  flag_after_rupture(model, post);
  return post;
}

std::optional<Date> initial_financing_end(const Model& model, const PosteRef& ref) {
  const Convention* c = model.convention(ref.convention);
  const Structure* s = c ? model.structure(c->structure) : nullptr;
  const Regime* regime = c ? model.baremes.regime(c->regime) : nullptr;
  if (!s || !regime) return std::nullopt;
  const Poste* poste = nullptr;
  const Avenant* added = nullptr;
  for (const auto& p : c->postes)
    if (!poste && p.numero == ref.poste) poste = &p;
  for (const auto& av : model.records.avenants)
    if (av.convention == c->id)
      for (const auto& p : av.postes_ajoutes)
        if (!poste && p.numero == ref.poste) poste = &p, added = &av;
  auto contract = poste ? contract_of(model, *poste) : std::nullopt;
  const GridRow* row = contract ? regime->row_for(s->family(), *contract) : nullptr;
  if (!row) return std::nullopt;
  PostOrigin origin{c, s, regime, added};
  return origin.financing_start().plus_months(row->months);
}

const Regime* coordinator_regime(const Baremes& baremes) {
  for (const auto& r : baremes.regimes)
    if (r.role == Role::Coordinateur) return &r;
  return nullptr;
}

}  // namespace tampon::model
