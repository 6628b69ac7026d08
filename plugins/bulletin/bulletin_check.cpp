#include "bulletin_check.hpp"

#include <cstdio>

#include "bulletin_data.hpp"
#include "bulletin_pdf.hpp"

namespace tampon::bulletin {
namespace {

std::string codepoint(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

std::string codepoints(const std::vector<char32_t>& chars) {
  std::string out;
  for (char32_t c : chars) out += (out.empty() ? "" : ", ") + codepoint(c);
  return out;
}

void check_name(const Model& model, const std::string& value, const FieldLocs& locs,
                const char* field, Diagnostics& out) {
  auto missing = unprintable_characters(value);
  if (missing.empty()) return;
  out.push_back(Diagnostic::error(
      model.where(locs.at(field)), k_missing_glyph,
      "le caractère " + codepoint(missing.front()) + " de « " + value +
          " » n’existe pas dans la police des bulletins : il ne pourrait pas être "
          "imprimé ; remplacez-le"));
}

void check_highlight(const Model& model, const Rapport& r, Diagnostics& out) {
  if (!r.faits_marquants) return;
  auto missing = unprintable_characters(*r.faits_marquants);
  if (missing.empty()) return;
  bool one = missing.size() == 1;
  out.push_back(Diagnostic::warning(
      model.where(r.locs.at("faits_marquants")), k_glyph_omitted,
      std::string(one ? "le caractère " : "les caractères ") + codepoints(missing) +
          " des faits marquants " + (one ? "n’existe" : "n’existent") +
          " pas dans la police des bulletins : " + (one ? "il sera omis" : "ils seront omis") +
          " du bulletin PDF (le bulletin HTML " + (one ? "le" : "les") + " garde)"));
}

}  // namespace

Diagnostics check_bulletins(const Model& model, const ProjectContext& /*project*/) {
  Diagnostics out;
  doc::DocumentOptions options;
  options.fonts = bulletin_fonts();
  for (const std::string& problem : doc::check_resources(options)) {
    Diagnostic d;  // about the machine, not a file
    d.code = k_resource;
    d.message = problem;
    out.push_back(std::move(d));
  }
  if (!out.empty()) return out;
  // Only what a bulletin prints: structures with reports, names that may be published.
  for (const Structure& s : model.records.structures) {
    auto reports = model.rapports_of_structure(s.id);
    if (reports.empty()) continue;
    check_name(model, s.nom, s.locs, "nom", out);
    for (const Rapport& r : reports) check_highlight(model, r, out);
  }
  for (const Conseiller& c : model.records.conseillers) {
    if (!c.publication_nom || model.rapports_of_structure(c.structure).empty()) continue;
    check_name(model, c.prenom, c.locs, "prenom", out);
    check_name(model, c.nom, c.locs, "nom", out);
  }
  sort_diagnostics(out);
  return out;
}

}  // namespace tampon::bulletin
