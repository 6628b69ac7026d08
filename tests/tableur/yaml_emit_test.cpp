// The YAML writer of `import tableur`: every text reads back as the same string, whatever it
// holds, and nested fields and lists come out in the records.md shape.
#include <gtest/gtest.h>

#include <tuple>

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

// Each line that writes a key carries the cell its value came from; a key whose value has no
// cell of its own (a block of fields) takes its record's, as does a list item's first line.
TEST(YamlEmit, EachLineKnowsTheCellOfItsValue) {
  auto cell = [](std::int32_t source, std::int32_t row, std::int32_t col) {
    return Origin{source, row, col};
  };
  YamlValue record;
  record.origin = cell(0, 7, 1);
  record.set("id", YamlValue::quoted("cv-1"));
  record.values.back().origin = cell(0, 7, 1);
  YamlValue signature = YamlValue::plain("2021-04-02");
  signature.origin = cell(0, 7, 3);
  record.set("representant.nom", YamlValue::quoted("Martin"));  // no cell: the record's
  record.set("signature", std::move(signature));
  YamlValue postes;
  postes.kind = YamlValue::Kind::Seq;
  YamlValue poste;
  poste.origin = cell(1, 12, 1);
  poste.set("numero", YamlValue::plain("1"));
  YamlValue montant = YamlValue::plain("50000.00");
  montant.origin = cell(1, 12, 5);
  poste.set("montant", std::move(montant));
  postes.seq.push_back(std::move(poste));
  record.set("postes", std::move(postes));
  std::vector<LineOrigin> lines;
  std::string text = emit_item(record, &lines);
  ASSERT_EQ(text,
            "- id: \"cv-1\"\n"
            "  representant:\n"
            "    nom: \"Martin\"\n"
            "  signature: 2021-04-02\n"
            "  postes:\n"
            "    - numero: 1\n"
            "      montant: 50000.00\n");
  auto at = [&](std::uint32_t line) {  // the last mark on or above the line, as findings use it
    Origin found;
    for (const LineOrigin& l : lines)
      if (l.line <= line) found = l.origin();
    return std::tuple(found.source, found.row, found.col);
  };
  EXPECT_EQ(at(0), std::tuple(0, 7, 1));
  EXPECT_EQ(at(1), std::tuple(0, 7, 1));   // representant: the record's row
  EXPECT_EQ(at(2), std::tuple(0, 7, 1));   // nom, without a cell of its own
  EXPECT_EQ(at(3), std::tuple(0, 7, 3));   // signature
  EXPECT_EQ(at(4), std::tuple(0, 7, 1));   // postes
  EXPECT_EQ(at(5), std::tuple(1, 12, 1));  // the list item's row, in its own sheet
  EXPECT_EQ(at(6), std::tuple(1, 12, 5));
}

TEST(YamlEmit, StoredLineCellsNeverMoveAndARecordLargerThanABlockFits) {
  LineOriginStore store;
  std::vector<const LineOrigin*> kept;
  std::vector<LineOrigin> one(3);
  for (std::int32_t i = 0; i < 50000; ++i) {  // 150 000 lines: three blocks
    for (auto& l : one) l.row = i;
    kept.push_back(store.keep(one));
  }
  std::vector<LineOrigin> huge(70000);
  huge.back().row = -5;
  const LineOrigin* big = store.keep(huge);
  for (std::int32_t i = 0; i < 50000; ++i)
    for (int k = 0; k < 3; ++k) ASSERT_EQ(kept[static_cast<std::size_t>(i)][k].row, i);
  EXPECT_EQ(big[69999].row, -5);
  LineOriginStore other;
  const LineOrigin* theirs = other.keep(one);
  store.absorb(std::move(other));
  EXPECT_EQ(theirs[2].row, 49999);
  EXPECT_EQ(store.keep(one)[0].row, 49999);
}

}  // namespace
}  // namespace tampon::cli::tableur
