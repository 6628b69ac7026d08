// The record examples of the manual (docs/fiches.md) are a valid project: every ```yaml block
// whose first line names a data file ("# data/structures/x.yaml") is written there, and the
// whole validates with no error and no warning (issue #15: "its examples validate").
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "cli_harness.hpp"

namespace tampon::testing {
namespace {

struct Example {
  std::string path, yaml;
};

std::vector<Example> manual_examples(const std::string& page) {
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/docs/" + page);
  std::vector<Example> out;
  std::string line;
  bool in_yaml = false;
  while (std::getline(in, line)) {
    if (!in_yaml && line == "```yaml") {
      in_yaml = true;
      out.push_back({});
    } else if (in_yaml && line == "```") {
      in_yaml = false;
      if (out.back().path.empty()) out.pop_back();
    } else if (in_yaml) {
      Example& e = out.back();
      if (e.yaml.empty() && line.starts_with("# data/")) e.path = line.substr(2);
      e.yaml += line + "\n";
    }
  }
  return out;
}

TEST(ManualExamples, EveryRecordKindHasAnExampleAndTheyValidate) {
  auto examples = manual_examples("fiches.md");
  std::set<std::string> folders;
  Project p;
  for (const auto& e : examples) {
    p.write(e.path, e.yaml);
    folders.insert(e.path.substr(0, e.path.find('/', 5)));
  }
  EXPECT_EQ(folders, (std::set<std::string>{"data/avenants", "data/conseillers", "data/conventions",
                                            "data/depenses", "data/rapports", "data/structures",
                                            "data/versements"}));
  auto r = p.run({"validate", "--as-of", "2024-06-30"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.find("0 erreur, 0 avertissement") != std::string::npos) << r.err;
}

}  // namespace
}  // namespace tampon::testing
