#include "tabular/csv_reader.hpp"

#include <gtest/gtest.h>

using tampon::tabular::CsvTable;
using tampon::tabular::parse_csv;

namespace {

std::vector<std::vector<std::string>> texts(const CsvTable& t) {
  std::vector<std::vector<std::string>> out;
  for (auto& row : t.rows) {
    out.emplace_back();
    for (auto& c : row) out.back().push_back(c.text);
  }
  return out;
}

}  // namespace

TEST(CsvReader, DetectsTheSeparatorOnTheHeader) {
  std::string error;
  auto semi = parse_csv("id;nom,complet\na;b,c\n", "f.csv", error);
  ASSERT_TRUE(semi) << error;
  EXPECT_EQ(semi->separator, ';');
  EXPECT_EQ(texts(*semi)[1], (std::vector<std::string>{"a", "b,c"}));
  auto comma = parse_csv("id,nom,ville\n1,2,3", "f.csv", error);
  ASSERT_TRUE(comma) << error;
  EXPECT_EQ(comma->separator, ',');
  EXPECT_EQ(texts(*comma)[1], (std::vector<std::string>{"1", "2", "3"}));
}

TEST(CsvReader, ReadsQuotedFieldsWithSeparatorsQuotesAndLineBreaks) {
  std::string error;
  auto t =
      parse_csv("id;texte;fin\r\n1;\"a;b \"\"cité\"\"\r\nsuite\";x\r\n2;;\"\"\r\n", "f.csv", error);
  ASSERT_TRUE(t) << error;
  auto rows = texts(*t);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "a;b \"cité\"\nsuite", "x"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"2", "", ""}));
  // Positions: line 4 starts after the quoted line break.
  EXPECT_EQ(t->rows[2][0].line, 4);
  EXPECT_EQ(t->rows[1][2].line, 3);
  EXPECT_EQ(t->rows[1][2].column, 8);
}

TEST(CsvReader, ColumnsCountCharactersNotBytes) {
  std::string error;
  auto t = parse_csv("é;à;x\n", "f.csv", error);
  ASSERT_TRUE(t) << error;
  EXPECT_EQ(t->rows[0][2].column, 5);
}

TEST(CsvReader, StripsTheBomAndDecodesWindows1252) {
  std::string error;
  auto bom = parse_csv("\xEF\xBB\xBFnom;ville\nZo\xC3\xA9;Cr\xC3\xA9teil\n", "f.csv", error);
  ASSERT_TRUE(bom) << error;
  EXPECT_TRUE(bom->had_bom);
  EXPECT_FALSE(bom->windows1252);
  EXPECT_EQ(bom->rows[0][0].text, "nom");
  EXPECT_EQ(bom->rows[1][1].text, "Créteil");
  auto ansi = parse_csv("D\xE9nomination;Montant\nC\x9C ur \x80 \x92;1\n", "f.csv", error);
  ASSERT_TRUE(ansi) << error;
  EXPECT_TRUE(ansi->windows1252);
  EXPECT_EQ(ansi->rows[0][0].text, "Dénomination");
  EXPECT_EQ(ansi->rows[1][0].text, "Cœ ur € ’");
}

// The tableau de pilotage's exports re-saved by Excel under Windows: Windows-1252 without BOM,
// CRLF, quoted fields holding ';' and a line break; positions count characters.
TEST(CsvReader, ReadsAWindows1252ExportWithCrlfAndQuotedSeparators) {
  std::string error;
  auto t =
      parse_csv("Pr\xE9nom;Adresse;Nom\r\nJ\xE9r\xF4me;\"1 rue; du Pont\r\n59000\";L\x9Cuvre\r\n",
                "c.csv", error);
  ASSERT_TRUE(t) << error;
  EXPECT_TRUE(t->windows1252);
  EXPECT_FALSE(t->had_bom);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][0].text, "Pr\xC3\xA9nom");
  EXPECT_EQ(t->rows[1][0].text, "J\xC3\xA9r\xC3\xB4me");
  EXPECT_EQ(t->rows[1][1].text, "1 rue; du Pont\n59000");
  EXPECT_EQ(t->rows[1][2].text, "L\xC5\x93uvre");  // 0x9C is « œ » in Windows-1252
  EXPECT_EQ(t->rows[1][2].line, 3);
  EXPECT_EQ(t->rows[1][2].column, 8);
}

TEST(CsvReader, RefusesUtf16WithAMessageSayingHowToSaveTheFile) {
  std::string error;
  EXPECT_FALSE(parse_csv(std::string("\xFF\xFEn\0o\0m\0", 8), "u.csv", error));
  EXPECT_EQ(error.rfind("u.csv:1:1: fichier en UTF-16", 0), 0u) << error;
}

TEST(CsvReader, SkipsBlankLinesAndKeepsTrailingEmptyFields) {
  std::string error;
  auto t = parse_csv("a;b\n\n1;\n\r\n2;3", "f.csv", error);
  ASSERT_TRUE(t) << error;
  auto rows = texts(*t);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", ""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(t->rows[2][0].line, 5);
}

TEST(CsvReader, ReportsAnUnclosedQuoteWhereItOpens) {
  std::string error;
  EXPECT_FALSE(parse_csv("a;b\n1;\"ouvert\n2;3\n", "export.csv", error));
  EXPECT_EQ(error,
            "export.csv:2:3: guillemet ouvert jamais refermé : ajoutez le \" fermant du "
            "champ");
  EXPECT_FALSE(parse_csv("a;b\n1;\"x\"y;2\n", "export.csv", error));
  EXPECT_EQ(error.substr(0, 15), "export.csv:2:6:");
  EXPECT_FALSE(parse_csv(std::string_view("a;b\n1;\0x", 8), "export.csv", error));
}

TEST(CsvReader, Utf8CheckRejectsOverlongsAndSurrogates) {
  using tampon::tabular::is_utf8;
  EXPECT_TRUE(is_utf8("Cœur é €"));
  EXPECT_FALSE(is_utf8("\xC0\xAF"));
  EXPECT_FALSE(is_utf8("\xED\xA0\x80"));
  EXPECT_FALSE(is_utf8("\xE9t\xE9"));
  EXPECT_FALSE(is_utf8("\xC3"));
}
