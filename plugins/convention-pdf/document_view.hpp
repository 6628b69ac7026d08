#pragma once
/// The data views the convention and avenant templates are rendered over
/// (templates/documents/convention.md, avenant.md). Every key is always present, whatever the
/// records hold (an absent value is "" or false, with a `has_…` flag), so that the schema
/// built from a complete fixture (view_schema.cpp) names every key a real view can have.
/// Amounts and dates are already formatted in French. Conseillers appear by name, never with
/// their e-mail or phone (domain.md §7).
#include "render/template/markdown_template.hpp"
#include "tampon/model.hpp"

namespace tampon::convention_pdf {

using tmpl::Data;

/// "1er septembre 2021" with no-break spaces: a date never splits across lines.
std::string date_text(Date day);

/// The view of a signed convention.
Data convention_view(const Model& model, const ConventionState& state);
/// The view of an avenant: the convention before and after it, and the new schedule.
Data avenant_view(const Model& model, const ConventionState& state, const Avenant& avenant);

// Shared parts (document_view.cpp).
Data structure_view(const Model& model, const Structure& structure);
Data convention_header_view(const ConventionState& state);
Data regime_view(const Regime& regime);
/// The party signing for the State: baremes.yaml `financeur` (issue 21).
Data financeur_view(const Baremes& baremes);
/// What the document calls itself ("la présente convention", "le présent avenant") and the
/// deliberation authorising the structure's signatory, if known.
Data document_view(const std::string& acte, std::optional<Date> deliberation);
/// A value that ends a sentence of the template, without its own final full stop.
std::string sentence_body(std::string_view text);
Data posts_view(const Model& model, const ConventionState& state, const ConventionVersion& v);
Data schedule_view(const Model& model, const ConventionState& state, const ConventionVersion& v);
Data total_view(Money total);
/// Adds `has_provisoire`, `derogations`, `has_derogations` and `outre_mer` for a version.
void add_version_notes(Data& view, const Model& model, const ConventionState& state,
                       const ConventionVersion& version);

}  // namespace tampon::convention_pdf
