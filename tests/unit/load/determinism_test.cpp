// The same files give the same RecordSet, in the documented order, whatever the thread count;
// and a throughput figure for the parser on synthetic reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "load_support.hpp"

namespace tampon {
namespace {

using testing::dump;
using testing::fingerprint;
using testing::TempProject;

std::string rapport(int structure, int conseiller, int month) {
  return "- structure: s-" + std::to_string(structure) + "\n  conseiller: cn-" +
         std::to_string(conseiller) + "\n  mois: 2022-" + (month < 10 ? "0" : "") +
         std::to_string(month) +
         "\n  activites:\n    accompagnements_individuels: 12\n    ateliers_collectifs: 3\n"
         "    participants_ateliers: 20\n    demandes_ponctuelles: 4\n"
         "    appels_solidarite_numerique: 1\n  usagers_accompagnes: 30\n"
         "  themes:\n    equipement: 4\n    courriel: 6\n    sante: 2\n"
         "  lieux:\n    permanence: 10\n    domicile: 1\n";
}

std::string versement(int convention, int poste, int tranche, int day) {
  return "- {convention: cv-" + std::to_string(convention) + ", poste: " + std::to_string(poste) +
         ", tranche: " + std::to_string(tranche) + ", date: 2021-05-" + (day < 10 ? "0" : "") +
         std::to_string(day) + ", montant: 100.00, statut: versee}\n";
}

/// Records shuffled over files, so sorted output cannot come from input order.
void write_shuffled(const TempProject& p, int files, int per_file, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> rapports, versements;
  for (int s = 0; s < files; ++s)
    for (int i = 0; i < per_file; ++i)
      rapports.push_back(rapport(s % 7, (s * per_file + i) % 13, i % 12 + 1));
  for (int i = 0; i < files * 3; ++i)
    versements.push_back(versement(i % 5, i % 3 + 1, i % 2 + 1, i % 28 + 1));
  std::shuffle(rapports.begin(), rapports.end(), rng);
  std::shuffle(versements.begin(), versements.end(), rng);
  for (int f = 0; f < files; ++f) {
    std::string text, vtext;
    for (int i = 0; i < per_file; ++i) text += rapports[static_cast<std::size_t>(f * per_file + i)];
    for (int i = 0; i < 3; ++i) vtext += versements[static_cast<std::size_t>(f * 3 + i)];
    p.write("data/rapports/f" + std::to_string(f) + ".yaml", text);
    p.write("data/versements/v" + std::to_string(f) + ".yaml", vtext);
  }
  p.write("data/conseillers/b.yaml", "- {id: cn-b}\n- {id: cn-a}\n");
  p.write("data/conseillers/a.yaml", "- {id: cn-b}\n");  // duplicate: both kept, file order
}

TEST(Determinism, ThreadCountAndRepetitionNeverChangeTheResult) {
  TempProject p;
  write_shuffled(p, 24, 20, 7);
  LoadResult one = p.load(1);
  LoadResult four = p.load(4);
  LoadResult again = p.load(4);
  EXPECT_EQ(fingerprint(one), fingerprint(four));
  EXPECT_EQ(fingerprint(four), fingerprint(again));
}

TEST(Determinism, VectorsFollowTheDocumentedOrder) {
  TempProject p;
  write_shuffled(p, 24, 20, 11);
  LoadResult r = p.load(2);
  const auto& rapports = r.records.rapports;
  ASSERT_EQ(rapports.size(), 480u);
  EXPECT_TRUE(
      std::is_sorted(rapports.begin(), rapports.end(), [](const Rapport& a, const Rapport& b) {
        return std::tie(a.structure, a.conseiller, a.mois) <
               std::tie(b.structure, b.conseiller, b.mois);
      }));
  const auto& versements = r.records.versements;
  ASSERT_EQ(versements.size(), 72u);
  EXPECT_TRUE(std::is_sorted(versements.begin(), versements.end(),
                             [](const Versement& a, const Versement& b) {
                               return std::tie(a.convention, a.poste, a.tranche, a.date) <
                                      std::tie(b.convention, b.poste, b.tranche, b.date);
                             }));
  // Ids sorted; the duplicate cn-b appears twice, a.yaml's first (files in path order).
  const auto& c = r.records.conseillers;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].id, "cn-a");
  EXPECT_EQ(c[1].id, "cn-b");
  EXPECT_EQ(r.records.files.path(c[1].locs.record.file), "data/conseillers/a.yaml");
  EXPECT_EQ(r.records.files.path(c[2].locs.record.file), "data/conseillers/b.yaml");
  // Files are listed in path order.
  EXPECT_TRUE(
      std::is_sorted(r.files.begin(), r.files.end(),
                     [](const LoadedFile& a, const LoadedFile& b) { return a.path < b.path; }));
}

TEST(Throughput, ParsesSyntheticMonthlyReports) {
  TempProject p;
  constexpr int files = 40, per_file = 100;
  write_shuffled(p, files, per_file, 3);
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  auto start = std::chrono::steady_clock::now();
  LoadResult r = p.load(jobs);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(r.records.rapports.size(), static_cast<std::size_t>(files * per_file));
  double per_second = files * per_file / elapsed.count();
  RecordProperty("reports_per_second", static_cast<int>(per_second));
  std::printf("[ figures  ] %d reports in %.3f s on %u threads: %.0f reports/s (this build)\n",
              files * per_file, elapsed.count(), jobs, per_second);
  // Loose floor (debug or sanitizer builds on a busy machine); release does ~35 000/s/core.
  EXPECT_GT(per_second, 200.0);
}

}  // namespace
}  // namespace tampon
