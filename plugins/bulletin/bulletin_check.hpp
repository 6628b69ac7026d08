#pragma once
/// Emitter::check for bulletins: what the PDF could not print, found at validation time
/// (`tampon validate`) and pointed at the record field to fix.
///   - a structure name or a publishable conseiller name with a character the bulletin font
///     lacks: error `missing-glyph` (a name is never printed altered);
///   - such a character in a report's highlights (an emoji, say): warning
///     `bulletin-glyph-omitted`; the PDF leaves it out, the HTML bulletin keeps it.
#include "tampon/emitter.hpp"

namespace tampon::bulletin {

inline constexpr const char* k_missing_glyph = "missing-glyph";
inline constexpr const char* k_glyph_omitted = "bulletin-glyph-omitted";
inline constexpr const char* k_pdf_failed = "bulletin-pdf";
inline constexpr const char* k_resource = "document-resource";

Diagnostics check_bulletins(const Model& model, const ProjectContext& project);

}  // namespace tampon::bulletin
