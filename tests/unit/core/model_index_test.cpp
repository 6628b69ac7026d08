// Model's lookups by structure: what bulletins and justifications ask once per structure.
#include <gtest/gtest.h>

#include "tampon/model.hpp"

namespace tampon {
namespace {

Conseiller conseiller(std::string id, std::string structure) {
  Conseiller c;
  c.id = std::move(id);
  c.structure = std::move(structure);
  return c;
}

Convention convention(std::string id, std::string structure) {
  Convention c;
  c.id = std::move(id);
  c.structure = std::move(structure);
  return c;
}

Depense depense(std::string structure, std::string convention) {
  Depense d;
  d.structure = std::move(structure);
  d.convention = std::move(convention);
  return d;
}

std::vector<std::string> ids(const std::vector<const Conseiller*>& records) {
  std::vector<std::string> out;
  for (const Conseiller* c : records) out.push_back(c->id);
  return out;
}

TEST(ModelIndex, GivesEachStructuresRecordsInRecordOrderAndNothingForAnUnknownOne) {
  Model model;
  model.records.conseillers = {conseiller("cn-1", "st-b"), conseiller("cn-2", "st-a"),
                               conseiller("cn-3", "st-b")};
  model.records.conventions = {convention("cv-1", "st-a"), convention("cv-2", "st-b")};
  model.records.depenses = {depense("st-a", "cv-1"), depense("st-a", "cv-1")};
  model.index();
  EXPECT_EQ(ids(model.conseillers_of_structure("st-b")),
            (std::vector<std::string>{"cn-1", "cn-3"}));
  EXPECT_EQ(ids(model.conseillers_of_structure("st-a")), (std::vector<std::string>{"cn-2"}));
  EXPECT_TRUE(model.conseillers_of_structure("st-inconnue").empty());
  ASSERT_EQ(model.conventions_of_structure("st-b").size(), 1u);
  EXPECT_EQ(model.conventions_of_structure("st-b")[0]->id, "cv-2");
  EXPECT_EQ(model.depenses_of_structure("st-a").size(), 2u);
  EXPECT_TRUE(model.depenses_of_structure("st-b").empty());
}

TEST(ModelIndex, IndexingAgainFollowsTheRecords) {
  Model model;
  model.records.conseillers = {conseiller("cn-1", "st-a")};
  model.index();
  model.records.conseillers.push_back(conseiller("cn-2", "st-a"));
  model.index();
  EXPECT_EQ(ids(model.conseillers_of_structure("st-a")),
            (std::vector<std::string>{"cn-1", "cn-2"}));
}

}  // namespace
}  // namespace tampon
