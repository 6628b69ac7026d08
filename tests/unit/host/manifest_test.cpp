#include "write/manifest.hpp"
#include "write/previous_build_prefetch.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace tampon {
namespace {
namespace fs = std::filesystem;

struct Fixture {
  std::string path, emitter;
  std::uintmax_t size;
  std::string sha256;
  std::vector<std::string> records;
  std::string fingerprint;
};

// The implementation before manifests were streamed (a whole nlohmann::ordered_json tree):
// the bytes every manifest must still have.
std::string reference_json(const std::string& version, const std::string& as_of,
                           const std::vector<Fixture>& entries) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    files.push_back({{"path", e.path},
                     {"emitter", e.emitter},
                     {"size", e.size},
                     {"sha256", e.sha256},
                     {"records", e.records},
                     {"fingerprint", e.fingerprint}});
  }
  nlohmann::ordered_json json = {
      {"tool", "tampon"}, {"version", version}, {"as_of", as_of}, {"files", files}};
  return json.dump(2) + "\n";
}

Manifest manifest_of(const std::string& version, const std::string& as_of,
                     const std::vector<Fixture>& entries) {
  Manifest m{version, as_of, {}};
  for (const auto& e : entries)
    m.entries.emplace(e.path, ManifestEntry{e.path, e.emitter, e.size, e.sha256,
                                            ManifestEntry::records_of(e.records), e.fingerprint});
  return m;
}

// Sorted by path, as a manifest lists them.
const std::vector<Fixture> k_awkward = {
    {"a/guillemets \"doubles\".pdf", "émetteur-é", 0, "00ff", {}, ""},
    {"b/barre\\oblique.txt",
     "e",
     18446744073709551615u,
     "sha",
     {"convention:cv-2021-0042", "structure:a\"b\\c", "x:\x01\x1f\x7f", "y:\b\f\n\r\t"},
     "fp"},
    {"c/accentué-ü-€-😀-\u2028.html", "site", 42, "abc", {"conseiller:cn-é"}, "\xe2\x80\xa8"},
    {"d/vide.txt", "", 1, "", {""}, "\"\\"},
};

TEST(ManifestJson, BytesAreThoseOfTheTreeImplementationForAwkwardStrings) {
  EXPECT_EQ(manifest_of("1.2.3", "2024-06-30", k_awkward).to_json(),
            reference_json("1.2.3", "2024-06-30", k_awkward));
  EXPECT_EQ(manifest_of("v\"\\\n", "é", {}).to_json(), reference_json("v\"\\\n", "é", {}));
}

// A build writes its manifest in blocks formatted on several threads
// (write_manifest_in_blocks): the same bytes as one writer, for any number of entries (none,
// fewer than a block, a block boundary), blocks and threads, stale entries included.
TEST(ManifestJson, AManifestWrittenInBlocksHasTheBytesOfOneWriter) {
  Manifest many{"1.2.3", "2024-06-30", {}};
  for (int i = 0; i < 23; ++i) {
    std::string path = "p/" + std::to_string(100 + i) + ".pdf";
    ManifestEntry e{path,
                    "e",
                    static_cast<std::uintmax_t>(i),
                    std::string(64, 'a'),
                    ManifestEntry::records_of({"convention:cv-" + std::to_string(i), "x:\"y\""}),
                    std::string(64, 'f')};
    if (i % 7 == 3) e.records_json.clear();
    e.stale = i % 5 == 1;
    many.entries.emplace(path, std::move(e));
  }
  for (const Manifest& m :
       {manifest_of("1.2.3", "2024-06-30", k_awkward), many, Manifest{"1.2.3", "2024-06-30", {}}}) {
    std::vector<const ManifestEntry*> entries;
    for (const auto& [path, e] : m.entries) entries.push_back(&e);
    for (unsigned threads : {1u, 2u, 5u}) {
      for (std::size_t block :
           {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{23}, std::size_t{256}}) {
        std::ostringstream out;
        write_manifest_in_blocks(
            out, m.tool_version, m.as_of, entries.size(), threads,
            [&](std::size_t i, ManifestWriter& w) { w.entry(*entries[i]); }, block);
        EXPECT_EQ(out.str(), m.to_json()) << threads << " threads, blocks of " << block;
      }
    }
  }
}

TEST(ManifestJson, EveryControlCharacterIsEscapedAsNlohmannDoes) {
  std::string all;
  for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
  std::vector<Fixture> one = {{all, all, 7, all, {all, all}, all}};
  EXPECT_EQ(manifest_of(all, all, one).to_json(), reference_json(all, all, one));
}

TEST(ManifestJson, InvalidUtf8IsReplacedRatherThanThrown) {
  std::string bad = "a\xff\xc3z";
  std::string out;
  EXPECT_NO_THROW(append_manifest_string(out, bad));
  EXPECT_EQ(out,
            nlohmann::json(bad).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  EXPECT_NE(out.find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD
}

class ManifestFile : public ::testing::Test {
 protected:
  void SetUp() override {
    file = fs::temp_directory_path() /
           ("tampon-manifest-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()) + ".json");
  }
  void TearDown() override { fs::remove(file); }
  Manifest read(const std::string& text, std::size_t window = std::size_t{256} << 10) {
    std::ofstream(file, std::ios::binary) << text;
    return Manifest::read(file, nullptr, window);
  }
  fs::path file;
};

// The awkward strings with paths an output can have: a manifest read from disk keeps only
// those (see AnEntryWhosePathAnOutputCannotHaveIsDropped).
std::vector<Fixture> with_output_paths(std::vector<Fixture> fixtures) {
  const char* paths[] = {"a/guillemets.pdf", "b/barre-oblique.txt", "c/accentue.html",
                         "d/vide.txt"};
  for (std::size_t i = 0; i < fixtures.size(); ++i) fixtures[i].path = paths[i];
  return fixtures;
}

TEST_F(ManifestFile, AnEntryWhosePathAnOutputCannotHaveIsDropped) {
  std::vector<std::string> problems;
  std::ofstream(file, std::ios::binary) << reference_json("1.2.3", "2024-06-30", k_awkward);
  Manifest m = Manifest::read(file, &problems);
  EXPECT_EQ(m.entries.size(), 1u);  // d/vide.txt
  EXPECT_EQ(problems.size(), 3u);
  for (const std::string& path :
       {std::string("../x"), std::string("/etc/passwd"), std::string(".tampon-lock")}) {
    problems.clear();
    std::ofstream(file, std::ios::binary)
        << R"({"files": [{"path": ")" + path + R"(", "emitter": "e", "sha256": "s", "size": 3}]})";
    EXPECT_TRUE(Manifest::read(file, &problems).entries.empty()) << path;
    EXPECT_EQ(problems.size(), 1u) << path;
  }
}

TEST_F(ManifestFile, ReadingAManifestAndWritingItAgainGivesTheSameBytes) {
  std::string text = reference_json("1.2.3", "2024-06-30", with_output_paths(k_awkward));
  Manifest m = read(text);
  ASSERT_EQ(m.entries.size(), 4u);
  EXPECT_EQ(m.tool_version, "1.2.3");
  EXPECT_EQ(m.as_of, "2024-06-30");
  const ManifestEntry& b = m.entries.at("b/barre-oblique.txt");
  EXPECT_EQ(b.size, 18446744073709551615u);
  EXPECT_EQ(b.emitter, "e");
  EXPECT_EQ(b.records_json, ManifestEntry::records_of(k_awkward[1].records));
  EXPECT_EQ(m.to_json(), text);
}

TEST_F(ManifestFile, UnknownFieldsAreIgnoredAndMissingOptionalOnesAreEmpty) {
  Manifest m = read(R"({"tool": "tampon", "futur": {"a": [1, {"b": null}]}, "files": [
      {"path": "x.txt", "emitter": "e", "size": 3, "sha256": "s", "autre": [[]]}]})");
  ASSERT_EQ(m.entries.size(), 1u);
  EXPECT_EQ(m.entries.at("x.txt").records_json, "");
  EXPECT_EQ(m.entries.at("x.txt").fingerprint, "");
  EXPECT_EQ(m.tool_version, "");
}

TEST_F(ManifestFile, ADamagedManifestReadsAsEmpty) {
  const std::string entry = R"("path": "x", "emitter": "e", "sha256": "s")";
  for (const std::string& text : {
           std::string(R"({"files": [{)") + entry + R"(, "size": "3"}]})",  // size as text
           std::string(R"({"files": [{)") + entry + R"(, "size": 3, "records": "r"}]})",
           std::string(R"({"files": [{)") + entry + R"(, "size": -3}]})",
           std::string(R"({"files": [{"emitter": "e", "sha256": "s", "size": 3}]})"),  // no path
           std::string(R"({"files": [{)") + entry + R"(, "size": 3}])",                // cut short
           std::string(R"({"files": {}})"),
           std::string(R"({"version": 2, "files": []})"),
           std::string(R"({"fichiers": []})"),
           std::string(R"([])"),
           std::string(""),
       }) {
    Manifest m = read(text);
    EXPECT_TRUE(m.entries.empty()) << text;
  }
  Manifest good = read(std::string(R"({"files": [{)") + entry + R"(, "size": 3}]})");
  EXPECT_EQ(good.entries.size(), 1u);  // the cases above fail for their one defect
}

// A manifest as Tampon writes it is read line by line (the fast way); the same document laid
// out otherwise goes through the JSON parser. Both must give the same entries, for plain
// strings (the fast way) and awkward ones (escapes, non-ASCII: the JSON parser), stale
// entries, empty record lists, a duplicate path, and each line of the layout broken in turn.
TEST_F(ManifestFile, TheFastWayAndTheJsonParserReadTheSameEntries) {
  auto same = [](const Manifest& a, const Manifest& b) {
    if (a.tool_version != b.tool_version || a.as_of != b.as_of ||
        a.entries.size() != b.entries.size())
      return false;
    for (auto i = a.entries.begin(), j = b.entries.begin(); i != a.entries.end(); ++i, ++j) {
      const ManifestEntry &x = i->second, &y = j->second;
      if (i->first != j->first || x.path != y.path || x.emitter != y.emitter || x.size != y.size ||
          x.sha256 != y.sha256 || x.records_json != y.records_json ||
          x.fingerprint != y.fingerprint || x.stale != y.stale)
        return false;
    }
    return true;
  };
  Manifest plain{"1.2.3", "2024-06-30", {}};
  plain.entries.emplace(
      "a.pdf", ManifestEntry{"a.pdf", "convention-pdf", 12, std::string(64, 'a'),
                             ManifestEntry::records_of({"convention:cv-1", "conseiller:cn-2"}),
                             std::string(64, 'f')});
  plain.entries.emplace("b/c.html", ManifestEntry{"b/c.html", "site", 0, "00", "", "fp", true});
  plain.entries.emplace("d.txt", ManifestEntry{"d.txt", "e", 18446744073709551615u, "s",
                                               ManifestEntry::records_of({"x:y z"}), "", false});
  Manifest awkward = manifest_of("1.2.3", "2024-06-30", with_output_paths(k_awkward));
  const Manifest* cases[] = {&plain, &awkward, nullptr};
  for (const Manifest* m : cases) {
    Manifest empty{"v", "2024-01-01", {}};
    const Manifest& in = m ? *m : empty;
    std::string written = in.to_json();
    std::string compact = nlohmann::json::parse(written).dump() + "\n";  // the JSON parser
    EXPECT_TRUE(same(read(written), in)) << written;
    EXPECT_TRUE(same(read(compact), in)) << compact;
    // Only a file as the writer writes it may be left as it is by a build that changes nothing.
    EXPECT_EQ(read(written).as_written, m != &awkward);
    EXPECT_FALSE(read(compact).as_written && !in.entries.empty());
  }
  // Each line of a written manifest damaged in turn: both ways read the result the same.
  std::string written = plain.to_json();
  for (std::size_t at = 0; at < written.size(); at = written.find('\n', at) + 1) {
    for (const std::string& damage : {std::string("\""), std::string(" "), std::string("0"),
                                      std::string("\\u0041"), std::string("é")}) {
      std::string text = written;
      text.insert(at + 4 <= text.size() ? at + 4 : at, damage);
      Manifest fast = read(text);
      // The same document, one value a line no more: the JSON parser alone reads it.
      Manifest general;
      try {
        general = read(nlohmann::json::parse(text).dump() + "\n");
      } catch (const nlohmann::json::exception&) {
        general = Manifest{};  // not JSON: damaged both ways
      }
      EXPECT_TRUE(same(fast, general)) << text;
    }
    if (written.find('\n', at) == std::string::npos) break;
  }
}

// The fast way reads through a window, not the whole file: a line cut by the window's edge,
// or longer than the window, must read as if the file had been read whole.
TEST_F(ManifestFile, AWindowSmallerThanALineReadsTheSameEntries) {
  Manifest in{"1.2.3", "2024-06-30", {}};
  for (int i = 0; i < 40; ++i) {
    std::string path = "justifications/s" + std::to_string(i) + "/2024-T1.xlsx";
    std::vector<std::string> records;
    for (int r = 0; r < i; ++r) records.push_back("rapport:cn-" + std::to_string(r) + "/2024-01");
    in.entries.emplace(
        path, ManifestEntry{path, "justification-xlsx", std::uintmax_t(i), std::string(64, 'a'),
                            ManifestEntry::records_of(records), std::string(64, 'f'), i % 7 == 3});
  }
  const std::string written = in.to_json();
  for (std::size_t window : {1, 2, 7, 63, 64, 65, 1000, 1 << 20}) {
    Manifest m = read(written, window);
    EXPECT_TRUE(m.as_written) << window;
    EXPECT_EQ(m.entries.size(), in.entries.size()) << window;
    EXPECT_EQ(m.to_json(), written) << window;
  }
  // Cut short or followed by more bytes: the general way decides, as with the whole file.
  for (std::size_t window : {1, 64, 1 << 20}) {
    EXPECT_TRUE(read(written.substr(0, written.size() - 3), window).entries.empty()) << window;
    EXPECT_FALSE(read(written + "x", window).as_written) << window;
    EXPECT_TRUE(read(written + "x", window).entries.empty()) << window;
    EXPECT_EQ(read(written + "\n  ", window).entries.size(), in.entries.size()) << window;
  }
}

// `tampon build` reads the previous manifest while the records load
// (write/previous_build_prefetch): what it takes under the lock is what reading the file then would
// give, and a manifest replaced or edited after it was read, removed, or planted as a link, is not
// taken.
TEST(PreviousBuildPrefetch, APrefetchedManifestIsTakenOnlyWhileTheFileIsTheOneRead) {
  const fs::path out =
      fs::temp_directory_path() / ("tampon-prefetch-" + std::to_string(::getpid()));
  fs::remove_all(out);
  fs::create_directories(out);
  const fs::path file = out / "manifest.json";
  Manifest in{"1.2.3", "2024-06-30", {}};
  in.entries.emplace(
      "a.pdf", ManifestEntry{"a.pdf", "e", 3, std::string(64, 'a'),
                             ManifestEntry::records_of({"convention:cv-1"}), std::string(64, 'f')});
  const std::string written = in.to_json();
  // As read: the same entries and the same problems (an entry naming a file outside --out).
  std::string with_escape = written;
  with_escape.insert(with_escape.find("    {"),
                     R"(    {"path": "../x", "emitter": "e", "size": 1, "sha256": "s"},)"
                     "\n");
  std::ofstream(file, std::ios::binary) << with_escape;
  {
    PreviousBuildPrefetch prefetch(out);
    std::vector<std::string> problems, expected;
    std::optional<Manifest> got = prefetch.take(out, problems);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->to_json(), Manifest::read(file, &expected).to_json());
    EXPECT_EQ(problems, expected);
    EXPECT_EQ(problems.size(), 1u);
  }
  // Replaced after it was read (another file renamed over it, as a commit does): not taken.
  std::ofstream(file, std::ios::binary) << written;
  {
    PreviousBuildPrefetch prefetch(out);
    prefetch.wait();
    fs::path other = out / "autre.json";
    std::ofstream(other, std::ios::binary) << written;
    fs::rename(other, file);
    std::vector<std::string> problems;
    EXPECT_FALSE(prefetch.take(out, problems).has_value());
  }
  // Edited in place after it was read, to the same size: not taken.
  {
    PreviousBuildPrefetch prefetch(out);
    prefetch.wait();
    std::string edited = written;
    edited[edited.find("cv-1")] = 'C';
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a later modification time
    std::ofstream(file, std::ios::binary | std::ios::in | std::ios::out) << edited;
    std::vector<std::string> problems;
    EXPECT_FALSE(prefetch.take(out, problems).has_value());
  }
  // Removed, or a link: not taken (the build reads it again, under the lock).
  {
    PreviousBuildPrefetch prefetch(out);
    prefetch.wait();
    fs::remove(file);
    std::vector<std::string> problems;
    EXPECT_FALSE(prefetch.take(out, problems).has_value());
  }
  std::ofstream(out / "vrai.json", std::ios::binary) << written;
  fs::create_symlink(out / "vrai.json", file);
  {
    PreviousBuildPrefetch prefetch(out);
    std::vector<std::string> problems;
    EXPECT_FALSE(prefetch.take(out, problems).has_value());
  }
  fs::remove_all(out);
}

TEST_F(ManifestFile, AMissingManifestReadsAsEmpty) {
  EXPECT_TRUE(Manifest::read(file).entries.empty());
}

// Someone else truncates and rewrites manifest.json in place while a build reads it (a sync
// client, an editor). The reader mapped the file: a page touched after the truncation killed
// the process with SIGBUS. Now each read gives the whole manifest or, from a torn copy, none.
TEST_F(ManifestFile, AManifestTruncatedWhileItIsReadIsNeverACrash) {
  std::ostringstream text;
  ManifestWriter writer(text, "1.2.3", "2024-06-30");
  constexpr std::size_t k_entries = 8000;
  for (std::size_t i = 0; i < k_entries; ++i) {
    char path[32];
    std::snprintf(path, sizeof path, "conventions/cv-%06zu.pdf", i);
    writer.begin_entry(path, "convention-pdf", 1000 + i, std::string(64, 'a'));
    writer.record("convention", path + 12);
    writer.end_entry(std::string(64, 'f'));
  }
  writer.finish();
  const std::string bytes = text.str();
  std::ofstream(file, std::ios::binary) << bytes;
  std::atomic<bool> done = false;
  std::thread rewriter([&] {
    int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    while (!done) {  // the same file (same inode) emptied, then written again
      ASSERT_EQ(::ftruncate(fd, 0), 0);
      ASSERT_EQ(::pwrite(fd, bytes.data(), bytes.size(), 0), static_cast<ssize_t>(bytes.size()));
    }
    ::close(fd);
  });
  std::size_t whole = 0, torn = 0;
  for (int i = 0; i < 150; ++i) {
    Manifest m = Manifest::read(file);
    if (m.entries.size() == k_entries)
      ++whole;
    else if (m.entries.empty())
      ++torn;
    else
      ADD_FAILURE() << m.entries.size() << " entries of " << k_entries;
  }
  done = true;
  rewriter.join();
  EXPECT_EQ(whole + torn, 150u);
}

// The stamps are read on the same thread (write/previous_build_prefetch): taken while
// .tampon-stamps is still the file read, then looking at --out as the build opens it (`known`
// answers from the stamp without hashing); not taken once replaced, removed or a link.
TEST(PreviousBuildPrefetch, PrefetchedStampsAreTakenOnlyWhileTheFileIsTheOneRead) {
  const fs::path out =
      fs::temp_directory_path() / ("tampon-prefetch-stamps-" + std::to_string(::getpid()));
  fs::remove_all(out);
  fs::create_directories(out);
  std::ofstream(out / "a.pdf", std::ios::binary) << "abc";
  const std::string sha(64, 'a');
  const fs::path file = out / OutputStamps::k_file_name;
  auto write_stamps = [&](const fs::path& to) {
    std::ofstream(to, std::ios::binary) << OutputStamps::text_of(out, {{"a.pdf", sha, nullptr}});
  };
  write_stamps(file);
  {
    PreviousBuildPrefetch prefetch(out);
    std::optional<OutputStamps> got = prefetch.take_stamps(out);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->size(), 1u);
    EXPECT_TRUE(got->known(out, "a.pdf", 3, sha));
    EXPECT_FALSE(got->known(out, "a.pdf", 3, std::string(64, 'b')));
  }
  // Taken once only.
  {
    PreviousBuildPrefetch prefetch(out);
    EXPECT_TRUE(prefetch.take_stamps(out).has_value());
    EXPECT_FALSE(prefetch.take_stamps(out).has_value());
  }
  // Replaced after it was read (as a commit or a recovery does): not taken.
  {
    PreviousBuildPrefetch prefetch(out);
    prefetch.wait();
    write_stamps(out / "autre");
    fs::rename(out / "autre", file);
    EXPECT_FALSE(prefetch.take_stamps(out).has_value());
  }
  // Removed, or a link: not taken.
  {
    PreviousBuildPrefetch prefetch(out);
    prefetch.wait();
    fs::remove(file);
    EXPECT_FALSE(prefetch.take_stamps(out).has_value());
  }
  write_stamps(out / "vrai");
  fs::create_symlink(out / "vrai", file);
  {
    PreviousBuildPrefetch prefetch(out);
    EXPECT_FALSE(prefetch.take_stamps(out).has_value());
  }
  fs::remove_all(out);
}

}  // namespace
}  // namespace tampon
