// The view of a signed convention (templates/documents/convention.md): its version 0.
#include "document_view.hpp"

#include "render/fr_format.hpp"

namespace tampon::convention_pdf {

Data convention_view(const Model& model, const ConventionState& state) {
  const ConventionVersion& signed_version = state.versions.front();
  Data view;
  view.set("convention", convention_header_view(state));
  view.set("structure", structure_view(model, *state.structure));
  view.set("regime", regime_view(*state.regime));
  view.set("financeur", financeur_view(model.baremes));
  // The deliberation authorising the structure's signatory: the convention's own, else the
  // structure's (records.md, optional).
  std::optional<Date> deliberation = state.record->deliberation;
  if (!deliberation) deliberation = state.structure->deliberation;
  view.set("document", document_view("la présente convention", deliberation));
  view.set("postes", posts_view(model, state, signed_version));
  std::size_t n = signed_version.posts.size();
  std::string role = state.regime->role == Role::Coordinateur
                         ? " de conseiller numérique coordinateur"
                         : " de conseiller numérique";
  view.set(
      "nombre_postes",
      Data((n == 1 ? std::string("d’un poste") : "de " + std::to_string(n) + " postes") + role));
  view.set("total", total_view(signed_version.total));
  view.set("echeancier", schedule_view(model, state, signed_version));
  add_version_notes(view, model, state, signed_version);
  return view;
}

}  // namespace tampon::convention_pdf
