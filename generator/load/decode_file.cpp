#include "load/decode_file.hpp"

#include <fmt/format.h>

#include "load/decoders.hpp"
#include "load/text_check.hpp"
#include "load/yaml_tree.hpp"

namespace tampon::load {
namespace {

using DecodeFn = void (*)(FileDecoder&, const YamlNode&, FileResult&);

DecodeFn decoder_for(RecordKind kind) {
  switch (kind) {
    case RecordKind::Structure:
      return decode_structure;
    case RecordKind::Conseiller:
      return decode_conseiller;
    case RecordKind::Convention:
      return decode_convention;
    case RecordKind::Avenant:
      return decode_avenant;
    case RecordKind::Versement:
      return decode_versement;
    case RecordKind::Rapport:
      return decode_rapport;
    case RecordKind::Depense:
      return decode_depense;
  }
  return decode_structure;
}

Diagnostic failure(std::uint32_t line, std::uint32_t column, std::string message) {
  Diagnostic d;
  d.where = {"", line, column};
  d.code = "yaml-syntax";
  d.message = std::move(message);
  return d;
}

}  // namespace

FileResult decode_file(std::string_view bytes, RecordKind kind, std::uint32_t file_index) {
  FileResult out;
  if (auto problem = check_text(bytes)) {
    out.diagnostics.push_back(failure(problem->line, problem->column, std::move(problem->message)));
    out.input_failure = true;
    return out;
  }
  YamlParse parsed = parse_yaml(bytes);
  if (parsed.error) {
    out.diagnostics.push_back(
        failure(parsed.error->line, parsed.error->column, std::move(parsed.error->message)));
    out.input_failure = true;
    return out;
  }
  const YamlTree& tree = parsed.tree;
  FileDecoder d(tree, file_index, out.diagnostics, bytes);
  DecodeFn decode = decoder_for(kind);
  std::string_view noun = name(kind);
  bool any = false;
  for (std::uint32_t root_index : tree.documents()) {
    const YamlNode& root = tree.node(root_index);
    if (root.kind == NodeKind::Mapping) {
      decode(d, root, out);
      any = true;
    } else if (root.kind == NodeKind::Sequence) {
      for (std::uint32_t item : tree.items(root)) {
        const YamlNode& n = tree.node(item);
        if (n.kind == NodeKind::Mapping) {
          decode(d, n, out);
          any = true;
        } else {
          d.report(n, "wrong-type",
                   fmt::format("chaque élément de la liste doit être un enregistrement ({} : un "
                               "bloc de champs « clé: valeur »), pas {} ; élément ignoré",
                               noun, kind_fr(n.kind)));
        }
      }
    } else if (root.kind == NodeKind::Scalar) {
      d.report(root, "wrong-type",
               fmt::format("le fichier doit contenir un enregistrement ({} : un bloc de champs "
                           "« clé: valeur ») ou une liste d'enregistrements, pas une valeur simple",
                           noun));
    }
  }
  if (!any && out.diagnostics.empty())
    d.report(tree.documents().empty() ? YamlNode{} : tree.node(tree.documents()[0]), "empty-file",
             "fichier vide : il ne contient aucun enregistrement", Severity::Warning);
  d.finish();
  return out;
}

}  // namespace tampon::load
