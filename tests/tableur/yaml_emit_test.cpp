// The YAML writer of `import tableur`: every text reads back as the same string, whatever it
// holds, and nested fields and lists come out in the records.md shape.
#include <gtest/gtest.h>

#include "cli/tableur_yaml.hpp"
#include "load/yaml_tree.hpp"

namespace tampon::cli::tableur {
namespace {

// The value at `path` (mapping keys, or sequence indexes written as digits) as the loader's
// parser reads it back: the one that will read the imported records.
std::string read_back(const std::string& yaml, std::initializer_list<std::string_view> path) {
  load::YamlParse parsed = load::parse_yaml(yaml);
  if (parsed.error) return "(erreur YAML : " + parsed.error->message + ")";
  const load::YamlTree& tree = parsed.tree;
  const load::YamlNode* node = &tree.node(tree.documents().front());
  for (std::string_view step : path) {
    const load::YamlNode* next = nullptr;
    if (node->kind == load::NodeKind::Mapping) {
      for (std::uint32_t i = 0; i < node->count; ++i)
        if (tree.scalar(tree.key(*node, i)) == step) next = &tree.value(*node, i);
    } else if (node->kind == load::NodeKind::Sequence) {
      next = &tree.node(tree.items(*node)[std::stoul(std::string(step))]);
    }
    if (!next) return "(absent)";
    node = next;
  }
  return std::string(tree.scalar(*node));
}

TEST(YamlEmit, EveryTextReadsBackUnchanged) {
  const std::string texts[] = {"non",
                               "yes",
                               "~",
                               "null",
                               "0059",
                               "1e3",
                               "a: b",
                               "#1",
                               "- tiret",
                               "[liste]",
                               "{x}",
                               "& ancre",
                               "* alias",
                               "!tag",
                               "%dir",
                               "@",
                               "`",
                               "'apostrophe'",
                               "\"guillemets\"",
                               "anti\\slash",
                               " espaces autour ",
                               "ligne 1\nligne 2\n",
                               "tab\there",
                               "ctrl\x01\x7f",
                               "sép\xE2\x80\xA8ligne\xE2\x80\xA9para\xC2\x85nel",
                               "\xEF\xBB\xBF"
                               "bom",
                               "Œuvre « €  »",
                               "=1+1",
                               ""};
  for (const auto& text : texts) {
    YamlValue record;
    record.set("nom", YamlValue::quoted(text));
    std::string yaml = emit_record(record);
    EXPECT_EQ(read_back(yaml, {"nom"}), text) << yaml;
  }
}

TEST(YamlEmit, NestedFieldsAndListsTakeTheRecordShape) {
  YamlValue record;
  record.set("id", YamlValue::quoted("cv-1"));
  record.set("signature", YamlValue::plain("2021-04-02"));
  YamlValue postes;
  postes.kind = YamlValue::Kind::Seq;
  YamlValue poste;
  poste.set("numero", YamlValue::plain("1"));
  poste.set("substitue.convention", YamlValue::quoted("cv-0"));
  poste.set("substitue.poste", YamlValue::plain("2"));
  postes.seq.push_back(poste);
  record.set("postes", postes);
  YamlValue retires;
  retires.kind = YamlValue::Kind::Seq;
  retires.seq = {YamlValue::plain("2"), YamlValue::plain("3")};
  record.set("postes_retires", retires);
  EXPECT_EQ(emit_record(record),
            "id: \"cv-1\"\n"
            "signature: 2021-04-02\n"
            "postes:\n"
            "  - numero: 1\n"
            "    substitue:\n"
            "      convention: \"cv-0\"\n"
            "      poste: 2\n"
            "postes_retires: [2, 3]\n");
  EXPECT_EQ(read_back(emit_record(record), {"postes", "0", "substitue", "poste"}), "2");
}

}  // namespace
}  // namespace tampon::cli::tableur
