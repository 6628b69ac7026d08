#include "tabular/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace fs = std::filesystem;
using tampon::tabular::Cell;
using tampon::tabular::XlsxLimits;
using tampon::tabular::XlsxWorkbook;

namespace {

fs::path temp_dir() {
  auto dir = fs::temp_directory_path() / ("tampon-tabular-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

/// A zip holding exactly `parts` (name → bytes), to build workbooks by hand.
fs::path make_zip(const std::string& name, const std::map<std::string, std::string>& parts) {
  fs::path path = temp_dir() / name;
  fs::remove(path);
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (auto& [part, bytes] : parts) {
    zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    zip_file_add(z, part.c_str(), src, ZIP_FL_ENC_UTF_8);
  }
  EXPECT_EQ(zip_close(z), 0);
  return path;
}

const std::string k_workbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Données" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string k_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";

std::string sheet_xml(const std::string& rows) {
  return R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

fs::path hand_workbook(const std::string& name, const std::string& rows,
                       std::map<std::string, std::string> extra = {}) {
  extra["xl/workbook.xml"] = k_workbook;
  extra["xl/_rels/workbook.xml.rels"] = k_rels;
  if (!extra.contains("xl/worksheets/sheet1.xml"))
    extra["xl/worksheets/sheet1.xml"] = sheet_xml(rows);
  return make_zip(name, extra);
}

}  // namespace

TEST(XlsxReader, ReadsWhatLibxlsxwriterWrites) {
  fs::path path = temp_dir() / "ecrit.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Conventions");
  workbook_add_worksheet(wb, "Postes");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00 \"€\"");
  worksheet_write_string(ws, 0, 0, "id", nullptr);
  worksheet_write_string(ws, 1, 0, "cv-2021-0042", nullptr);
  worksheet_write_string(ws, 1, 1, "Communauté « Caudrésis »\nligne 2", nullptr);
  worksheet_write_number(ws, 1, 2, 1645.58, money);
  lxw_datetime when = {2021, 4, 2, 0, 0, 0};
  worksheet_write_datetime(ws, 1, 3, &when, date);
  worksheet_write_boolean(ws, 1, 4, 1, nullptr);
  worksheet_write_formula_num(ws, 1, 5, "=C2*2", nullptr, 3291.16);
  worksheet_write_string(ws, 6, 1, "B7", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  std::string error;
  auto book = XlsxWorkbook::open(path, error);
  ASSERT_TRUE(book) << error;
  EXPECT_EQ(book->sheet_names(), (std::vector<std::string>{"Conventions", "Postes"}));
  auto sheet = book->sheet("Conventions", error);
  ASSERT_TRUE(sheet) << error;
  EXPECT_EQ(sheet->at("A2")->text, "cv-2021-0042");
  EXPECT_EQ(sheet->at("B2")->text, "Communauté « Caudrésis »\nligne 2");
  EXPECT_EQ(sheet->at("C2")->type, Cell::Type::Number);
  EXPECT_DOUBLE_EQ(sheet->at("C2")->number, 1645.58);
  EXPECT_EQ(sheet->at("C2")->num_format, "#,##0.00 \"€\"");
  EXPECT_EQ(sheet->at("D2")->type, Cell::Type::Date);
  EXPECT_EQ(sheet->at("D2")->text, "2021-04-02");
  EXPECT_EQ(sheet->at("E2")->type, Cell::Type::Bool);
  EXPECT_EQ(sheet->at("E2")->text, "1");
  EXPECT_EQ(sheet->at("F2")->formula, "C2*2");
  EXPECT_DOUBLE_EQ(sheet->at("F2")->number, 3291.16);
  EXPECT_EQ(sheet->at(7, 2)->text, "B7");
  EXPECT_EQ(sheet->max_row(), 7);
  EXPECT_EQ(sheet->at("Z99"), nullptr);
  EXPECT_FALSE(book->sheet("Absente", error));
  EXPECT_EQ(error, "ecrit.xlsx : pas de feuille « Absente »");
}

TEST(XlsxReader, ReadsInlineRichAndUnreferencedCells) {
  auto path = hand_workbook(
      "inline.xlsx",
      R"(<row><c t="inlineStr"><is><r><t>Mairie </t></r><r><t>de Bazuel</t></r><rPh><t>x</t></rPh></is></c><c t="str"><f>A1</f><v>calculé</v></c><c t="b"><v>0</v></c><c t="d"><v>2022-03-15T00:00:00</v></c><c t="e"><v>#N/A</v></c></row><row r="4"><c r="C4"><v>12</v></c></row>)");
  std::string error;
  auto book = XlsxWorkbook::open(path, error);
  ASSERT_TRUE(book) << error;
  auto sheet = book->sheet("Données", error);
  ASSERT_TRUE(sheet) << error;
  EXPECT_EQ(sheet->at("A1")->text, "Mairie de Bazuel");
  EXPECT_EQ(sheet->at("B1")->text, "calculé");
  EXPECT_EQ(sheet->at("B1")->formula, "A1");
  EXPECT_EQ(sheet->at("C1")->type, Cell::Type::Bool);
  EXPECT_EQ(sheet->at("D1")->type, Cell::Type::Date);
  EXPECT_EQ(sheet->at("D1")->text, "2022-03-15");
  EXPECT_EQ(sheet->at("E1")->type, Cell::Type::Error);
  EXPECT_EQ(sheet->at("C4")->number, 12);
}

TEST(XlsxReader, DatesFollowTheCellsNumberFormat) {
  const std::string styles =
      R"(<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="JJ/MM/AAAA"/><numFmt numFmtId="165" formatCode="#,##0.00\ [$€-40C]"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>)";
  auto path = hand_workbook(
      "dates.xlsx",
      R"(<row r="1"><c r="A1" s="1"><v>44287</v></c><c r="B1" s="2"><v>1</v></c><c r="C1" s="3"><v>44287</v></c><c r="D1" s="1"><v>61</v></c><c r="E1" s="1"><v>44287.5</v></c></row>)",
      {{"xl/styles.xml", styles}});
  std::string error;
  auto book = XlsxWorkbook::open(path, error);
  ASSERT_TRUE(book) << error;
  auto sheet = book->sheet("Données", error);
  ASSERT_TRUE(sheet) << error;
  EXPECT_EQ(sheet->at("A1")->text, "2021-04-01");
  EXPECT_EQ(sheet->at("B1")->text, "1900-01-01");
  EXPECT_EQ(sheet->at("C1")->type, Cell::Type::Number);
  EXPECT_EQ(sheet->at("D1")->text, "1900-03-01");
  EXPECT_EQ(sheet->at("E1")->text, "2021-04-01T12:00:00");
}

TEST(XlsxReader, CellReferencesRoundTrip) {
  using namespace tampon::tabular;
  EXPECT_EQ(parse_cell_ref("A1")->col, 1);
  EXPECT_EQ(parse_cell_ref("AB12")->col, 28);
  EXPECT_EQ(parse_cell_ref("AB12")->row, 12);
  EXPECT_EQ(parse_cell_ref("XFD1048576")->col, 16384);
  EXPECT_FALSE(parse_cell_ref("XFE1"));
  EXPECT_FALSE(parse_cell_ref("A0"));
  EXPECT_FALSE(parse_cell_ref("A1048577"));
  EXPECT_FALSE(parse_cell_ref("a1"));
  EXPECT_FALSE(parse_cell_ref("12"));
  EXPECT_EQ(column_name(28), "AB");
  EXPECT_EQ(cell_name(7, 2), "B7");
  EXPECT_EQ(cell_position("f.xlsx", "X", 7, 2), "f.xlsx, feuille « X », cellule B7");
  EXPECT_DOUBLE_EQ(iso_to_serial(2021, 4, 1), 44287);
  EXPECT_EQ(*serial_to_iso(iso_to_serial(1950, 7, 14)), "1950-07-14");
}

TEST(XlsxReader, RefusesADoctypeAndItsEntities) {
  auto path = hand_workbook(
      "rires.xlsx", "",
      {{"xl/worksheets/sheet1.xml",
        R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>)"}});
  std::string error;
  auto book = XlsxWorkbook::open(path, error);
  ASSERT_TRUE(book) << error;
  EXPECT_FALSE(book->sheet("Données", error));
  EXPECT_NE(error.find("rires.xlsx"), std::string::npos) << error;
  EXPECT_NE(error.find("DTD) refusée"), std::string::npos) << error;
}

TEST(XlsxReader, BoundsTheUncompressedSize) {
  std::string zeros(4u << 20, ' ');  // 4 MiB of spaces: a few KiB compressed
  auto path =
      hand_workbook("bombe.xlsx", "", {{"xl/worksheets/sheet1.xml", sheet_xml("") + zeros}});
  ASSERT_LT(fs::file_size(path), 64u << 10);
  XlsxLimits limits;
  limits.max_part_bytes = 1u << 20;
  std::string error;
  auto book = XlsxWorkbook::open(path, error, limits);
  ASSERT_TRUE(book) << error;
  EXPECT_FALSE(book->sheet("Données", error));
  EXPECT_NE(error.find("trop grande une fois décompressée"), std::string::npos) << error;
}

TEST(XlsxReader, BoundsTheNumberOfEntries) {
  std::map<std::string, std::string> parts;
  for (int i = 0; i < 30; ++i) parts["x/" + std::to_string(i)] = "x";
  auto path = hand_workbook("entrees.xlsx", "", parts);
  XlsxLimits limits;
  limits.max_entries = 20;
  std::string error;
  EXPECT_FALSE(XlsxWorkbook::open(path, error, limits));
  EXPECT_NE(error.find("trop de fichiers"), std::string::npos) << error;
}

TEST(XlsxReader, BoundsTheNumberOfCells) {
  std::string rows;
  for (int i = 1; i <= 50; ++i) rows += "<row><c><v>1</v></c></row>";
  auto path = hand_workbook("cellules.xlsx", rows);
  XlsxLimits limits;
  limits.max_cells = 10;
  std::string error;
  auto book = XlsxWorkbook::open(path, error, limits);
  ASSERT_TRUE(book);
  EXPECT_FALSE(book->sheet("Données", error));
  EXPECT_NE(error.find("plus de 10 cellules"), std::string::npos) << error;
}

TEST(XlsxReader, ReportsMissingPartsAndBrokenFilesInFrench) {
  std::string error;
  auto no_sheet = make_zip("sans-feuille.xlsx", {{"xl/workbook.xml", k_workbook},
                                                 {"xl/_rels/workbook.xml.rels", k_rels}});
  auto book = XlsxWorkbook::open(no_sheet, error);
  ASSERT_TRUE(book);
  EXPECT_FALSE(book->sheet("Données", error));
  EXPECT_EQ(error,
            "sans-feuille.xlsx : partie « xl/worksheets/sheet1.xml » absente : le fichier n'est "
            "pas un classeur complet");

  auto no_workbook = make_zip("vide.xlsx", {{"autre.txt", "x"}});
  EXPECT_FALSE(XlsxWorkbook::open(no_workbook, error));
  EXPECT_NE(error.find("xl/workbook.xml"), std::string::npos) << error;

  fs::path text = temp_dir() / "texte.xlsx";
  std::ofstream(text) << "id;nom\n";
  EXPECT_FALSE(XlsxWorkbook::open(text, error));
  EXPECT_NE(error.find("ce n'est pas un classeur XLSX"), std::string::npos) << error;

  EXPECT_FALSE(XlsxWorkbook::open(temp_dir() / "absent.xlsx", error));
  EXPECT_EQ(error, "absent.xlsx : fichier introuvable ou illisible");
}

TEST(XlsxReader, NamesTheCellOfABadValue) {
  std::string error;
  auto path = hand_workbook("mauvais.xlsx", R"(<row r="7"><c r="B7" t="s"><v>99</v></c></row>)");
  auto book = XlsxWorkbook::open(path, error);
  ASSERT_TRUE(book);
  EXPECT_FALSE(book->sheet("Données", error));
  EXPECT_EQ(error,
            "mauvais.xlsx, feuille « Données », cellule B7 : texte partagé n° « 99 » introuvable");
  auto bad_xml = hand_workbook("casse.xlsx", "<row><c>");
  book = XlsxWorkbook::open(bad_xml, error);
  ASSERT_TRUE(book);
  EXPECT_FALSE(book->sheet("Données", error));
  EXPECT_NE(error.find("XML invalide"), std::string::npos) << error;
}
