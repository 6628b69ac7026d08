// render/model_json: the streamed text of export/records.json is the document's dump(2), byte
// for byte, whatever the records hold.
#include "render/model_json.hpp"

#include <gtest/gtest.h>

#include "small_model.hpp"

namespace tampon {
namespace {

TEST(ModelJsonText, IsTheDocumentDumpedWithTwoSpaces) {
  auto model = testing::small_model();
  EXPECT_EQ(render::model_to_json_text(*model), render::model_to_json(*model).dump(2));
}

TEST(ModelJsonText, KeepsEscapesAndLineFeedsInsideStringsAsTheyAre) {
  auto model = testing::small_model();
  // A line feed inside a string is escaped: the indentation must not go into it.
  model->records.structures.front().nom = "Mairie \"du\nport\"\t\\ é 日本";
  std::string text = render::model_to_json_text(*model);
  EXPECT_EQ(text, render::model_to_json(*model).dump(2));
  EXPECT_NE(text.find(R"("Mairie \"du\nport\"\t\\ é 日本")"), std::string::npos);
}

TEST(ModelJsonText, WritesEmptySectionsAsTheDumpDoes) {
  auto model = testing::small_model();
  model->records.conseillers.clear();
  model->conventions.clear();
  std::string text = render::model_to_json_text(*model);
  EXPECT_EQ(text, render::model_to_json(*model).dump(2));
  EXPECT_NE(text.find("\"conseillers\": [],"), std::string::npos);
  EXPECT_NE(text.find("\"conventions\": []\n}"), std::string::npos);
}

}  // namespace
}  // namespace tampon
