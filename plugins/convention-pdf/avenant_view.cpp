// The view of an avenant (templates/documents/avenant.md): the convention before and after it
// (ConventionState::before / after) and the schedule as it now stands (domain.md §6).
#include <stdexcept>

#include "document_view.hpp"
#include "render/fr_format.hpp"

namespace tampon::convention_pdf {
namespace {

Data version_view(const Model& model, const ConventionState& state, const ConventionVersion& v) {
  Data view;
  view.set("postes", posts_view(model, state, v));
  view.set("total", total_view(v.total));
  view.set("fin", Data(date_text(v.fin)));
  return view;
}

Data numbers(const std::vector<int>& values) {
  Data out(Data::type::list);
  for (std::size_t i = 0; i < values.size(); ++i) {
    Data item;
    item.set("numero", Data(std::to_string(values[i])));
    item.set("dernier", Data(i + 1 == values.size()));
    out.push_back(item);
  }
  return out;
}

Data avenant_header_view(const Avenant& av) {
  Data v;
  v.set("id", Data(av.id));
  v.set("numero", Data(std::to_string(av.numero)));
  v.set("date", Data(date_text(av.date)));
  v.set("objet", Data(std::string(label_fr(av.objet))));
  v.set("motif", Data(sentence_body(av.motif)));
  v.set("ajout_postes", Data(av.objet == AvenantObjet::AjoutPostes));
  v.set("retrait_postes", Data(av.objet == AvenantObjet::RetraitPostes));
  v.set("substitution", Data(av.objet == AvenantObjet::SubstitutionCoordinateur));
  v.set("prolongation", Data(av.objet == AvenantObjet::Prolongation));
  std::vector<int> added;
  for (const Poste& p : av.postes_ajoutes) added.push_back(p.numero);
  v.set("postes_ajoutes", numbers(added));
  v.set("postes_retires", numbers(av.postes_retires));
  v.set("substitution_poste",
        Data(av.substitution ? std::to_string(av.substitution->poste) : std::string()));
  v.set("substitution_contrat",
        Data(av.substitution ? std::string(label_fr(av.substitution->contrat)) : std::string()));
  v.set("nouvelle_fin", Data(av.nouvelle_fin ? date_text(*av.nouvelle_fin) : std::string()));
  return v;
}

}  // namespace

Data avenant_view(const Model& model, const ConventionState& state, const Avenant& avenant) {
  const ConventionVersion* before = state.before(avenant);
  const ConventionVersion* after = state.after(avenant);
  if (!before || !after)
    throw std::logic_error("avenant " + avenant.id + " absent des versions de sa convention");
  Data view;
  view.set("avenant", avenant_header_view(avenant));
  view.set("convention", convention_header_view(state));
  view.set("structure", structure_view(model, *state.structure));
  view.set("regime", regime_view(*state.regime));
  view.set("financeur", financeur_view(model.baremes));
  // An avenant is signed on the structure's standing deliberation, if any; the one of the
  // convention authorised that signature only.
  view.set("document", document_view("le présent avenant", state.structure->deliberation));
  view.set("total", total_view(after->total));
  view.set("avant", version_view(model, state, *before));
  view.set("apres", version_view(model, state, *after));
  view.set("echeancier", schedule_view(model, state, *after));
  // Substitution: when, and by which convention, the coordinator financing takes over.
  const PostState* substituted = nullptr;
  if (avenant.substitution)
    for (const PostState& p : after->posts)
      if (p.numero == avenant.substitution->poste) substituted = &p;
  Data relay;
  bool dated = substituted && substituted->coordinator_from;
  relay.set("has_date", Data(dated));
  relay.set("date", Data(dated ? date_text(*substituted->coordinator_from) : std::string()));
  bool named = substituted && !substituted->coordinator_convention.empty();
  relay.set("has_convention", Data(named));
  relay.set("convention", Data(named ? substituted->coordinator_convention : std::string()));
  view.set("relais", relay);
  add_version_notes(view, model, state, *after);
  return view;
}

}  // namespace tampon::convention_pdf
