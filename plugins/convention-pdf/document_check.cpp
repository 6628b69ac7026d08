// Emitter::check for convention-pdf: what would make a document fail, found at validation time
// (`tampon validate`) with the place to fix it. A template naming a variable the view lacks is
// reported at the template's line; a character the font cannot print, at the record's field.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "document_job.hpp"
#include "view_schema.hpp"

namespace tampon::convention_pdf {
namespace {

constexpr const char* k_missing_glyph = "missing-glyph";
constexpr const char* k_engine_resource = "document-resource";

void check_template_file(const ProjectContext& project, const std::string& relative,
                         const tmpl::Data& schema, Diagnostics& out) {
  auto path = project.find(relative);
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
    out.push_back(
        Diagnostic::error({std::string(relative), 0, 0}, std::string(tmpl::k_template_missing),
                          "gabarit introuvable, ni dans le projet ni dans les gabarits fournis"));
    return;
  }
  // Read only if it is really inside templates/ (io/source_file.hpp), with the reason if not.
  std::string text;
  if (SourceStatus status = read_source(path, SourceRoot::of(project, path, "templates"), text);
      !status) {
    out.push_back(source_diagnostic(status, project.display(path), tmpl::k_template_missing));
    return;
  }
  try {
    DocumentTemplate t = load_document_template(project, relative);
    auto found = tmpl::check_template(t.main, schema, t.partials);
    out.insert(out.end(), found.begin(), found.end());
  } catch (const Fatal& e) {
    out.push_back(Diagnostic::error({project.display(path), 0, 0},
                                    std::string(tmpl::k_template_missing), e.what()));
  }
}

std::string codepoint(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

class GlyphCheck {
 public:
  GlyphCheck(const Model& model, Diagnostics& out) : m_model(model), m_out(out) {}

  void field(const std::string& value, const FieldLocs& locs, const char* path) {
    auto missing = doc::missing_glyph(value, m_fonts);
    if (!missing) return;
    m_out.push_back(
        Diagnostic::error(m_model.where(locs.at(path)), k_missing_glyph,
                          "le caractère " + codepoint(*missing) + " de « " + value +
                              " » n’existe pas dans la police des conventions : il ne pourrait pas "
                              "être imprimé ; remplacez-le"));
  }

  void convention(const ConventionState& state) {
    const Structure& s = *state.structure;
    field(s.nom, s.locs, "nom");
    field(s.adresse.ligne.value_or(""), s.locs, "adresse.ligne");
    field(s.adresse.commune, s.locs, "adresse.commune");
    field(s.representant.nom, s.locs, "representant.nom");
    field(s.representant.qualite, s.locs, "representant.qualite");
    const Convention& c = *state.record;
    field(c.dossier.value_or(""), c.locs, "dossier");
    for (std::size_t i = 0; i < c.postes.size(); ++i)
      field(c.postes[i].derogation.value_or(""), c.locs,
            ("postes[" + std::to_string(i) + "].derogation").c_str());
    for (const ConventionVersion& v : state.versions)
      for (const PostState& post : v.posts)
        if (const Conseiller* holder =
                post.conseiller ? m_model.conseiller(*post.conseiller) : nullptr) {
          field(holder->prenom, holder->locs, "prenom");
          field(holder->nom, holder->locs, "nom");
        }
    for (const Avenant* av : state.avenants) field(av->motif, av->locs, "motif");
  }

 private:
  const Model& m_model;
  Diagnostics& m_out;
  doc::FontFiles m_fonts = doc::FontFiles::liberation_serif();
};

}  // namespace

Diagnostics check_documents(const Model& model, const ProjectContext& project) {
  Diagnostics out;
  for (const std::string& problem : doc::check_resources(doc::DocumentOptions{}))
    out.push_back(Diagnostic::error({}, k_engine_resource, problem));
  if (!out.empty()) return out;
  check_template_file(project, k_convention_template, convention_schema(), out);
  // The regime's own template, where there is one (convention-<regime>.md).
  for (const Regime& regime : model.baremes.regimes) {
    std::string own = convention_template_for(project, regime.id);
    if (own != k_convention_template) check_template_file(project, own, convention_schema(), out);
  }
  check_template_file(project, k_avenant_template, avenant_schema(), out);
  GlyphCheck glyphs(model, out);
  for (const ConventionState& state : model.conventions) glyphs.convention(state);
  sort_diagnostics(out);
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.where == b.where && a.code == b.code && a.message == b.message;
                        }),
            out.end());
  return out;
}

}  // namespace tampon::convention_pdf
