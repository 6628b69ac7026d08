#pragma once
/// One PDF of the convention-pdf emitter: which template, which view, which metadata.
#include <filesystem>
#include <string>
#include <vector>

#include "render/document/document_engine.hpp"
#include "render/template/markdown_template.hpp"
#include "tampon/emitter.hpp"

namespace tampon::convention_pdf {

inline constexpr const char* k_convention_template = "templates/documents/convention.md";
inline constexpr const char* k_avenant_template = "templates/documents/avenant.md";
/// The clauses templates share (`{{> name}}` reads `clauses/<name>.md`), so the legal team
/// edits each clause in one place.
inline constexpr const char* k_clauses_dir = "templates/documents/clauses/";

/// The template of a convention of `regime`: `convention-<regime>.md` when the project or
/// the shipped templates have one (the texts differ by regime), else convention.md.
std::string convention_template_for(const ProjectContext& project, std::string_view regime);

/// A template with the partials it includes, and every file read (for fingerprints).
struct DocumentTemplate {
  tmpl::Template main;
  tmpl::Partials partials;
  std::vector<std::string> files;
};
/// Throws Fatal when the template cannot be read; a partial that cannot be read is left out
/// (check_template then reports it at its tag).
DocumentTemplate load_document_template(const ProjectContext& project, const std::string& relative);

/// What a job's key names: a convention ("convention:<id>") or an avenant ("avenant:<id>").
/// The records a document reads: for --keep-going and the manifest.
std::vector<RecordRef> convention_inputs(const ConventionState& state);
std::vector<RecordRef> avenant_inputs(const ConventionState& state, const Avenant& avenant);

/// Metadata, running header and footer of each document (all derived from the records).
doc::DocumentOptions convention_options(const ConventionState& state);
doc::DocumentOptions avenant_options(const ConventionState& state, const Avenant& avenant);

/// Renders `document` (a convention or an avenant) to `output`. Throws doc::DocumentError for
/// content problems (a character missing from the font, a template naming an unknown variable).
doc::RenderStats render_document(const RecordRef& document, const Model& model,
                                 const ProjectContext& project,
                                 const std::filesystem::path& output);

/// Findings of `Emitter::check`: templates present and consistent with the views, every
/// character of the records printed in the documents available in the font.
Diagnostics check_documents(const Model& model, const ProjectContext& project);

}  // namespace tampon::convention_pdf
