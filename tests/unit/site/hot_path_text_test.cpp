// The hand-written escapers of the rendering hot paths must write what the library ones write.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "render/html_escape.hpp"
#include "render/json_text.hpp"
#include "text_fold.hpp"

namespace {

const std::vector<std::string>& samples() {
  static const std::vector<std::string> k = {
      "",
      "texte simple",
      "L'État & les <structures> \"publiques\"",
      "guillemet \" barre \\ fin",
      std::string("contrôle \x01\x02\x1f et \b\f\n\r\t et \x7f", 27),
      "accents éèà « » — € 𝄞",
      "invalide \xff\xfe ici",
      "tronqué \xe2\x82",
      "surrogat \xed\xa0\x80",
      "trop long \xc0\xaf",
      "au-delà \xf4\x90\x80\x80",
  };
  return k;
}

TEST(HotPathText, WritesJsonStringsAsNlohmannDoes) {
  for (const std::string& s : samples()) {
    std::string mine;
    tampon::append_json_string(mine, s);
    EXPECT_EQ(mine,
              nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        << s;
  }
}

TEST(HotPathText, EscapesTheFiveHtmlSpecialCharactersAndNothingElse) {
  std::string mine = "avant:";
  tampon::render::append_escaped(mine, "L'État & <les> \"structures\" — 𝄞 \xff");
  EXPECT_EQ(mine, "avant:L&#39;État &amp; &lt;les&gt; &quot;structures&quot; — 𝄞 \xff");
  for (const std::string& s : samples()) {
    std::string escaped = tampon::render::html_escape(s);
    for (char c : std::string("<>\"'")) EXPECT_EQ(escaped.find(c), std::string::npos) << s;
  }
}

// The XMP metadata of the PDFs: the same escaping with the apostrophe kept, so that their
// bytes stay those of earlier builds ("Bulletin d'activité").
TEST(HotPathText, XmlEscapingKeepsTheApostropheAndEscapesTheOtherFour) {
  EXPECT_EQ(tampon::render::xml_escape("Bulletin d'activité <T&T> \"été\""),
            "Bulletin d'activité &lt;T&amp;T&gt; &quot;été&quot;");
  EXPECT_EQ(tampon::render::xml_escape("''"), "''");
  EXPECT_EQ(tampon::render::xml_escape(""), "");
  EXPECT_EQ(tampon::render::html_escape("d'a"), "d&#39;a");
}

TEST(HotPathText, FoldsAppendedTextLikeFold) {
  std::string out = "x";
  tampon::site::fold_append(out, "ÉTAPE 8 : Œuvre");
  EXPECT_EQ(out, "xetape 8 : oeuvre");
  EXPECT_EQ(tampon::site::fold("MAJ \xff fin"), "maj \xef\xbf\xbd fin");
}

}  // namespace
