// Hostile input ends in one clear finding, in bounded time and memory, never a crash
// (architecture notes: cmark-gfm's pathological tests). Small cases live in
// tests/fixtures/hostile/; big ones are generated here.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "load/source_files.hpp"
#include "load/yaml_tree.hpp"
#include "load_support.hpp"

namespace tampon {
namespace {

using testing::dump;
using testing::TempProject;
namespace fs = std::filesystem;

constexpr auto k_time_limit = std::chrono::seconds(20);  // debug build, shared machine

std::string fixture(std::string_view name) {
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/tests/fixtures/hostile/" + std::string(name),
                   std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Outcome {
  LoadResult result;
  std::chrono::duration<double> elapsed;
};

Outcome load_as_conseillers(const std::string& bytes) {
  TempProject p;
  p.write("data/conseillers/x.yaml", bytes);
  auto start = std::chrono::steady_clock::now();
  LoadResult r = p.load(2);
  return {std::move(r), std::chrono::steady_clock::now() - start};
}

/// One input failure with this code and position, in bounded time; returns its message.
std::string expect_failure(const Outcome& o, std::string_view code, std::uint32_t line,
                           std::uint32_t column) {
  EXPECT_LT(o.elapsed, k_time_limit);
  EXPECT_TRUE(o.result.input_failure);
  EXPECT_TRUE(o.result.records.conseillers.empty());
  EXPECT_EQ(o.result.diagnostics.size(), 1u) << dump(o.result.diagnostics);
  if (o.result.diagnostics.empty()) return {};
  const Diagnostic& d = o.result.diagnostics[0];
  EXPECT_EQ(d.code, code) << dump(o.result.diagnostics);
  EXPECT_EQ(d.where.file, "data/conseillers/x.yaml");
  EXPECT_EQ(d.where.line, line) << dump(o.result.diagnostics);
  EXPECT_EQ(d.where.column, column) << dump(o.result.diagnostics);
  return d.message;
}

TEST(Hostile, BillionLaughsStopsAtTheNodeBudget) {
  auto message =
      expect_failure(load_as_conseillers(fixture("billion-laughs.yaml")), "yaml-syntax", 7, 10);
  EXPECT_EQ(message,
            "le fichier dépasse 2\u00A0000\u00A0000 nœuds YAML, alias développés compris : "
            "découpez-le en plusieurs fichiers ou supprimez les alias imbriqués");
}

// A list or a block written as a mapping's key (`? [a, b]`): asking for its text threw
// std::out_of_range (its offsets are those of its items), which fuzz_pilotage_mapping found
// in the mappings of `import pilotage`. Its text is now empty.
TEST(Hostile, TheTextOfAListOrABlockUsedAsAKeyIsEmptyNotAnException) {
  for (const char* text : {"? [a, b, c, d, e, f]\n: x\n", "? {a: b}\n: x\n", "? ? ? ? n(:n(:"}) {
    load::YamlParse parsed = load::parse_yaml(text);
    if (parsed.error || parsed.tree.documents().empty()) continue;
    const load::YamlNode& root = parsed.tree.node(parsed.tree.documents().front());
    ASSERT_EQ(root.kind, load::NodeKind::Mapping) << text;
    const load::YamlNode& key = parsed.tree.key(root, 0);
    EXPECT_NE(key.kind, load::NodeKind::Scalar) << text;
    EXPECT_EQ(parsed.tree.scalar(key), "") << text;
  }
}

TEST(Hostile, AliasFanOutIsBudgetedLikeAnExpansion) {
  expect_failure(load_as_conseillers(fixture("alias-fan-out.yaml")), "yaml-syntax", 8, 2002);
}

TEST(Hostile, AnAliasInsideItsOwnAnchorIsRefused) {
  auto message =
      expect_failure(load_as_conseillers(fixture("recursive-alias.yaml")), "yaml-syntax", 1, 12);
  EXPECT_NE(message.find("alias « *a »"), std::string::npos) << message;
}

TEST(Hostile, Latin1TextIsRefusedWhereTheFirstBadByteIs) {
  auto message = expect_failure(load_as_conseillers(fixture("latin1.yaml")), "yaml-syntax", 2, 11);
  EXPECT_EQ(message,
            "octet 0xE9 qui n'est pas de l'UTF-8 valide : le fichier est sans doute enregistré en "
            "Latin-1 ou Windows-1252 ; enregistrez-le en UTF-8");
}

TEST(Hostile, NulBytesControlCharactersAndUtf16AreRefused) {
  EXPECT_NE(expect_failure(load_as_conseillers(fixture("nul-byte.yaml")), "yaml-syntax", 2, 8)
                .find("octet nul"),
            std::string::npos);
  EXPECT_NE(expect_failure(load_as_conseillers(fixture("control-char.yaml")), "yaml-syntax", 2, 9)
                .find("U+001B"),
            std::string::npos);
  EXPECT_EQ(expect_failure(load_as_conseillers(fixture("utf16le.yaml")), "yaml-syntax", 1, 1),
            "fichier enregistré en UTF-16 : enregistrez-le en UTF-8");
}

TEST(Hostile, InvalidUtf8SequencesAreCaughtAfterMultibyteCharacters) {
  // "é" is two bytes but one column: the truncated sequence is at column 8.
  expect_failure(load_as_conseillers("nom: éé\xC3\n"), "yaml-syntax", 1, 8);
  expect_failure(load_as_conseillers("nom: \xED\xA0\x80\n"), "yaml-syntax", 1, 6);  // surrogate
  expect_failure(load_as_conseillers("nom: \xC0\xAF\n"), "yaml-syntax", 1, 6);      // overlong
}

TEST(Hostile, TwoHundredThousandNestedFlowSequencesStopAtTheDepthLimit) {
  constexpr std::size_t n = 200'000;
  auto message = expect_failure(load_as_conseillers(std::string(n, '[') + std::string(n, ']')),
                                "yaml-syntax", 1, 65);
  EXPECT_EQ(message,
            "imbrication trop profonde (plus de 64 niveaux) : un enregistrement n'en demande que "
            "quelques-uns ; vérifiez le fichier");
}

TEST(Hostile, DeepFlowMappingsBlockSequencesAndUnclosedBracketsStopToo) {
  constexpr std::size_t n = 200'000;
  std::string maps;
  for (std::size_t i = 0; i < n; ++i) maps += "{a: ";
  expect_failure(load_as_conseillers(maps + "1" + std::string(n, '}')), "yaml-syntax", 1, 257);
  std::string dashes;
  for (std::size_t i = 0; i < n; ++i) dashes += "- ";
  expect_failure(load_as_conseillers(dashes + "x\n"), "yaml-syntax", 1, 129);
  expect_failure(load_as_conseillers(std::string(n, '[')), "yaml-syntax", 1, 65);
}

TEST(Hostile, AHundredMegabyteFileIsRefusedByItsSizeBeforeParsing) {
  TempProject p;
  p.write("data/conseillers/x.yaml", "");
  fs::resize_file(p.dir() / "data/conseillers/x.yaml", 100u << 20);  // sparse: fast to make
  auto start = std::chrono::steady_clock::now();
  LoadResult r = p.load();
  EXPECT_LT(std::chrono::steady_clock::now() - start, k_time_limit);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].code, "file-too-large");
  EXPECT_EQ(r.diagnostics[0].message,
            "fichier trop gros : plus de 16 Mio, la limite par fichier ; découpez-le en "
            "plusieurs fichiers");
  EXPECT_TRUE(r.input_failure);
}

TEST(Hostile, TheSizeCapIsInclusive) {
  TempProject p;
  p.write("f.yaml", std::string(10, 'x'));
  EXPECT_FALSE(load::read_file_capped(p.dir() / "f.yaml", SourceRoot(), 10).failure);
  p.write("g.yaml", std::string(11, 'x'));
  EXPECT_TRUE(load::read_file_capped(p.dir() / "g.yaml", SourceRoot(), 10).failure);
}

TEST(Hostile, AFlatListOfMillionsOfItemsHitsTheNodeBudget) {
  std::string items = "[";
  for (int i = 0; i < 2'100'000; ++i) items += "1,";
  items += "1]\n";
  expect_failure(load_as_conseillers(items), "yaml-syntax", 1, 4'000'000);
}

// Read in bounded time, then refused in French as longer than any output can hold.
TEST(Hostile, AFifteenMegabyteScalarIsAFieldTooLong) {
  std::string text = "id: cn-0001\nnom: " + std::string(15u << 20, 'x') + "\n";
  Outcome o = load_as_conseillers(text);
  EXPECT_LT(o.elapsed, k_time_limit);
  EXPECT_FALSE(o.result.input_failure);
  ASSERT_EQ(o.result.records.conseillers.size(), 1u);
  EXPECT_TRUE(o.result.records.conseillers[0].nom.empty());
  bool too_long = false;
  for (const auto& d : o.result.diagnostics) too_long = too_long || d.code == "field-too-long";
  EXPECT_TRUE(too_long);
}

TEST(Hostile, ThousandsOfBadRecordsAreCappedAtTwoHundredFindingsPerFile) {
  std::string items;
  for (int i = 0; i < 5000; ++i) items += "- 42\n";
  Outcome o = load_as_conseillers(items);
  ASSERT_EQ(o.result.diagnostics.size(), 200u);
  ASSERT_EQ(o.result.diagnostics.back().notes.size(), 1u);
  EXPECT_EQ(o.result.diagnostics.back().notes[0].message,
            "4800 autres constats dans ce fichier ne sont pas affichés ; corrigez d'abord ceux-ci");
}

TEST(Hostile, ABrokenSymlinkIsAnUnreadableFile) {
  TempProject p;
  fs::create_directories(p.dir() / "data/conseillers");
  fs::create_symlink(p.dir() / "nowhere.yaml", p.dir() / "data/conseillers/lien.yaml");
  LoadResult r = p.load();
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].code, "unreadable-file");
  EXPECT_EQ(r.diagnostics[0].where.file, "data/conseillers/lien.yaml");
  EXPECT_TRUE(r.input_failure);
  ASSERT_EQ(r.files.size(), 3u);  // listed, with no digest
  EXPECT_EQ(r.files[2].path, "data/conseillers/lien.yaml");
  EXPECT_EQ(r.files[2].sha256, "");
}

TEST(YamlTree, LimitsAreParameters) {
  load::YamlLimits tight;
  tight.max_depth = 2;
  EXPECT_FALSE(load::parse_yaml("a: {b: 1}\n", tight).error);
  EXPECT_TRUE(load::parse_yaml("a: {b: [1]}\n", tight).error);
  tight.max_nodes = 5;
  EXPECT_FALSE(load::parse_yaml("a: {b: 1}\n", tight).error);  // map, a, map, b, 1
  EXPECT_TRUE(load::parse_yaml("a: {b: 1, c: 2}\n", tight).error);
}

TEST(YamlTree, AliasesShareNodesAndCountTheirExpandedWeight) {
  auto parsed = load::parse_yaml("a: &x {k: 1}\nb: *x\n");
  ASSERT_FALSE(parsed.error);
  const auto& t = parsed.tree;
  const auto& root = t.node(t.documents()[0]);
  EXPECT_EQ(&t.value(root, 0), &t.value(root, 1));  // one node, two references
  EXPECT_EQ(root.weight, 1u + 1 + 3 + 1 + 3);
}

}  // namespace
}  // namespace tampon
