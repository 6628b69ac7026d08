#include "load/yaml_messages.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace tampon::load {
namespace {

// libyaml's most frequent problems, as a user would fix them. Anything else keeps libyaml's
// own wording after a French lead-in.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> k_problems{{
    {"mapping values are not allowed in this context",
     "« : » inattendu ici ; une valeur qui contient « : » doit être mise entre guillemets, "
     "ou l'indentation de la ligne est incorrecte"},
    {"did not find expected key",
     "clé attendue : vérifiez l'indentation (chaque champ d'un même bloc commence à la même "
     "colonne)"},
    {"could not find expected ':'", "« : » attendu après la clé"},
    {"found character that cannot start any token",
     "caractère inattendu en début de valeur (une tabulation ? « @ » ou « ` » ? mettez la "
     "valeur entre guillemets)"},
    {"found a tab character that violates indentation",
     "tabulation dans l'indentation : indentez avec des espaces"},
    {"found a tab character where an indentation space is expected",
     "tabulation dans l'indentation : indentez avec des espaces"},
    {"found unexpected end of stream",
     "fin de fichier inattendue : un guillemet, un crochet ou une accolade n'est pas fermé"},
    {"did not find expected node content", "valeur attendue (le champ ou l'élément est vide)"},
    {"block sequence entries are not allowed in this context",
     "élément de liste « - » inattendu ici : vérifiez l'indentation"},
    {"did not find expected '-' indicator",
     "élément de liste « - » attendu : les éléments d'une liste doivent être alignés"},
    {"did not find expected ',' or ']'", "« , » ou « ] » attendu dans la liste entre crochets"},
    {"did not find expected ',' or '}'", "« , » ou « } » attendu dans le bloc entre accolades"},
    {"found unknown escape character", "séquence d'échappement inconnue entre guillemets doubles"},
    {"found duplicate anchor", "ancre « & » définie deux fois"},
}};

std::string describe(std::string_view problem) {
  for (const auto& [english, french] : k_problems)
    if (problem == english) return std::string(french);
  return fmt::format("syntaxe YAML invalide ({})", problem);
}

// 2000000 → "2 000 000" (French grouping, no-break spaces).
std::string grouped(std::uint32_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00A0";
    out += digits[i];
  }
  return out;
}

}  // namespace

YamlError syntax_error(const yaml_parser_t& parser) {
  std::string_view problem = parser.problem ? parser.problem : "erreur inconnue";
  if (parser.error == YAML_MEMORY_ERROR)
    return {0, 0, "mémoire insuffisante pour lire le fichier YAML"};
  if (parser.error == YAML_READER_ERROR)  // encoding: check_text normally catches these first
    return {0, 0,
            fmt::format("encodage invalide à l'octet {} : enregistrez le fichier en UTF-8",
                        parser.problem_offset)};
  std::string message = describe(problem);
  if (parser.context && parser.context_mark.line != parser.problem_mark.line)
    message += fmt::format(" (élément commencé ligne {})", parser.context_mark.line + 1);
  return {static_cast<std::uint32_t>(parser.problem_mark.line + 1),
          static_cast<std::uint32_t>(parser.problem_mark.column + 1), std::move(message)};
}

std::string unknown_anchor_message(std::string_view anchor) {
  return fmt::format("alias « *{} » sans ancre « &{} » définie avant lui dans le document", anchor,
                     anchor);
}

std::string depth_message(std::uint32_t max_depth) {
  return fmt::format(
      "imbrication trop profonde (plus de {} niveaux) : un enregistrement n'en demande que "
      "quelques-uns ; vérifiez le fichier",
      max_depth);
}

std::string node_budget_message(std::uint32_t max_nodes) {
  return fmt::format(
      "le fichier dépasse {} nœuds YAML, alias développés compris : découpez-le en plusieurs "
      "fichiers ou supprimez les alias imbriqués",
      grouped(max_nodes));
}

}  // namespace tampon::load
