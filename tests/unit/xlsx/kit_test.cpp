// What makes the spreadsheets fast must not change what they say: small workbooks held in
// memory, the default format for plain text, the binary search for a structure's declarations.
#include <gtest/gtest.h>

#include "emit.hpp"
#include "justification_data.hpp"
#include "render/xlsx/sheet.hpp"
#include "render/xlsx/workbook.hpp"
#include "sample_model.hpp"
#include "xlsx_reader.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;

void write_workbook(const fs::path& path, xlsx::Size size) {
  xlsx::Workbook book(path, size, {"Titre", "Sujet", "mots", d("2022-06-15")});
  xlsx::Sheet sheet(book.add_sheet("Feuille"), book.formats());
  sheet.text(0, 0, "Structure");
  sheet.text(0, 1, "Montant", book.formats().header);
  sheet.text(1, 0, "=HYPERLINK(\"http://x.invalid\",\"x\")", book.formats().flagged);
  sheet.money(1, 1, Money::cents(123456));
  sheet.date(1, 2, d("2021-04-02"));
  sheet.text(2, 0, "Structure");  // the same text twice: one shared string in a small book
  sheet.money_formula(2, 1, "SUM(B2:B2)", Money::cents(123456));
  book.close();
}

TEST(XlsxKit, SmallAndLargeWorkbooksHoldTheSameCells) {
  fs::path dir = fresh_dir("sizes");
  write_workbook(dir / "small.xlsx", xlsx::Size::Small);
  write_workbook(dir / "large.xlsx", xlsx::Size::Large);
  XSheet small = XlsxFile(dir / "small.xlsx").sheet("Feuille");
  XSheet large = XlsxFile(dir / "large.xlsx").sheet("Feuille");
  EXPECT_EQ(small.at("A1").type, "s");          // shared strings in memory
  EXPECT_EQ(large.at("A1").type, "inlineStr");  // streamed rows carry their text
  ASSERT_EQ(small.cells.size(), 7u);
  ASSERT_EQ(large.cells.size(), small.cells.size());
  for (const auto& [ref, cell] : small.cells) {
    const XCell& other = large.at(ref);
    EXPECT_EQ(other.is_text(), cell.is_text()) << ref;
    EXPECT_EQ(other.value, cell.value) << ref;
    EXPECT_EQ(other.formula, cell.formula) << ref;
    EXPECT_EQ(other.num_format, cell.num_format) << ref;
    EXPECT_EQ(other.style, cell.style) << ref;
  }
  EXPECT_EQ(small.at("A2").value, "=HYPERLINK(\"http://x.invalid\",\"x\")");
  EXPECT_EQ(small.at("A3").value, "Structure");
  EXPECT_DOUBLE_EQ(small.at("B3").number(), 1234.56);
  fs::remove_all(dir);
}

TEST(XlsxKit, PlainTextTakesTheDefaultStyleAndFlaggedTextItsOwn) {
  fs::path dir = fresh_dir("styles");
  for (xlsx::Size size : {xlsx::Size::Small, xlsx::Size::Large}) {
    write_workbook(dir / "book.xlsx", size);
    XSheet sheet = XlsxFile(dir / "book.xlsx").sheet("Feuille");
    EXPECT_TRUE(sheet.at("A1").is_text());
    EXPECT_EQ(sheet.at("A1").style, 0);
    EXPECT_NE(sheet.at("A2").style, 0);
    EXPECT_NE(sheet.at("A2").style, sheet.at("B2").style);
  }
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
