// One small project per rule code (tests/fixtures/rules/<code>/): loaded from disk with the
// real loader and the shipped baremes.yaml and smic.yaml, validated, and compared with
// expected.txt, one `file:line:column: code` line per finding, no more and no fewer, followed
// by ` (note file:line:column)` for each of its secondary locations.
// UPDATE_FIXTURES=1 rewrites expected.txt (review the diff before committing).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "load/record_codec.hpp"
#include "model/explain.hpp"
#include "rules/checker.hpp"
#include "rules/validate.hpp"

namespace tampon {
namespace {

namespace fs = std::filesystem;

const fs::path k_source = TAMPON_SOURCE_DIR;
const fs::path k_fixtures = k_source / "tests/fixtures/rules";

struct Loaded {
  Diagnostics all;  // loader's then validation's
  Model model;
};

Loaded load_and_validate(const fs::path& project_dir, unsigned jobs = 1) {
  ProjectContext project{project_dir, k_source};
  LoadResult loaded = load_project(project, LoadOptions{1, {}});
  Loaded run;
  run.all = loaded.diagnostics;
  run.model = validate(std::move(loaded), *Date::parse("2024-01-01"), run.all, jobs);
  return run;
}

// Everything validation gives, as text: each finding in order with its message and notes,
// the records marked invalid, and every derived version's posts, amounts and tranches.
std::string everything_of(const Loaded& run) {
  std::ostringstream out;
  for (const auto& d : run.all) {
    out << d.where.file << ":" << d.where.line << ":" << d.where.column << " " << d.code << " "
        << d.message << "\n";
    for (const auto& note : d.notes)
      out << "  note " << note.where.file << ":" << note.where.line << " " << note.message << "\n";
  }
  for (const auto& ref : run.model.invalid)
    out << "invalide " << name(ref.kind) << ":" << ref.id << "\n";
  for (const auto& state : run.model.conventions) {
    out << state.record->id << " " << state.versions.size() << " version(s)\n";
    for (const auto& version : state.versions)
      for (const auto& post : version.posts) {
        out << "  poste " << post.numero << " " << post.amount.cents() << "\n";
        for (const auto& t : post.tranches)
          out << "    " << t.number << " " << t.due.iso() << " " << t.amount.cents() << " "
              << static_cast<int>(t.status) << "\n";
      }
  }
  return out.str();
}

std::string place_of(const Location& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

std::string line_of(const Diagnostic& d) {
  std::string line = place_of(d.where) + ": " + d.code;
  for (const auto& note : d.notes) line += " (note " + place_of(note.where) + ")";
  return line;
}

std::set<std::string> expected_lines(const fs::path& file) {
  std::set<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.insert(line);
  return out;
}

std::vector<fs::path> fixture_dirs() {
  std::vector<fs::path> dirs;
  if (!fs::is_directory(k_fixtures)) return dirs;
  for (const auto& e : fs::directory_iterator(k_fixtures))
    if (e.is_directory()) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

class RuleFixture : public ::testing::TestWithParam<fs::path> {};

TEST_P(RuleFixture, ReportsExactlyItsCodeAtTheExpectedPlace) {
  const fs::path dir = GetParam();
  const std::string code = dir.filename().string();
  ASSERT_NE(find_rule(code), nullptr) << "dossier sans code connu : " << code;
  Loaded run = load_and_validate(dir);
  std::set<std::string> got;
  std::string messages;
  for (const auto& d : run.all) {
    got.insert(line_of(d));
    messages += "  " + line_of(d) + " " + d.message + "\n";
  }
  if (const char* update = std::getenv("UPDATE_FIXTURES"); update && *update == '1') {
    std::ofstream out(dir / "expected.txt");
    for (const auto& line : got) out << line << "\n";
  }
  EXPECT_EQ(got, expected_lines(dir / "expected.txt")) << messages;
  std::set<std::string> codes;
  for (const auto& d : run.all) codes.insert(d.code);
  EXPECT_EQ(codes, std::set<std::string>{code}) << messages;
}

// Validation runs its rules, the derivation and the statuses on several threads: the findings
// (their order included), the invalid records and the derived model are those of one thread.
TEST_P(RuleFixture, GivesTheSameResultOnAnyNumberOfThreads) {
  const fs::path dir = GetParam();
  const std::string alone = everything_of(load_and_validate(dir, 1));
  EXPECT_EQ(everything_of(load_and_validate(dir, 2)), alone);
  EXPECT_EQ(everything_of(load_and_validate(dir, 5)), alone);
}

// Validation derives states beside the records (Model::conventions), never in them: a record's
// content stays a function of its file's bytes. Rebuilds rely on it (host/changed_records.hpp:
// the records of an unchanged data file are the same records). Every record of every fixture,
// errors included, has the same content after validation as the loader gave it.
TEST_P(RuleFixture, LeavesEveryRecordAsLoaded) {
  ProjectContext project{GetParam(), k_source};
  LoadResult loaded = load_project(project, LoadOptions{1, {}});
  auto contents = [](const RecordSet& r) {
    std::vector<std::string> out;
    auto add = [&](const auto& list) {
      for (const auto& record : list) out.push_back(load::record_content(record));
    };
    add(r.structures);
    add(r.conseillers);
    add(r.conventions);
    add(r.avenants);
    add(r.versements);
    add(r.rapports);
    add(r.depenses);
    std::sort(out.begin(), out.end());  // validation sorts the records
    return out;
  };
  const std::vector<std::string> before = contents(loaded.records);
  Diagnostics all = loaded.diagnostics;
  Model model = validate(std::move(loaded), *Date::parse("2024-01-01"), all, 2);
  EXPECT_EQ(contents(model.records), before);
}

// A finding that weighs a field against another record's shows both places: the field to
// change (primary) and, as a note, the other record's field. Every fixture finding of a
// cross-record code must carry a note at a real place in a data file, so a new rule cannot
// forget it; and the note is never the primary place itself.
TEST_P(RuleFixture, CrossRecordFindingsCarryANoteAtTheOtherRecord) {
  const fs::path dir = GetParam();
  Loaded run = load_and_validate(dir);
  for (const auto& d : run.all) {
    if (!is_cross_record(d.code)) continue;
    ASSERT_FALSE(d.notes.empty()) << line_of(d) << " " << d.message;
    for (const auto& note : d.notes) {
      EXPECT_TRUE(note.where.file.starts_with("data/")) << line_of(d);
      EXPECT_GE(note.where.line, 1u) << line_of(d);
      EXPECT_GE(note.where.column, 1u) << line_of(d);
      EXPECT_NE(note.where, d.where) << line_of(d);
      EXPECT_TRUE(fs::is_regular_file(dir / note.where.file)) << line_of(d);
      EXPECT_FALSE(note.message.empty()) << line_of(d);
    }
  }
}

// The codes that may be cross-record are real codes of the table, each with its fixture.
TEST(CrossRecordCodes, AreInTheRuleTableAndHaveAFixture) {
  std::size_t n = 0;
  for (const auto& rule : rule_table()) {
    if (!is_cross_record(rule.code)) continue;
    ++n;
    EXPECT_TRUE(fs::is_directory(k_fixtures / rule.code)) << rule.code;
  }
  EXPECT_GE(n, 10u);
  EXPECT_FALSE(is_cross_record("no-such-code"));
}

INSTANTIATE_TEST_SUITE_P(PerCode, RuleFixture, ::testing::ValuesIn(fixture_dirs()),
                         [](const auto& info) {
                           std::string name = info.param.filename().string();
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

// The base every fixture breaks once: a valid project, so each fixture's finding is its own.
TEST(RuleFixtureBase, UntouchedProjectIsValidAndPricedFromTheShippedBaremes) {
  fs::path tmp = fs::temp_directory_path() / ("tampon-rules-base-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::copy(k_fixtures / "late-training", tmp, fs::copy_options::recursive);
  {
    std::ifstream in(tmp / "data/conseillers/cn-0001.yaml");
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    text.replace(text.find("2021-04-20"), 10, "2021-04-12");
    std::ofstream(tmp / "data/conseillers/cn-0001.yaml") << text;
  }
  Loaded run = load_and_validate(tmp);
  EXPECT_TRUE(run.all.empty()) << line_of(run.all.front()) << " " << run.all.front().message;
  const ConventionState* st = run.model.convention_state("cv-2021-0001");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->current().posts.at(0).amount, Money::euros(50000));
  EXPECT_EQ(st->current().posts.at(0).tranches.at(0).due, *Date::parse("2021-05-12"));
  fs::remove_all(tmp);
}

// Every rule fixture's records in one project (each file renamed after its fixture): most
// ids are then written several times and many rules report at once, some with the same code
// (dangling-reference, missing-field, date-order): what one thread reports first must stay
// what several threads report.
TEST(AllFixturesAtOnce, GiveTheSameResultOnAnyNumberOfThreads) {
  fs::path tmp = fs::temp_directory_path() / ("tampon-rules-all-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  for (const fs::path& dir : fixture_dirs()) {
    if (!fs::is_directory(dir / "data")) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir / "data")) {
      if (!e.is_regular_file()) continue;
      fs::path kind = fs::relative(e.path().parent_path(), dir);
      fs::create_directories(tmp / kind);
      fs::copy_file(e.path(),
                    tmp / kind / (dir.filename().string() + "-" + e.path().filename().string()));
    }
  }
  const Loaded alone = load_and_validate(tmp, 1);
  EXPECT_GT(alone.all.size(), 50u);  // many findings, of many codes
  std::set<std::string> codes;
  for (const auto& d : alone.all) codes.insert(d.code);
  EXPECT_GT(codes.size(), 10u);
  const std::string expected = everything_of(alone);
  EXPECT_EQ(everything_of(load_and_validate(tmp, 2)), expected);
  EXPECT_EQ(everything_of(load_and_validate(tmp, 7)), expected);
  fs::remove_all(tmp);
}

// Two rules that report the same code at the same place, run on threads of their own: taken
// back in the rules' order, the first one's finding is kept, as in sequence, and both records
// it names become invalid.
TEST(CheckerAbsorb, KeepsTheFirstRulesFindingOfACodeAtAPlace) {
  Loaded run = load_and_validate(k_fixtures / "date-order");
  Diagnostics none, found, first_out, second_out;
  rules::Checker check(run.model, none, found);
  rules::Checker first(check, first_out), second(check, second_out);
  const SourceLoc at{1, 3, 5};
  first.report("date-order", at, "première règle", {RecordKind::Convention, "cv-a"});
  second.report("date-order", at, "seconde règle", {RecordKind::Avenant, "cv-a-av1"});
  second.report("date-order", SourceLoc{1, 4, 5}, "ailleurs", {RecordKind::Avenant, "cv-a-av1"});
  check.absorb(first);
  check.absorb(second);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].message, "première règle");
  EXPECT_EQ(found[1].message, "ailleurs");
  EXPECT_EQ(check.faulty().size(), 2u);
}

// Loader codes that only the file system can produce, listed in the rule table.
TEST(LoaderFileCodes, UnreadableFileAndFileTooLarge) {
  fs::path tmp = fs::temp_directory_path() / ("tampon-rules-io-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp / "data/structures");
  std::ofstream(tmp / "data/structures/huge.yaml") << std::string((16u << 20) + 16, '#');
  ProjectContext no_defaults{tmp, tmp / "nowhere"};
  LoadResult loaded = load_project(no_defaults, LoadOptions{1, {}});
  std::set<std::string> codes;
  for (const auto& d : loaded.diagnostics) codes.insert(d.code);
  EXPECT_TRUE(codes.contains("file-too-large"));
  EXPECT_TRUE(codes.contains("unreadable-file"));  // no baremes.yaml anywhere
  for (const auto& code : codes) EXPECT_NE(find_rule(code), nullptr) << code;
  fs::remove_all(tmp);
}

}  // namespace
}  // namespace tampon

namespace tampon {
namespace {

// The sample project shipped in data/ must validate without error against its own baremes.
TEST(ShippedSample, ValidatesWithoutErrorAndDerivesEveryConvention) {
  Loaded run = load_and_validate(k_source);
  std::string errors;
  for (const auto& d : run.all)
    if (d.severity == Severity::Error) errors += "  " + line_of(d) + " " + d.message + "\n";
  EXPECT_EQ(errors, "");
  EXPECT_GE(run.model.records.conventions.size(), 5u);
  EXPECT_EQ(run.model.conventions.size(), run.model.records.conventions.size());
  if (const char* id = std::getenv("EXPLAIN"); id && *id)
    std::cout << explain_convention(run.model, id);
  for (const auto& d : run.all)
    if (d.severity == Severity::Warning)
      std::cout << "  " << line_of(d) << " " << d.message << "\n";
}

}  // namespace
}  // namespace tampon

namespace tampon {
namespace {

// Timing on a generated project (bench/gen/generate.py): TAMPON_BENCH_PROJECT=/tmp/national.
TEST(ValidateTiming, OnTheProjectNamedByTheEnvironment) {
  const char* dir = std::getenv("TAMPON_BENCH_PROJECT");
  if (!dir || !*dir) GTEST_SKIP() << "TAMPON_BENCH_PROJECT non défini";
  ProjectContext project{dir, k_source};
  auto t0 = std::chrono::steady_clock::now();
  LoadResult loaded = load_project(project, LoadOptions{2, {}});
  auto t1 = std::chrono::steady_clock::now();
  Diagnostics found = loaded.diagnostics;
  Model model = validate(std::move(loaded), *Date::parse("2024-01-01"), found);
  auto t2 = std::chrono::steady_clock::now();
  using ms = std::chrono::milliseconds;
  std::cout << "load " << std::chrono::duration_cast<ms>(t1 - t0).count() << " ms, validate "
            << std::chrono::duration_cast<ms>(t2 - t1).count() << " ms, " << found.size()
            << " findings, " << model.conventions.size() << " conventions\n";
  for (std::size_t i = 0; i < found.size() && i < 10; ++i)
    std::cout << "  " << line_of(found[i]) << " " << found[i].message << "\n";
}

}  // namespace
}  // namespace tampon
