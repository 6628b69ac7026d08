// out/ as a transaction (issue "out/ is a transaction"): each defect reproduced, then proven
// gone. A build is killed at every rename of its commit, fails at chosen system calls, runs
// beside another build, and meets tampered manifests and planted links.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "fake_emitter.hpp"
#include "host/build_pipeline.hpp"
#include "write/manifest.hpp"
#include "write/manifest_memory.hpp"
#include "write/output_stamps.hpp"
#include "write/output_tree.hpp"

namespace tampon {
namespace {
namespace fs = std::filesystem;
using testing::FakeEmitter;
using testing::job;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The outputs of a folder as a reader sees them (the tool's dot files aside).
std::map<std::string, std::string> outputs(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string rel = fs::relative(it->path(), root).generic_string();
    if (rel.starts_with(".tampon")) {
      if (it->is_directory()) it.disable_recursion_pending();
      if (rel != ".tampon-lock" && rel != ".tampon-stamps" && rel != ".tampon-plans")
        files[rel] = "(reste)";
      continue;
    }
    if (it->is_symlink())
      files[rel] = "(lien)";
    else if (it->is_directory())
      files[rel + "/"] = "";
    else
      files[rel] = read(it->path());
  }
  return files;
}

// Fails or ends the process at the n-th call of a kind.
class Faults final : public FaultInjector {
 public:
  Faults(FsOp op, int at, int error) : m_op(op), m_at(at), m_error(error) {}
  int before(FsOp op, std::string_view) const override {
    if (op != m_op || ++m_seen != m_at) return 0;
    if (m_error == 0) ::_exit(99);  // a crash: nothing after this call happens
    return m_error;
  }

 private:
  FsOp m_op;
  int m_at, m_error;
  mutable std::atomic<int> m_seen{0};
};

class Transaction : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("tampon-tx-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
            std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "project");
    project = ProjectContext{root / "project", root / "shipped"};
    options.out_dir = root / "out";
    options.jobs = 2;
  }
  void TearDown() override { fs::remove_all(root); }
  BuildReport build(const std::vector<const Emitter*>& emitters) {
    return run_build(model, emitters, project, options);
  }
  fs::path root;
  ProjectContext project;
  BuildOptions options;
  Model model;
};

// The first build, then one that changes, adds (in a new folder and an old one) and removes.
std::vector<OutputJob> old_jobs() {
  return {job("a/un.txt"),       job("a/deux.txt"),     job("b/trois.txt"),
          job("b/c/quatre.txt"), job("vieux/cinq.txt"), job("zz")};
}
std::vector<OutputJob> new_jobs() {
  return {job("a/un.txt"),        job("a/six.txt"),       job("b/trois.txt", "memory"),
          job("neuf/x/sept.txt"), job("neuf/y/huit.txt"), job("zz/dedans.txt"),
          job("b/c/quatre.txt")};
}

// Every field of every entry, as a comparable text. (Not `as_written`: the reader says it only
// of files it could read the fast way, which an escaped record name is not; a kept manifest is
// by definition what the writer wrote.)
std::string manifest_text(const Manifest& m) {
  std::ostringstream out;
  out << m.tool_version << "|" << m.as_of << "\n";
  for (const auto& [path, e] : m.entries)
    out << path << "|" << e.path << "|" << e.emitter << "|" << e.size << "|" << e.sha256 << "|"
        << e.records_json << "|" << e.fingerprint << "|" << e.stale << "\n";
  return out.str();
}

// serve keeps the manifest it committed (BuildOptions::manifest_memory): what it keeps is what
// reading manifest.json gives back, and a manifest changed by anyone else is read from disk.
TEST_F(Transaction, AManifestKeptInMemoryIsTheFileAsReadAndAnEditedOneIsReadAgain) {
  ManifestMemory memory;
  options.manifest_memory = &memory;
  std::vector<RecordRef> reads = {{RecordKind::Convention, "cv-1"},
                                  {RecordKind::Structure, "s \"é\"\\1"}};
  FakeEmitter first("alpha", {job("a/un.txt", "ok", reads), job("b/deux.txt"), job("c.txt")});
  ASSERT_EQ(count_errors(build({&first}).diagnostics), 0u);
  ASSERT_TRUE(memory.identity.has_value());
  fs::path file = options.out_dir / "manifest.json";
  EXPECT_EQ(manifest_text(memory.manifest), manifest_text(Manifest::read(file)));
  // Kept entries, a new one, a changed one, a removed one: taken from memory, kept again.
  first.content_version = 2;
  FakeEmitter second("alpha", {job("a/un.txt", "ok", reads), job("b/deux.txt", "memory"),
                               job("d/quatre.txt", "ok", {reads[1]})});
  ASSERT_EQ(count_errors(build({&second}).diagnostics), 0u);
  EXPECT_EQ(manifest_text(memory.manifest), manifest_text(Manifest::read(file)));
  // Edited by hand: the identity no longer matches, the file is read (and trusted no more than
  // any manifest): the entry it spoils is rendered again.
  std::string text;
  {
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  auto at = text.find("\"sha256\": \"") + 11;
  text[at] = text[at] == '0' ? '1' : '0';
  std::ofstream(file, std::ios::trunc) << text;
  BuildReport again = build({&second});
  EXPECT_EQ(count_errors(again.diagnostics), 0u);
  EXPECT_GE(again.written, 1u);
  EXPECT_EQ(manifest_text(memory.manifest), manifest_text(Manifest::read(file)));
  // Removed: nothing kept is used, everything is rendered again.
  fs::remove(file);
  BuildReport fresh = build({&second});
  EXPECT_EQ(fresh.written, 3u);
  EXPECT_EQ(manifest_text(memory.manifest), manifest_text(Manifest::read(file)));
}

// Every call a build makes that changes --out or flushes it, in order: (kind, path).
class CallLog final : public FaultInjector {
 public:
  int before(FsOp op, std::string_view path) const override {
    std::lock_guard lock(m_mutex);
    calls.emplace_back(op, std::string(path));
    return 0;
  }
  std::vector<std::string> syncs() const {
    std::vector<std::string> out;
    for (const auto& [op, path] : calls)
      if (op == FsOp::Sync) out.push_back(path);
    return out;
  }
  mutable std::vector<std::pair<FsOp, std::string>> calls;

 private:
  mutable std::mutex m_mutex;
};

// A commit of a few files flushes those (fsync), not the whole file system (syncfs waits for
// every other program's unwritten data there); a large one flushes the file system.
TEST_F(Transaction, ASmallCommitFlushesItsOwnFilesAndALargeOneTheWholeFileSystem) {
  FakeEmitter before("alpha", old_jobs());
  ASSERT_EQ(count_errors(build({&before}).diagnostics), 0u);
  CallLog small;
  options.faults = &small;
  FakeEmitter after("alpha", new_jobs());
  after.content_version = 2;
  ASSERT_EQ(count_errors(build({&after}).diagnostics), 0u);
  std::vector<std::string> synced = small.syncs();
  auto has = [&](const std::string& path) {
    return std::find(synced.begin(), synced.end(), path) != synced.end();
  };
  EXPECT_FALSE(has("")) << "syncfs for a small commit";
  EXPECT_TRUE(has(".tampon-tmp/tool-journal"));
  EXPECT_TRUE(has(".tampon-tmp"));
  EXPECT_TRUE(has(".tampon-stamps"));
  EXPECT_TRUE(has("."));
  EXPECT_TRUE(has("a"));  // a/six.txt placed
  // New folders go in whole: every file under them was flushed before the commit point.
  EXPECT_TRUE(has(".tampon-tmp/tree/neuf/x/sept.txt"));
  EXPECT_TRUE(has(".tampon-tmp/tree/neuf/y"));
  EXPECT_TRUE(has(".tampon-tmp/tree/neuf"));
  std::size_t staged_files = 0;
  for (const auto& path : synced)
    staged_files += path.starts_with(".tampon-tmp/") && path.ends_with(".txt");
  // six, sept, huit, dedans (un, trois and quatre are unchanged)
  EXPECT_EQ(staged_files, 4u) << ::testing::PrintToString(synced);

  CallLog large;
  options.faults = &large;
  options.max_files_synced_one_by_one = 3;
  FakeEmitter back("alpha", old_jobs());
  ASSERT_EQ(count_errors(build({&back}).diagnostics), 0u);
  EXPECT_EQ(large.syncs(), (std::vector<std::string>{"", ""}));
}

TEST_F(Transaction, AKillAtAnyCallOfTheCommitLeavesTheOldOrTheNewBuild) {
  // Both barriers: file by file (a small commit) and syncfs (a large one).
  for (std::size_t limit : {std::size_t{256}, std::size_t{0}})
    for (FsOp op : {FsOp::Rename, FsOp::Sync, FsOp::Write, FsOp::Remove}) {
      bool finished = false;
      for (int at = 1; !finished && at < 200; ++at) {
        fs::remove_all(options.out_dir);
        FakeEmitter before("alpha", old_jobs());
        ASSERT_EQ(count_errors(build({&before}).diagnostics), 0u);
        auto old_state = outputs(options.out_dir);
        pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {  // the build that crashes
          Faults crash(op, at, 0);
          FakeEmitter after("alpha", new_jobs());
          after.content_version = 2;
          BuildOptions o = options;
          o.jobs = 1;
          o.faults = &crash;
          o.max_files_synced_one_by_one = limit;
          try {
            run_build(Model{}, {&after}, project, o);
          } catch (...) {
            ::_exit(2);
          }
          ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFEXITED(status));
        finished = WEXITSTATUS(status) == 0;  // no call left to crash at
        {
          OutputTree next(options.out_dir);  // what the next build does first
          next.open();
        }
        auto state = outputs(options.out_dir);
        // The new build, made without a crash, from the previous one (as in the user's folder).
        FakeEmitter first("alpha", old_jobs());
        BuildOptions o = options;
        o.out_dir = root / "propre-incr";
        fs::remove_all(o.out_dir);
        run_build(model, {&first}, project, o);
        FakeEmitter second("alpha", new_jobs());
        second.content_version = 2;
        run_build(model, {&second}, project, o);
        auto new_state = outputs(o.out_dir);
        EXPECT_TRUE(state == old_state || state == new_state)
            << "crash at call " << at << " of kind " << static_cast<int>(op) << ", limit " << limit;
        // And a later build from the previous inputs gives exactly the previous build.
        FakeEmitter again("alpha", old_jobs());
        ASSERT_EQ(count_errors(build({&again}).diagnostics), 0u);
        EXPECT_EQ(outputs(options.out_dir), old_state) << "after a crash at call " << at;
      }
      EXPECT_TRUE(finished);
    }
}

TEST_F(Transaction, AFailureBeforeTheCommitPointLeavesOutExactlyAsItWas) {
  FakeEmitter before("alpha", old_jobs());
  build({&before});
  auto old_state = outputs(options.out_dir);
  for (auto [op, error] : {std::pair{FsOp::Write, ENOSPC}, std::pair{FsOp::Sync, EIO},
                           std::pair{FsOp::Rename, EROFS}}) {
    Faults faults(op, 1, error);
    options.faults = &faults;
    FakeEmitter after("alpha", new_jobs());
    after.content_version = 2;
    try {
      build({&after});
      ADD_FAILURE() << "no failure for op " << static_cast<int>(op);
    } catch (const Fatal& e) {
      if (error == ENOSPC) {
        EXPECT_NE(std::string(e.what()).find("disque plein"), std::string::npos);
      }
    }
    EXPECT_EQ(outputs(options.out_dir), old_state);
    EXPECT_FALSE(fs::exists(options.out_dir / ".tampon-journal"));
  }
}

TEST_F(Transaction, AFailureAfterTheCommitPointIsFinishedByTheNextBuild) {
  FakeEmitter before("alpha", old_jobs());
  build({&before});
  Faults faults(FsOp::Rename, 3, EIO);  // the journal's rename, then two outputs
  options.faults = &faults;
  FakeEmitter after("alpha", new_jobs());
  after.content_version = 2;
  EXPECT_THROW(build({&after}), Fatal);
  EXPECT_TRUE(fs::exists(options.out_dir / ".tampon-journal"));
  options.faults = nullptr;
  auto report = build({&after});  // finishes the interrupted commit first
  ASSERT_EQ(count_errors(report.diagnostics), 0u);
  bool told = false;
  for (const auto& d : report.diagnostics) told |= d.code == "interrupted-build";
  EXPECT_TRUE(told);
  EXPECT_EQ(report.written, 0u);  // everything was in place already
  EXPECT_EQ(read(options.out_dir / "a" / "six.txt"), "contenu de a/six.txt v2");
  EXPECT_FALSE(fs::exists(options.out_dir / "vieux"));
}

TEST_F(Transaction, ATamperedManifestCannotDeleteOrTrustFilesOutsideOut) {
  std::ofstream(root / "victime.txt") << "à garder";
  std::ofstream(root / "victime-absolue.txt") << "à garder";
  FakeEmitter e("alpha", {job("a/un.txt")});
  build({&e});
  std::string manifest = read(options.out_dir / "manifest.json");
  std::string planted;
  for (std::string path : {std::string("../victime.txt"), (root / "victime-absolue.txt").string(),
                           std::string(".tampon-lock"), std::string("a/../../victime.txt")})
    planted += "{\"path\": \"" + path +
               "\", \"emitter\": \"alpha\", \"size\": 9, \"sha256\": \"x\", \"records\": []},";
  manifest.replace(manifest.find("\"files\": [") + 10, 0, planted);
  std::ofstream(options.out_dir / "manifest.json") << manifest;
  auto report = build({&e});
  EXPECT_EQ(report.removed, 0u);
  EXPECT_EQ(read(root / "victime.txt"), "à garder");
  EXPECT_EQ(read(root / "victime-absolue.txt"), "à garder");
  std::size_t warnings = 0;
  for (const auto& d : report.diagnostics) warnings += d.code == "manifest-ignored";
  EXPECT_EQ(warnings, 4u);
  EXPECT_EQ(read(options.out_dir / "manifest.json").find("victime"), std::string::npos);
}

TEST_F(Transaction, AManifestThatIsNotARegularFileIsIgnoredNeverWaitedOn) {
  fs::create_directories(options.out_dir);
  ASSERT_EQ(::mkfifo((options.out_dir / "manifest.json").c_str(), 0644), 0);
  FakeEmitter e("alpha", {job("a/un.txt")});
  auto report = build({&e});  // a FIFO read would block forever
  EXPECT_EQ(count_errors(report.diagnostics), 0u);
  EXPECT_EQ(report.diagnostics.at(0).code, "manifest-ignored");
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(options.out_dir / "manifest.json")));
  // A folder in its place cannot be replaced: a clear failure before anything is rendered.
  fs::remove(options.out_dir / "manifest.json");
  fs::create_directories(options.out_dir / "manifest.json" / "dedans");
  try {
    build({&e});
    ADD_FAILURE() << "a folder named manifest.json was accepted";
  } catch (const Fatal& error) {
    EXPECT_NE(std::string(error.what()).find("est un dossier"), std::string::npos);
  }
  EXPECT_EQ(e.renders, 1);
}

TEST_F(Transaction, NoWriteFollowsALinkPlantedInOut) {
  fs::create_directories(root / "ailleurs");
  std::ofstream(root / "victime.txt") << "à garder";
  fs::create_directories(options.out_dir);
  // The old predictable temporary names, and the staging folder itself.
  fs::create_symlink("../victime.txt", options.out_dir / "manifest.json.tampon-tmp");
  fs::create_symlink("../ailleurs", options.out_dir / ".tampon-tmp");
  fs::create_symlink("../victime.txt", options.out_dir / ".tampon-journal");
  FakeEmitter e("alpha", {job("site/index.html"), job("a/un.txt", "memory")});
  auto report = build({&e});
  EXPECT_EQ(count_errors(report.diagnostics), 0u);
  EXPECT_EQ(read(root / "victime.txt"), "à garder");
  EXPECT_TRUE(fs::is_empty(root / "ailleurs"));
  // A folder of the outputs replaced by a link: refused, nothing written through it.
  fs::remove_all(options.out_dir / "site");
  fs::create_symlink("../ailleurs", options.out_dir / "site");
  options.force = true;
  EXPECT_THROW(build({&e}), Fatal);
  EXPECT_TRUE(fs::is_empty(root / "ailleurs"));
}

// The folders of outputs kept as they are (unchanged) are checked too: moved elsewhere and
// replaced by a link, their files have the same bytes, yet the build refuses the link.
TEST_F(Transaction, AFolderOfUnchangedOutputsReplacedByALinkIsRefused) {
  FakeEmitter e("alpha", {job("site/index.html"), job("a/un.txt", "memory")});
  ASSERT_EQ(count_errors(build({&e}).diagnostics), 0u);
  fs::rename(options.out_dir / "site", root / "ailleurs");
  fs::create_symlink("../ailleurs", options.out_dir / "site");
  EXPECT_THROW(build({&e}), Fatal);
  EXPECT_TRUE(fs::is_symlink(options.out_dir / "site"));
}

// A rebuild that changes nothing leaves --out untouched: no manifest written, no commit (the
// same inodes, no journal); one file edited by hand is rendered again and committed.
TEST_F(Transaction, ARebuildThatChangesNothingLeavesOutUntouched) {
  FakeEmitter e("alpha", {job("site/index.html"), job("a/un.txt", "memory")});
  ASSERT_EQ(count_errors(build({&e}).diagnostics), 0u);
  auto inode = [&](const char* name) {
    struct stat st {};
    EXPECT_EQ(::lstat((options.out_dir / name).c_str(), &st), 0) << name;
    return st.st_ino;
  };
  auto manifest = inode("manifest.json"), stamps = inode(".tampon-stamps");
  std::string text = read(options.out_dir / "manifest.json");
  auto again = build({&e});
  EXPECT_TRUE(again.wrote_nothing);
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(inode("manifest.json"), manifest);
  EXPECT_EQ(inode(".tampon-stamps"), stamps);
  std::ofstream(options.out_dir / "a" / "un.txt") << "modifié";
  auto fixed = build({&e});
  EXPECT_FALSE(fixed.wrote_nothing);
  EXPECT_EQ(fixed.written, 1u);
  EXPECT_EQ(read(options.out_dir / "manifest.json"), text);
}

TEST_F(Transaction, AnOutputLeftAsALinkIsAnErrorNotPublished) {
  FakeEmitter e("alpha", {job("a/lien.txt", "symlink"), job("a/bon.txt")});
  auto report = build({&e});
  EXPECT_EQ(count_errors(report.diagnostics), 1u);
  EXPECT_FALSE(fs::exists(fs::symlink_status(options.out_dir / "a" / "lien.txt")));
}

TEST_F(Transaction, AnOutputEditedByHandIsRenderedAgainEvenWithItsSize) {
  FakeEmitter e("alpha", {job("a/un.txt"), job("a/deux.txt")});
  build({&e});
  std::string good = read(options.out_dir / "a" / "un.txt");
  std::string edited = good;
  edited[0] = 'X';  // same size, same fingerprint: only the content tells
  std::ofstream(options.out_dir / "a" / "un.txt") << edited;
  auto report = build({&e});
  EXPECT_EQ(report.written, 1u);
  EXPECT_EQ(report.unchanged, 1u);
  EXPECT_EQ(read(options.out_dir / "a" / "un.txt"), good);
  // Without the stamps (deleted, damaged) every file is checked by its content instead.
  std::ofstream(options.out_dir / ".tampon-stamps") << "n'importe quoi";
  std::ofstream(options.out_dir / "a" / "deux.txt") << edited;
  report = build({&e});
  EXPECT_EQ(report.written, 1u);
  EXPECT_EQ(report.unchanged, 1u);
}

// A rebuild stats only the files it places: the stamps of unchanged outputs are the ones seen
// when their SHA-256 was checked, those of other emitters' outputs the ones recorded before.
// They must be exactly what stat'ing every file would give, and still catch a hand edit.
TEST_F(Transaction, StampsCarriedOverEqualFreshOnesAndStillCatchAnEdit) {
  FakeEmitter alpha("alpha", {job("a/un.txt"), job("a/deux.txt"), job("b/trois.txt")});
  FakeEmitter beta("beta", {job("c/quatre.txt"), job("c/cinq.txt", "memory")});
  ASSERT_EQ(count_errors(build({&alpha, &beta}).diagnostics), 0u);
  auto changed = job("a/un.txt");
  changed.fingerprint = "autre";  // rendered again; a/deux.txt and b/trois.txt unchanged
  FakeEmitter alpha2("alpha", {changed, job("a/deux.txt"), job("b/trois.txt")});
  auto report = build({&alpha2});  // beta does not run: its entries are kept
  ASSERT_EQ(count_errors(report.diagnostics), 0u);
  EXPECT_EQ(report.written, 1u);
  EXPECT_EQ(report.unchanged, 2u);
  std::vector<std::string> problems;
  Manifest manifest = Manifest::read(options.out_dir / "manifest.json", &problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(manifest.entries.size(), 5u);
  std::vector<StampedOutput> all;
  for (const auto& [path, entry] : manifest.entries) all.push_back({path, entry.sha256});
  EXPECT_EQ(read(options.out_dir / ".tampon-stamps"), OutputStamps::text_of(options.out_dir, all));

  // Edited by hand, same size: one output kept unchanged, one of the emitter that did not run.
  for (const char* name : {"a/deux.txt", "c/quatre.txt"}) {
    std::string text = read(options.out_dir / name);
    text[0] = 'X';
    std::ofstream(options.out_dir / name, std::ios::trunc) << text;
  }
  auto outputs_now = [&] { return outputs(options.out_dir); };
  report = build({&alpha2, &beta});
  EXPECT_EQ(report.written, 2u);
  EXPECT_EQ(report.unchanged, 3u);
  auto incremental = outputs_now();
  fs::remove_all(options.out_dir);
  ASSERT_EQ(count_errors(build({&alpha2, &beta}).diagnostics), 0u);
  EXPECT_EQ(incremental, outputs_now());  // byte for byte, manifest included
}

TEST_F(Transaction, TwoBuildsIntoOneFolderTakeTurns) {
  std::atomic<int> waits{0};
  options.on_wait = [&] { ++waits; };
  std::atomic<int> failures{0};
  auto builder = [&](int version) {
    for (int i = 0; i < 8; ++i) {
      FakeEmitter e("alpha", {job("a/un.txt"), job("b/deux.txt"), job("c/" + std::to_string(i))});
      e.content_version = version;
      BuildOptions o = options;
      o.force = true;
      try {
        if (count_errors(run_build(model, {&e}, project, o).diagnostics)) ++failures;
      } catch (const std::exception&) {
        ++failures;
      }
    }
  };
  {
    std::jthread one(builder, 1);
    std::jthread two(builder, 2);
  }
  EXPECT_EQ(failures, 0);
  // Whatever the order, the folder is one whole build: the manifest lists exactly its files.
  Manifest m = Manifest::read(options.out_dir / "manifest.json");
  auto files = outputs(options.out_dir);
  std::size_t listed = 0;
  for (const auto& [path, content] : files) {
    if (path.ends_with("/") || path == "manifest.json") continue;
    ASSERT_TRUE(m.entries.contains(path)) << path;
    ++listed;
  }
  EXPECT_EQ(listed, m.entries.size());
  EXPECT_EQ(files["a/un.txt"].back(), files["b/deux.txt"].back());  // same version
}

// A first build that fails removes the folder it made, lock file included. A build that was
// waiting on that lock must not go on holding a lock on an unlinked file: a third build would
// then lock the new file and both would write into --out at once.
TEST_F(Transaction, ABuildThatWaitedOnAFailedFirstBuildHoldsTheLockOutNames) {
  std::promise<void> waiting, opened, release;
  auto first = std::make_unique<OutputTree>(options.out_dir);
  first->open();
  std::jthread second_build([&] {
    OutputTree second(options.out_dir, {.on_wait = [&] { waiting.set_value(); }});
    second.open();
    opened.set_value();
    release.get_future().wait();
  });
  waiting.get_future().wait();
  first.reset();  // fails without committing: its folder and lock file go
  opened.get_future().wait();
  bool folder = fs::is_directory(options.out_dir);
  int fd = ::open((options.out_dir / ".tampon-lock").c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
  bool third_locks = fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  if (fd >= 0) ::close(fd);
  release.set_value();  // before any assertion: the second build's thread must end
  EXPECT_TRUE(folder);
  EXPECT_GE(fd, 0) << "the lock file the waiting build holds is gone";
  EXPECT_FALSE(third_locks) << "a third build could lock --out beside the second";
}

}  // namespace
}  // namespace tampon
