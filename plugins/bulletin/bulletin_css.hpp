#pragma once
#include <string_view>

namespace tampon::bulletin {

/// The bulletin's style sheet, inlined in every HTML file (self-contained): the look of the
/// French State design system (DSFR: blue France, Marianne then system sans-serif fonts,
/// high-contrast tables), and a print layout on A4.
extern const std::string_view k_bulletin_css;

}  // namespace tampon::bulletin
