// What makes the spreadsheets fast must not change what they say: scratch files in memory, the
// default format for plain text, the binary search for a structure's declarations.
#include <gtest/gtest.h>

#include "emit.hpp"
#include "justification_data.hpp"
#include "sample_model.hpp"
#include "xlsx_kit/sheet.hpp"
#include "xlsx_kit/workbook.hpp"
#include "xlsx_reader.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;

void write_small_workbook(const fs::path& path, xlsx::Scratch scratch) {
  xlsx::Workbook book(path, true, {"Titre", "Sujet", "mots", d("2022-06-15")}, scratch);
  xlsx::Sheet sheet(book.add_sheet("Feuille"), book.formats());
  sheet.text(0, 0, "Structure");
  sheet.text(1, 0, "=HYPERLINK(\"http://x.invalid\",\"x\")", book.formats().flagged);
  sheet.money(1, 1, Money::cents(123456));
  sheet.date(1, 2, d("2021-04-02"));
  sheet.money_formula(2, 1, "SUM(B2:B2)", Money::cents(123456));
  book.close();
}

TEST(XlsxKit, ScratchFilesInMemoryGiveTheSameBytesAsOnDisk) {
  fs::path dir = fresh_dir("scratch");
  write_small_workbook(dir / "system.xlsx", xlsx::Scratch::System);
  write_small_workbook(dir / "memory.xlsx", xlsx::Scratch::Memory);
  std::string system = read_bytes(dir / "system.xlsx");
  EXPECT_GT(system.size(), 1000u);
  EXPECT_EQ(read_bytes(dir / "memory.xlsx"), system);
  XSheet sheet = XlsxFile(dir / "memory.xlsx").sheet("Feuille");
  EXPECT_EQ(sheet.at("A2").value, "=HYPERLINK(\"http://x.invalid\",\"x\")");
  EXPECT_DOUBLE_EQ(sheet.at("B3").number(), 1234.56);
  fs::remove_all(dir);
}

TEST(XlsxKit, PlainTextTakesTheDefaultStyleAndFlaggedTextItsOwn) {
  fs::path dir = fresh_dir("styles");
  write_small_workbook(dir / "book.xlsx", xlsx::Scratch::System);
  XSheet sheet = XlsxFile(dir / "book.xlsx").sheet("Feuille");
  EXPECT_TRUE(sheet.at("A1").is_text());
  EXPECT_EQ(sheet.at("A1").style, 0);
  EXPECT_NE(sheet.at("A2").style, 0);
  EXPECT_NE(sheet.at("A2").style, sheet.at("B2").style);
  fs::remove_all(dir);
}

Depense declaration(std::string structure, std::string convention, Quarter quarter) {
  return Depense{std::move(structure), std::move(convention), quarter, {}, {}};
}

TEST(JustificationData, DepensesOfAStructureAreAllItsDeclarationsAndOnlyThem) {
  Model model;
  model.records.depenses = {
      declaration("a", "cv-1", {2021, 3}), declaration("b", "cv-2", {2021, 2}),
      declaration("b", "cv-2", {2021, 3}), declaration("b", "cv-3", {2021, 1}),
      declaration("c", "cv-4", {2022, 1})};
  auto b = xlsx::depenses_of(model, "b");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(&b.front(), &model.records.depenses[1]);
  for (const Depense& d : b) EXPECT_EQ(d.structure, "b");
  EXPECT_EQ(xlsx::depenses_of(model, "a").size(), 1u);
  EXPECT_EQ(xlsx::depenses_of(model, "c").size(), 1u);
  EXPECT_TRUE(xlsx::depenses_of(model, "bb").empty());
  EXPECT_TRUE(xlsx::depenses_of(model, "").empty());
}

}  // namespace
}  // namespace tampon::testing
