// The form helpers of the spreadsheet kit (render/xlsx/form.hpp): a validation libxlsxwriter
// refuses is a French error naming the cells, never a crash or a half-written file.
#include <gtest/gtest.h>

#include "emit.hpp"
#include "render/xlsx/form.hpp"
#include "render/xlsx/workbook.hpp"
#include "sample_model.hpp"
#include "tampon/diagnostic.hpp"
#include "xlsx_reader.hpp"

namespace tampon::testing {
namespace {

namespace fs = std::filesystem;

TEST(XlsxForm, ARefusedValidationIsAFrenchErrorNamingTheCells) {
  fs::path dir = fresh_dir("form-kit");
  xlsx::Workbook book(dir / "f.xlsx", xlsx::Size::Small, {"t", "s", "k", d("2022-06-15")});
  xlsx::Sheet sheet(book.add_sheet("F"), book.formats());
  std::string title(40, 'x');  // Excel caps an error title at 32 characters
  try {
    xlsx::validate_amounts(sheet, 1, 4, 3, 6, {title, "message", "", ""});
    FAIL() << "a 40-character title was accepted";
  } catch (const Fatal& e) {
    EXPECT_EQ(std::string(e.what()).rfind("validation des cellules E2:G4 refusée : ", 0), 0u)
        << e.what();
  }
  fs::remove_all(dir);
}

TEST(XlsxForm, UnlockedInputsOnAProtectedSheet) {
  fs::path dir = fresh_dir("form-kit-2");
  {
    xlsx::Workbook book(dir / "f.xlsx", xlsx::Size::Small, {"t", "s", "k", d("2022-06-15")});
    xlsx::Sheet sheet(book.add_sheet("F"), book.formats());
    sheet.text(0, 0, "Montant");
    sheet.money(0, 1, Money::cents(150), book.formats().input_money);
    xlsx::input_blank(sheet, 1, 1, book.formats().input_date);
    xlsx::validate_dates(sheet, 1, 1, 1, d("2022-01-01"), d("2022-03-31"),
                         {"Date refusée", "Hors du trimestre.", "", ""});
    xlsx::protect_sheet(sheet);
    book.close();
  }
  XSheet s = XlsxFile(dir / "f.xlsx").sheet("F");
  EXPECT_TRUE(s.is_protected());
  EXPECT_TRUE(s.at("A1").locked);
  EXPECT_FALSE(s.at("B1").locked);
  EXPECT_FALSE(s.at("B2").locked);
  EXPECT_EQ(s.at("B2").num_format, "dd/mm/yyyy");
  ASSERT_NE(s.validation_of("B2"), nullptr);
  EXPECT_EQ(s.validation_of("B2")->formula1, "44562");
  EXPECT_EQ(s.validation_of("B2")->error, "Hors du trimestre.");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tampon::testing
