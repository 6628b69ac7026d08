// FieldLocs: the rules engineer points findings at fields through these paths.
#include <gtest/gtest.h>

#include "load_support.hpp"

namespace tampon {
namespace {

class FieldPositions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ProjectContext ctx;
    ctx.project_dir = std::string(TAMPON_SOURCE_DIR) + "/tests/fixtures/load/records-md";
    ctx.shipped_dir = TAMPON_SOURCE_DIR;
    result = new LoadResult(load_project(ctx, {}));
  }
  static void TearDownTestSuite() { delete result; }
  static std::string at(const FieldLocs& locs, std::string_view path) {
    SourceLoc loc = locs.at(path);
    return result->records.files.path(loc.file) + ":" + std::to_string(loc.line) + ":" +
           std::to_string(loc.column);
  }
  static LoadResult* result;
};
LoadResult* FieldPositions::result = nullptr;

TEST_F(FieldPositions, NestedFieldsPointAtTheirValue) {
  const auto& c = result->records.conseillers.at(0).locs;
  EXPECT_EQ(at(c, "contrat.debut"), "data/conseillers/cn-0001.yaml:15:10");
  EXPECT_EQ(at(c, "contrat.fin"), "data/conseillers/cn-0001.yaml:16:8");
  EXPECT_EQ(at(c, "contrat"), "data/conseillers/cn-0001.yaml:14:3");  // the block's first key
  EXPECT_EQ(at(c, "id"), "data/conseillers/cn-0001.yaml:1:5");
  const auto& s = result->records.structures.at(0).locs;
  EXPECT_EQ(at(s, "adresse.code_postal"), "data/structures/ca-caudresis-catesis.yaml:7:16");
}

TEST_F(FieldPositions, SequenceItemsAreIndexedFromZero) {
  const auto& v = result->records.conventions.at(0).locs;
  EXPECT_EQ(at(v, "postes[1]"), "data/conventions/cv-2021-0042.yaml:15:5");
  EXPECT_EQ(at(v, "postes[1].contrat"), "data/conventions/cv-2021-0042.yaml:17:14");
  const auto& d = result->records.depenses.at(0).locs;
  EXPECT_EQ(at(d, "lignes[0].frais"), "data/depenses/2022-T1.yaml:8:12");
  const auto& a = result->records.avenants.at(0).locs;
  EXPECT_EQ(at(a, "postes_retires[0]"), "data/avenants/cv-2021-0042-av1.yaml:10:18");
}

TEST_F(FieldPositions, UnknownOrUnkeptPathsFallBackToTheNearestParent) {
  const auto& v = result->records.conventions.at(0).locs;
  // postes[1] has no montant: the post's own position.
  EXPECT_EQ(at(v, "postes[1].montant"), "data/conventions/cv-2021-0042.yaml:15:5");
  // Reports keep structure, conseiller and mois only; the rest is the report's position.
  const auto& r = result->records.rapports.at(0).locs;
  EXPECT_EQ(at(r, "mois"), "data/rapports/2022-03.yaml:3:7");
  EXPECT_EQ(at(r, "activites.ateliers_collectifs"), "data/rapports/2022-03.yaml:1:1");
  EXPECT_EQ(r.record.line, 1u);
}

}  // namespace
}  // namespace tampon
