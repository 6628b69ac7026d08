// FieldLocs keeps the position of each field of a record under an interned path number:
// lookups must still answer with the exact field, then the nearest parent, then the record,
// and paths interned from many threads at once must get one number each.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "tampon/source_loc.hpp"

namespace tampon {
namespace {

bool same(SourceLoc a, SourceLoc b) {
  return a.file == b.file && a.line == b.line && a.column == b.column;
}

FieldLocs conseiller_locs() {
  FieldLocs locs;
  locs.record = {3, 10, 3};
  locs.set("id", {3, 10, 5});
  locs.set("contrat", {3, 14, 3});
  locs.set("contrat.salaire_brut_mensuel", {3, 17, 27});
  locs.set(std::string("postes[1]"), {3, 30, 5});
  locs.set(std::string_view("postes[1].montant"), {3, 33, 16});
  return locs;
}

TEST(FieldLocs, AnswersTheExactFieldWhenItWasSet) {
  FieldLocs locs = conseiller_locs();
  EXPECT_TRUE(same(locs.at("contrat.salaire_brut_mensuel"), {3, 17, 27}));
  EXPECT_TRUE(same(locs.at("id"), {3, 10, 5}));
  EXPECT_TRUE(same(locs.at("postes[1].montant"), {3, 33, 16}));
}

TEST(FieldLocs, FallsBackToTheNearestParentThatWasSet) {
  FieldLocs locs = conseiller_locs();
  EXPECT_TRUE(same(locs.at("contrat.debut"), {3, 14, 3}));
  EXPECT_TRUE(same(locs.at("postes[1].conseiller"), {3, 30, 5}));
}

TEST(FieldLocs, FallsBackToTheRecordWhenNoParentWasSet) {
  FieldLocs locs = conseiller_locs();
  EXPECT_TRUE(same(locs.at("rupture.motif"), {3, 10, 3}));
  EXPECT_TRUE(same(locs.at("un.chemin.que.personne.n.a.jamais.vu"), {3, 10, 3}));
  EXPECT_TRUE(same(locs.at(""), {3, 10, 3}));
}

TEST(FieldLocs, KeepsIndexesOfListItemsApart) {
  FieldLocs locs = conseiller_locs();
  // postes[10] shares a prefix with postes[1] but is another item: it falls back to the record.
  EXPECT_TRUE(same(locs.at("postes[10].montant"), {3, 10, 3}));
  EXPECT_TRUE(same(locs.at("postes[0].montant"), {3, 10, 3}));
  locs.set("postes", {3, 29, 3});
  EXPECT_TRUE(same(locs.at("postes[0].montant"), {3, 29, 3}));
}

TEST(FieldLocs, KeepsTheFirstPositionOfAPathSetTwice) {
  FieldLocs locs;
  locs.set("mois", {1, 2, 3});
  locs.set("mois", {1, 9, 9});
  EXPECT_TRUE(same(locs.at("mois"), {1, 2, 3}));
}

TEST(FieldLocs, StoresSixteenBytesAFieldAndNoString) {
  EXPECT_EQ(sizeof(FieldLocs::Entry), 16u);
  FieldLocs locs;
  locs.reserve(2);
  locs.set("activites.accompagnements_individuels", {1, 1, 1});
  locs.set("activites.accompagnements_individuels", {2, 2, 2});
  ASSERT_EQ(locs.entries().size(), 2u);
  EXPECT_EQ(locs.entries()[0].path, locs.entries()[1].path);
  EXPECT_EQ(FieldPaths::name(locs.entries()[0].path), "activites.accompagnements_individuels");
}

TEST(FieldPaths, FindsOnlyPathsThatWereInterned) {
  EXPECT_FALSE(FieldPaths::find("jamais.interne.nulle.part").has_value());
  std::uint32_t id = FieldPaths::intern("contrat.aides_emploi");
  ASSERT_TRUE(FieldPaths::find("contrat.aides_emploi").has_value());
  EXPECT_EQ(*FieldPaths::find("contrat.aides_emploi"), id);
  EXPECT_EQ(FieldPaths::intern(std::string("contrat.") + "aides_emploi"), id);
}

TEST(FieldPaths, GivesOneNumberPerPathWhenManyThreadsInternAtOnce) {
  constexpr int k_threads = 8, k_paths = 2000;
  std::vector<std::string> paths;
  for (int i = 0; i < k_paths; ++i)
    paths.push_back("lignes[" + std::to_string(i) + "].concurrence_" + std::to_string(i % 7));
  std::size_t before = FieldPaths::size();
  std::vector<std::vector<std::uint32_t>> ids(k_threads, std::vector<std::uint32_t>(k_paths));
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t)
    threads.emplace_back([&, t] {
      ++ready;
      while (ready < k_threads) std::this_thread::yield();
      // Half the threads walk the paths backwards, so both ends race for new entries.
      for (int k = 0; k < k_paths; ++k) {
        int i = t % 2 ? k_paths - 1 - k : k;
        ids[t][i] = FieldPaths::intern(paths[i]);
        if (FieldPaths::name(ids[t][i]) != paths[i]) ids[t][i] = UINT32_MAX;
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(FieldPaths::size(), before + k_paths);
  for (int t = 1; t < k_threads; ++t) EXPECT_EQ(ids[t], ids[0]) << "thread " << t;
  std::vector<std::uint32_t> sorted = ids[0];
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  for (int i = 0; i < k_paths; ++i) EXPECT_EQ(FieldPaths::name(ids[0][i]), paths[i]);
}

}  // namespace
}  // namespace tampon
