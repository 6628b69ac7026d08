#pragma once
/// French-aware text folding: what heading anchors, FAQ ids and the search index share.
#include <string>
#include <string_view>

namespace tampon::site {

/// Lower case, accents removed, ligatures expanded: "Étape 1 : Démarches" → "etape 1 : demarches".
/// Characters outside Latin-1 / Latin Extended-A are kept as they are.
std::string fold(std::string_view utf8);
/// fold() appended to `out`.
void fold_append(std::string& out, std::string_view utf8);

/// Anchor id from heading text: folded, apostrophes dropped, any other run of non-alphanumeric
/// characters becomes one '-': "Étape 8 : suivi de l'activité" → "etape-8-suivi-de-lactivite".
/// Never empty ("section" when nothing is left).
std::string slugify(std::string_view utf8);

}  // namespace tampon::site
