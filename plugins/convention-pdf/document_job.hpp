#pragma once
/// One PDF of the convention-pdf emitter: which template, which view, which metadata.
#include <filesystem>
#include <map>
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

/// The templates of one build, read once in the emitter's `prepare` instead of once per
/// document: the template each regime's conventions use, and each template by its path.
struct DocumentTemplates {
  std::map<std::string, std::string, std::less<>> convention_of_regime;
  std::map<std::string, DocumentTemplate, std::less<>> by_path;
};
/// The avenant template and every regime's convention template of `model`. A template that
/// cannot be read is left out: `check` reports it, and a render reading it again fails there.
DocumentTemplates load_document_templates(const Model& model, const ProjectContext& project);

/// What a job's key names: a convention ("convention:<id>") or an avenant ("avenant:<id>").
/// The records a document reads: for --keep-going and the manifest.
std::vector<RecordRef> convention_inputs(const ConventionState& state);
std::vector<RecordRef> avenant_inputs(const ConventionState& state, const Avenant& avenant);

/// Metadata, running header and footer of each document (all derived from the records).
doc::DocumentOptions convention_options(const ConventionState& state);
doc::DocumentOptions avenant_options(const ConventionState& state, const Avenant& avenant);

/// Renders `document` (a convention or an avenant) to `output`. Throws doc::DocumentError for
/// content problems (a character missing from the font, a template naming an unknown variable).
/// Takes its template from `templates` (a template missing there is read from the project).
doc::RenderStats render_document(const RecordRef& document, const Model& model,
                                 const ProjectContext& project, const DocumentTemplates& templates,
                                 const std::filesystem::path& output);

/// Findings of `Emitter::check`: templates present and consistent with the views, every
/// character of the records printed in the documents available in the font.
Diagnostics check_documents(const Model& model, const ProjectContext& project);

}  // namespace tampon::convention_pdf
