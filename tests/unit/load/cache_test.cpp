// The parse cache: used when it matches, ignored when stale or corrupt, never changing a result.
#include "load/record_cache.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "load/record_codec.hpp"
#include "load/source_files.hpp"
#include "load_support.hpp"

namespace tampon {
namespace {

using testing::dump;
using testing::fingerprint;
using testing::TempProject;
namespace fs = std::filesystem;

constexpr std::string_view k_conseiller = R"(id: cn-0001
prenom: Camille
nom: Durand
courriel: camille@example.org
structure: mairie-x
role: conseiller
contrat:
  type: cdd-droit-public
  debut: 2021-04-01
  heures_hebdo: 35
  salaire_brut_mensuel: 1650.00
  couleur: bleu
)";

class CacheTest : public ::testing::Test {
 protected:
  CacheTest() {
    project.write("data/conseillers/cn-0001.yaml", k_conseiller);
    project.write("data/conseillers/copie.yaml", k_conseiller);  // same bytes, other path
    project.write("data/rapports/r.yaml",
                  "- {structure: mairie-x, conseiller: cn-0001, mois: 2022-03, activites: {}, "
                  "usagers_accompagnes: 3}\n");
    cache = project.dir() / "cache";
  }
  fs::path pack() const { return load::RecordCache::pack_path(cache, project.dir()); }
  std::string read_pack() const {
    std::ifstream in(pack(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void write_pack(const std::string& bytes) const {
    std::ofstream(pack(), std::ios::binary | std::ios::trunc) << bytes;
  }
  TempProject project;
  fs::path cache;
};

TEST_F(CacheTest, AWarmLoadEqualsTheColdOneFindingsAndPositionsIncluded) {
  LoadResult none = project.load(1);
  LoadResult cold = project.load(2, cache);
  ASSERT_TRUE(fs::exists(pack()));
  LoadResult warm = project.load(2, cache);
  EXPECT_EQ(fingerprint(cold), fingerprint(none));
  EXPECT_EQ(fingerprint(warm), fingerprint(cold));
  ASSERT_EQ(warm.records.conseillers.size(), 2u);
  SourceLoc debut = warm.records.conseillers[1].locs.at("contrat.debut");
  EXPECT_EQ(warm.records.files.path(debut.file), "data/conseillers/copie.yaml");
  EXPECT_EQ(debut.line, 9u);
  EXPECT_EQ(debut.column, 10u);
  // The unknown field is reported for both files, each under its own path.
  ASSERT_EQ(warm.diagnostics.size(), 2u) << dump(warm.diagnostics);
  EXPECT_EQ(warm.diagnostics[0].where.file, "data/conseillers/cn-0001.yaml");
  EXPECT_EQ(warm.diagnostics[1].where.file, "data/conseillers/copie.yaml");
  EXPECT_EQ(warm.diagnostics[1].where.line, 12u);
}

TEST_F(CacheTest, AHitReallyComesFromTheCache) {
  project.load(1, cache);
  // Plant a different decoding under the digest of the rapport file: a load that shows it
  // must have read the cache instead of the file.
  std::string bytes =
      "- {structure: mairie-x, conseiller: cn-0001, mois: 2022-03, activites: {}, "
      "usagers_accompagnes: 3}\n";
  load::FileResult planted;
  planted.rapports.push_back({});
  planted.rapports[0].record.structure = "planted";
  auto c = load::RecordCache::open(cache, project.dir());
  c.keep(load::sha256(bytes), load::encode_file_result(planted));
  ASSERT_TRUE(c.save());
  LoadResult warm = project.load(1, cache);
  ASSERT_EQ(warm.records.rapports.size(), 1u);
  EXPECT_EQ(warm.records.rapports[0].structure, "planted");
}

TEST_F(CacheTest, ACorruptEntryIsIgnoredAndTheFileParsedAgain) {
  LoadResult cold = project.load(1, cache);
  std::string bytes = read_pack();
  bytes[bytes.size() - 3] ^= 0x5A;  // inside the last payload: its checksum no longer matches
  write_pack(bytes);
  EXPECT_EQ(fingerprint(project.load(1, cache)), fingerprint(cold));
  EXPECT_EQ(read_pack().size(), bytes.size()) << "the entry was rewritten";
  EXPECT_NE(read_pack(), bytes);
}

TEST_F(CacheTest, TruncatedGarbageAndForeignPacksAreIgnored) {
  LoadResult cold = project.load(1, cache);
  std::string bytes = read_pack();
  for (const std::string& broken :
       {bytes.substr(0, bytes.size() / 2), std::string("garbage"), std::string(),
        std::string(bytes).replace(8, 1, "\x07")}) {  // another format version
    write_pack(broken);
    EXPECT_EQ(load::RecordCache::open(cache, project.dir()).entries_read(), 0u);
    EXPECT_EQ(fingerprint(project.load(1, cache)), fingerprint(cold));
    EXPECT_EQ(read_pack(), bytes);  // rebuilt identically
  }
}

TEST_F(CacheTest, AChangedFileIsParsedAgainAndItsOldEntryDropped) {
  project.load(1, cache);
  EXPECT_EQ(load::RecordCache::open(cache, project.dir()).entries_read(),
            2u);  // two distinct contents
  project.write("data/conseillers/copie.yaml", std::string(k_conseiller).replace(4, 7, "cn-0002"));
  LoadResult warm = project.load(1, cache);
  ASSERT_EQ(warm.records.conseillers.size(), 2u);
  EXPECT_EQ(warm.records.conseillers[1].id, "cn-0002");
  EXPECT_EQ(load::RecordCache::open(cache, project.dir()).entries_read(), 3u);
  project.write("data/conseillers/copie.yaml", k_conseiller);
  project.load(1, cache);
  EXPECT_EQ(load::RecordCache::open(cache, project.dir()).entries_read(), 2u);
}

TEST_F(CacheTest, FilesThatFailToParseAreNeverCached) {
  project.write("data/conseillers/casse.yaml", "id: [\n");
  LoadResult cold = project.load(1, cache);
  LoadResult warm = project.load(1, cache);
  EXPECT_TRUE(warm.input_failure);
  EXPECT_EQ(fingerprint(warm), fingerprint(cold));
  EXPECT_EQ(load::RecordCache::open(cache, project.dir()).entries_read(), 2u);
}

TEST_F(CacheTest, ProjectsSharingACacheFolderKeepTheirOwnEntries) {
  TempProject other;
  other.write("data/conseillers/autre.yaml", std::string(k_conseiller).replace(4, 7, "cn-0099"));
  project.load(1, cache);
  other.load(1, cache);
  EXPECT_NE(load::RecordCache::pack_path(cache, other.dir()), pack());
  EXPECT_EQ(load::RecordCache::open(cache, project.dir()).entries_read(), 2u);
  EXPECT_EQ(load::RecordCache::open(cache, other.dir()).entries_read(), 1u);
  // The same folder spelt differently is the same project.
  EXPECT_EQ(load::RecordCache::pack_path(cache, project.dir() / "data" / ".."), pack());
}

TEST_F(CacheTest, AnUnwritableCacheFolderOnlyCostsTime) {
  project.write("cache-file", "not a folder");
  LoadResult r = project.load(1, project.dir() / "cache-file");
  EXPECT_EQ(fingerprint(r), fingerprint(project.load(1)));
}

TEST(RecordCodec, CorruptBytesNeverDecode) {
  load::FileResult result;
  result.conseillers.push_back({});
  result.conseillers[0].record.id = "cn-0001";
  result.conseillers[0].locs.emplace_back("contrat.debut", SourceLoc{0, 9, 10});
  std::string bytes = load::encode_file_result(result);
  ASSERT_TRUE(load::decode_file_result(bytes, 3));
  EXPECT_EQ(load::decode_file_result(bytes, 3)->conseillers[0].locs[0].second.file, 3u);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut)
    EXPECT_FALSE(load::decode_file_result(bytes.substr(0, cut), 1)) << cut;
  EXPECT_FALSE(load::decode_file_result(bytes + "x", 1));
}

// Found by fuzz_record_codec: a month or quarter decoded with a year of hundreds of millions
// overflowed an int when the record was encoded again. Years have four digits in record
// files; a larger one is corrupt bytes.
TEST(RecordCodec, AMonthOrQuarterBeyondYear9999NeverDecodes) {
  auto round_trip = [](Month mois, Quarter trimestre) {
    load::FileResult result;
    result.rapports.push_back({});
    result.rapports[0].record.mois = mois;
    result.depenses.push_back({});
    result.depenses[0].record.trimestre = trimestre;
    return load::decode_file_result(load::encode_file_result(result), 0);
  };
  auto kept = round_trip(Month{9999, 12}, Quarter{9999, 4});
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->rapports[0].record.mois.iso(), "9999-12");
  EXPECT_EQ(kept->depenses[0].record.trimestre.iso(), "9999-T4");
  EXPECT_FALSE(round_trip(Month{10000, 1}, Quarter{2024, 1}));
  EXPECT_FALSE(round_trip(Month{2024, 1}, Quarter{10000, 1}));
}

TEST(RecordCodec, TheRecordStructsHaveTheSizeTheCodecWasWrittenFor) {
  // If this fails, records.hpp gained or lost a field: add it to the `fields` functions of
  // generator/load/record_codec.cpp (else the cache would drop it), bump
  // RecordCache::k_format, then update these sizes.
  EXPECT_EQ(load::record_layout_signature(), "544.344.224.160.224.104.264.136.88");
}

}  // namespace
}  // namespace tampon
