// Hostile inputs end with exit 1 or 3 and a message, never a signal (issue #2 "Done when").
#include <gtest/gtest.h>

#include <chrono>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

void expect_clean_failure(const Project& p, const std::string& what) {
  auto start = std::chrono::steady_clock::now();
  auto r = p.run({"validate"});
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 3) << what << ": exit " << r.exit_code << "\n"
                                                    << r.err;
  EXPECT_NE(r.err.find("erreur"), std::string::npos) << what << "\n" << r.err;
  EXPECT_LT(seconds, 30.0) << what;  // bounded, not a benchmark
}

TEST(HostileInput, BillionLaughsAliasBomb) {
  Project p;
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i)
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
  yaml += "id: bombe\nnom: *a11\n";
  p.write("data/structures/bombe.yaml", yaml);
  expect_clean_failure(p, "alias bomb");
}

TEST(HostileInput, TwoHundredThousandDeepNesting) {
  Project p;
  p.write("data/structures/profond.yaml",
          "id: profond\nnom: " + std::string(200000, '[') + std::string(200000, ']') + "\n");
  expect_clean_failure(p, "deep nesting");
  p.write("data/structures/profond.yaml", std::string(200000, '-') + " x\n");
  expect_clean_failure(p, "deep block nesting");
}

TEST(HostileInput, InvalidUtf8AndBinaryBytes) {
  Project p;
  p.write("data/structures/latin1.yaml", "id: latin1\nnom: Mairie de S\xe8te\n");
  expect_clean_failure(p, "invalid UTF-8");
  Project q;
  q.write("data/structures/binaire.yaml", std::string("id: b\0\x01\x02\xff\xfe", 11));
  expect_clean_failure(q, "binary");
}

TEST(HostileInput, AHundredMegabyteFile) {
  Project p;
  std::string big = "id: enorme\nnom: \"";
  big.append(100u * 1024 * 1024, 'a');
  big += "\"\n";
  p.write("data/structures/enorme.yaml", big);
  expect_clean_failure(p, "100 MB file");
}

TEST(HostileInput, IdsThatTryToEscapeTheOutputFolder) {
  Project p;
  write_minimal_valid_project(p);
  p.write("data/conventions/evasion.yaml", R"(id: ../../etc/evasion
structure: mairie-de-bazuel
regime: relance-2021
signature: 2021-04-02
debut: 2021-04-01
fin: 2023-03-31
postes: []
)");
  auto r = p.run({"build", "--as-of", "2024-06-30", "--only", "records-json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("[invalid-id]"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(p.dir() / "out"));
}

}  // namespace
}  // namespace tampon::testing
