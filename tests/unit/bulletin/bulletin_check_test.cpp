// bulletin: what the PDF font cannot print, found by Emitter::check and handled at render time.
#include <gtest/gtest.h>

#include "bulletin_fixture.hpp"

namespace tampon::testing {
namespace {

/// The fixture model with one extra character in the structure name and in a highlight.
std::unique_ptr<Model> model_with(const std::string& name_suffix, const std::string& highlight) {
  auto model = bulletin_model();
  model->records.structures[0].nom += name_suffix;
  for (Rapport& r : model->records.rapports)
    if (r.faits_marquants) r.faits_marquants = *r.faits_marquants + highlight;
  model->index();
  return model;
}

TEST(BulletinCheck, PrintableRecordsGiveNoFinding) {
  EXPECT_TRUE(check_bulletins(*bulletin_model()).empty());
}

TEST(BulletinCheck, AStructureNameTheFontCannotPrintIsAnErrorAndItsPdfFails) {
  auto model = model_with(" 漢", "");
  Diagnostics found = check_bulletins(*model);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "missing-glyph");
  EXPECT_EQ(found[0].severity, Severity::Error);
  EXPECT_NE(found[0].message.find("U+6F22"), std::string::npos) << found[0].message;

  auto out = fresh_dir("glyph-name");
  Diagnostics rendered;
  emit_bulletins(*model, out, &rendered);
  ASSERT_EQ(rendered.size(), 3u);  // one per PDF; the HTML bulletins are written
  EXPECT_EQ(rendered[0].code, "bulletin-pdf");
  EXPECT_NE(
      rendered[0].message.find("« bulletins/hostile/2022-T1.pdf » n’a pas pu être mis en page"),
      std::string::npos)
      << rendered[0].message;
  EXPECT_NE(read_file(out / "bulletins/hostile/2022-T1.html").find("Cie 漢</h1>"),
            std::string::npos);
  std::filesystem::remove_all(out);
}

TEST(BulletinCheck, AnEmojiInHighlightsIsAWarningAndOnlyThePdfLeavesItOut) {
  auto model = model_with("", " Bravo 🎉 !");
  Diagnostics found = check_bulletins(*model);
  ASSERT_EQ(found.size(), 3u);  // the three reports with highlights
  EXPECT_EQ(found[0].code, "bulletin-glyph-omitted");
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].message,
            "le caractère U+1F389 des faits marquants n’existe pas dans la police des bulletins : "
            "il sera omis du bulletin PDF (le bulletin HTML le garde)");

  auto out = fresh_dir("glyph-highlight");
  Diagnostics rendered;
  emit_bulletins(*model, out, &rendered);
  EXPECT_TRUE(rendered.empty());
  std::string text =
      run("pdftotext -layout '" + (out / "bulletins/hostile/2022-T2.pdf").string() + "' -");
  EXPECT_NE(text.find("médiathèque. Bravo !"), std::string::npos) << text;
  EXPECT_NE(read_file(out / "bulletins/hostile/2022-T2.html").find("Bravo 🎉 !"), std::string::npos);
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace tampon::testing
