// What an edit re-renders: through `tampon build` (host fingerprints) and through the preview
// server's watcher, whose build loop runs the same build with the session and the site's state
// kept warm: both must touch only the edited page and its part of the search index when only
// a body changes, and record it in the manifest.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "host/build_pipeline.hpp"
#include "io/sha256.hpp"
#include "serve/watcher.hpp"
#include "site_fixture.hpp"

namespace {

using namespace tampon;
using namespace tampon::site_test;
using namespace std::chrono_literals;

/// Every file under a folder with its bytes.
std::map<std::string, std::string> files_under(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file())
      files[fs::relative(e.path(), root).generic_string()] = read_all(e.path());
  return files;
}

/// The files whose bytes differ (or that appeared or went) between two listings.
std::set<std::string> changed(const std::map<std::string, std::string>& before,
                              const std::map<std::string, std::string>& after) {
  std::set<std::string> out;
  for (const auto& [path, bytes] : after)
    if (!before.contains(path) || before.at(path) != bytes) out.insert(path);
  for (const auto& [path, bytes] : before)
    if (!after.contains(path)) out.insert(path);
  return out;
}

/// A guide section of three pages (b links to an anchor of a) and a page outside it.
void write_guide(Project& p) {
  p.write("content/guide/_index.md", "---\ntitle: Guide\nmenu: principal\norder: 1\n---\nIntro.\n");
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A.\n");
  p.write("content/guide/b.md", "---\ntitle: Page B\norder: 2\n---\nVoir [A](a.md#ancre).\n");
  p.write("content/autre.md", "---\ntitle: Autre\n---\nAilleurs.\n");
}

class CliRebuild : public ::testing::Test {
 protected:
  BuildReport build() {
    BuildOptions options;
    options.out_dir = p.dir / "out";
    options.jobs = 2;
    return run_build(p.model, {emitter.get()}, p.project, options);
  }
  Project p;
  std::unique_ptr<Emitter> emitter = make_site_emitter();
};

TEST_F(CliRebuild, EditingOnlyABodyRendersThatPageAndItsSearchPartAgain) {
  write_guide(p);
  ASSERT_EQ(count_errors(build().diagnostics), 0u);
  auto before = files_under(p.dir / "out" / "site");
  p.write("content/guide/a.md",
          "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A, complété.\n");
  BuildReport report = build();
  EXPECT_EQ(report.written, 2u);
  EXPECT_EQ(changed(before, files_under(p.dir / "out" / "site")),
            (std::set<std::string>{"guide/a/index.html", "recherche/index-1.json"}));
  EXPECT_NE(p.output("site/guide/a/index.html").find("Texte A, complété."), std::string::npos);
}

TEST_F(CliRebuild, EditingATitleRendersThePagesShowingItAndNotTheOthers) {
  write_guide(p);
  ASSERT_EQ(count_errors(build().diagnostics), 0u);
  auto before = files_under(p.dir / "out" / "site");
  p.write("content/guide/a.md",
          "---\ntitle: Page A renommée\norder: 1\n---\n## Ancre\n\nTexte A.\n");
  build();
  auto now = changed(before, files_under(p.dir / "out" / "site"));
  // The side menu of every guide page, the site map page, sitemap.xml, the index part.
  for (const char* path : {"guide/index.html", "guide/a/index.html", "guide/b/index.html",
                           "plan-du-site/index.html", "recherche/index-1.json"})
    EXPECT_TRUE(now.contains(path)) << path;
  EXPECT_FALSE(now.contains("autre/index.html"));
  EXPECT_FALSE(now.contains("index.html"));  // home: the guide's own title did not change
  EXPECT_NE(p.output("site/guide/b/index.html").find("Page A renommée"), std::string::npos);
}

/// `tampon serve`'s rebuild step on a project, without the HTTP side.
class ServeRebuild : public ::testing::Test {
 protected:
  cli::Options command(const fs::path& out) const {
    cli::Options options;
    options.project = p.dir;
    options.out = out;
    options.as_of = *Date::from_ymd(2024, 1, 1);
    options.quiet = true;
    options.jobs = 2;
    return options;
  }
  void start() {
    loop = std::make_unique<serve::BuildLoop>(command(p.dir / "out"), *emitter);
    ASSERT_EQ(count_errors(loop->build_all().findings), 0u);
    watcher = std::make_unique<serve::Watcher>(*loop, version);
  }
  fs::path site_dir() const { return p.dir / "out" / "site"; }
  /// What a full build of the files as they are now writes.
  std::map<std::string, std::string> fresh_build() {
    serve::BuildLoop fresh(command(p.dir / "fresh"), *emitter);
    EXPECT_EQ(count_errors(fresh.build_all().findings), 0u);
    return files_under(p.dir / "fresh" / "site");
  }
  /// Polls until the watcher sees the edit (the kernel reports it at once; the safety scan
  /// runs every 20 polls anyway).
  serve::PollResult poll() {
    serve::PollResult r;
    for (int i = 0; i < 40 && r.changed == 0; ++i) {
      r = watcher->poll();
      if (r.changed == 0) std::this_thread::sleep_for(5ms);
    }
    return r;
  }
  Project p;
  std::unique_ptr<Emitter> emitter = make_site_emitter();
  std::unique_ptr<serve::BuildLoop> loop;
  std::atomic<long> version{1};
  std::unique_ptr<serve::Watcher> watcher;
};

TEST_F(ServeRebuild, ABodyEditRewritesOnlyThatPageAndItsSearchPart) {
  write_guide(p);
  start();
  auto before = files_under(site_dir());
  p.write("content/guide/a.md",
          "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A, en direct.\n");
  serve::PollResult r = poll();
  EXPECT_TRUE(r.rebuilt);
  EXPECT_EQ(r.attempt.report.written, 2u);
  EXPECT_EQ(changed(before, files_under(site_dir())),
            (std::set<std::string>{"guide/a/index.html", "recherche/index-1.json"}));
  EXPECT_NE(read_all(site_dir() / "guide/a/index.html").find("Texte A, en direct."),
            std::string::npos);
  EXPECT_NE(read_all(site_dir() / "recherche/index-1.json").find("texte a, en direct."),
            std::string::npos);
  EXPECT_EQ(version.load(), 2);  // the open pages reload
  EXPECT_EQ(files_under(site_dir()), fresh_build());
}

/// Issue 14 point 2: serve builds through write/ and the manifest, so what it wrote is recorded
/// (the page's digest in manifest.json is the file's) and a later `tampon build --only site`
/// (a cold loop: the command's own steps) finds nothing to do.
TEST_F(ServeRebuild, ARebuildIsRecordedInTheManifestAndALaterBuildHasNothingToDo) {
  write_guide(p);
  start();
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A, servi.\n");
  ASSERT_TRUE(poll().rebuilt);
  auto manifest = nlohmann::json::parse(read_all(p.dir / "out" / "manifest.json"));
  std::string page_sha;
  std::size_t entries = 0;
  for (const auto& entry : manifest["files"]) {
    ++entries;
    if (entry["path"] == "site/guide/a/index.html") page_sha = entry["sha256"];
  }
  EXPECT_EQ(entries, files_under(site_dir()).size());
  EXPECT_EQ(page_sha, sha256_hex(read_all(site_dir() / "guide/a/index.html")));
  EXPECT_NE(read_all(site_dir() / "guide/a/index.html").find("Texte A, servi."), std::string::npos);

  serve::BuildLoop later(command(p.dir / "out"), *emitter);
  serve::Attempt build = later.build_all();
  EXPECT_EQ(count_errors(build.findings), 0u);
  EXPECT_EQ(build.report.written, 0u);
  EXPECT_EQ(build.report.removed, 0u);
  EXPECT_EQ(build.report.unchanged, entries);
  EXPECT_TRUE(build.report.wrote_nothing);
}

TEST_F(ServeRebuild, ATitleEditRewritesThePagesShowingItNotTheWholeSite) {
  write_guide(p);
  start();
  auto before = files_under(site_dir());
  p.write("content/guide/a.md",
          "---\ntitle: Page A renommée\norder: 1\n---\n## Ancre\n\nTexte A.\n");
  serve::PollResult r = poll();
  EXPECT_TRUE(r.rebuilt);
  auto now = changed(before, files_under(site_dir()));
  EXPECT_EQ(now,
            (std::set<std::string>{"guide/index.html", "guide/a/index.html", "guide/b/index.html",
                                   "plan-du-site/index.html", "recherche/index-1.json"}));
  EXPECT_NE(read_all(site_dir() / "guide/b/index.html").find("Page A renommée"), std::string::npos);
  EXPECT_EQ(files_under(site_dir()), fresh_build());  // as if built from scratch
}

TEST_F(ServeRebuild, AnEditorsHiddenFileRebuildsAndReloadsNothing) {
  write_guide(p);
  start();
  auto before = files_under(site_dir());
  p.write("content/guide/.a.md.swp", "état de l'éditeur");
  serve::PollResult r = poll();
  EXPECT_EQ(r.changed, 1u);  // seen…
  EXPECT_FALSE(r.rebuilt);   // …and ignored, as read_site ignores hidden files
  EXPECT_EQ(r.attempt.report.written, 0u);
  EXPECT_EQ(version.load(), 1);
  EXPECT_EQ(files_under(site_dir()), before);
}

TEST_F(ServeRebuild, AFolderCreatedWhereNothingWasWatchedIsFoundByThePeriodicScan) {
  write_guide(p);
  start();  // no data/ folder yet: the kernel cannot report what happens in it
  p.write("data/lisez-moi.txt", "notes");
  serve::PollResult r;
  int polls = 0;
  while (polls < 40 && r.changed == 0) {
    r = watcher->poll();
    ++polls;
  }
  EXPECT_GT(polls, 1);       // not seen at once…
  EXPECT_LE(polls, 20);      // …but within the 20 quiet polls between full scans
  EXPECT_TRUE(r.attempted);  // data changed: loaded and built again…
  EXPECT_FALSE(r.rebuilt);   // …to the same files
}

TEST_F(ServeRebuild, RemovingAnAnchorIsReportedInThePageLinkingToItUntilRestored) {
  write_guide(p);
  start();
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Autre titre\n\nTexte A.\n");
  serve::PollResult r = poll();
  EXPECT_FALSE(r.rebuilt);
  const Diagnostic* broken = find_code(r.attempt.findings, "site-broken-link");
  ASSERT_NE(broken, nullptr);
  EXPECT_EQ(broken->where.file, "content/guide/b.md");
  EXPECT_NE(read_all(site_dir() / "guide/a/index.html").find("Ancre"), std::string::npos);

  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A bis.\n");
  r = poll();
  EXPECT_TRUE(r.rebuilt);
  EXPECT_EQ(find_code(r.attempt.findings, "site-broken-link"), nullptr);
  EXPECT_NE(read_all(site_dir() / "guide/a/index.html").find("Texte A bis."), std::string::npos);
}

TEST_F(ServeRebuild, APageEditedWhileAnotherHasAnErrorIsWrittenOnceItIsFixed) {
  write_guide(p);
  start();
  auto before = files_under(site_dir());
  p.write("content/autre.md", "---\ntitle: Autre\n---\n[cassé](nulle-part.md)\n");
  EXPECT_FALSE(poll().rebuilt);
  p.write("content/guide/b.md", "---\ntitle: Page B\norder: 2\n---\nB modifiée.\n");
  EXPECT_FALSE(poll().rebuilt);  // the site still has an error: nothing written
  EXPECT_EQ(read_all(site_dir() / "guide/b/index.html").find("B modifiée."), std::string::npos);
  p.write("content/autre.md", "---\ntitle: Autre\n---\nRéparée.\n");
  serve::PollResult r = poll();
  EXPECT_TRUE(r.rebuilt);
  EXPECT_EQ(
      changed(before, files_under(site_dir())),
      (std::set<std::string>{"autre/index.html", "guide/b/index.html", "recherche/index-1.json"}));
  EXPECT_NE(read_all(site_dir() / "guide/b/index.html").find("B modifiée."), std::string::npos);
  EXPECT_NE(read_all(site_dir() / "autre/index.html").find("Réparée."), std::string::npos);
  EXPECT_EQ(files_under(site_dir()), fresh_build());
}

TEST_F(ServeRebuild, APageInANewFolderIsSeenAndBuilt) {
  write_guide(p);
  start();
  p.write("content/nouveau/page.md", "---\ntitle: Nouvelle\n---\nArrivée.\n");
  serve::PollResult r = poll();
  EXPECT_TRUE(r.rebuilt);
  EXPECT_NE(read_all(site_dir() / "nouveau/page/index.html").find("Arrivée."), std::string::npos);
  p.write("content/nouveau/page.md", "---\ntitle: Nouvelle\n---\nArrivée, puis modifiée.\n");
  r = poll();  // the new folder is watched too
  EXPECT_TRUE(r.rebuilt);
  EXPECT_NE(read_all(site_dir() / "nouveau/page/index.html").find("puis modifiée."),
            std::string::npos);
  EXPECT_EQ(files_under(site_dir()), fresh_build());
}

}  // namespace

namespace {

/// Between two of its builds serve takes the outputs as it left them only while the kernel
/// reports no other change under out/site (serve/out_watch.hpp): an output edited by hand, or
/// deleted, is written again at the next rebuild, as `tampon build` would.
TEST_F(ServeRebuild, AnOutputEditedOrDeletedByHandWhileServingIsWrittenAgain) {
  write_guide(p);
  start();
  for (int round = 0; round < 2; ++round) {  // the second round starts from trusted outputs
    p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A" +
                                      std::to_string(round) + ".\n");
    serve::PollResult r = poll();
    ASSERT_TRUE(r.rebuilt);
    EXPECT_EQ(r.attempt.report.written, 2u);  // nothing else was touched: nothing else written
  }
  std::ofstream(site_dir() / "autre" / "index.html", std::ios::trunc) << "falsifié";
  fs::remove(site_dir() / "guide" / "b" / "index.html");
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A2.\n");
  serve::PollResult r = poll();
  ASSERT_TRUE(r.rebuilt);
  EXPECT_EQ(r.attempt.report.written, 4u);
  EXPECT_EQ(files_under(site_dir()), fresh_build());
  // Then trusted again: the next edit writes its page and search part only.
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A3.\n");
  r = poll();
  ASSERT_TRUE(r.rebuilt);
  EXPECT_EQ(r.attempt.report.written, 2u);
  EXPECT_EQ(files_under(site_dir()), fresh_build());
}

/// A kept output's folder replaced by a link while serving is refused at the next rebuild,
/// even when the outputs were trusted before.
TEST_F(ServeRebuild, AKeptOutputsFolderReplacedByALinkWhileServingIsRefused) {
  write_guide(p);
  start();
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A1.\n");
  ASSERT_TRUE(poll().rebuilt);
  fs::create_directories(p.dir / "ailleurs");
  fs::rename(site_dir() / "autre", p.dir / "ailleurs" / "autre");
  fs::create_symlink("../../ailleurs/autre", site_dir() / "autre");
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A2.\n");
  serve::PollResult r = poll();
  EXPECT_FALSE(r.rebuilt);
  EXPECT_NE(find_code(r.attempt.findings, "output-failure"), nullptr);
  EXPECT_EQ(read_all(site_dir() / "guide" / "a" / "index.html").find("Texte A2."),
            std::string::npos);
}

/// Serve writes through write/ (the build's transaction): never through a link planted in
/// --out, reported as an `output-failure` error, the files outside untouched.
TEST_F(ServeRebuild, ThePreviewNeverWritesThroughALinkPlantedInOut) {
  write_guide(p);
  fs::create_directories(p.dir / "ailleurs");
  fs::create_directories(p.dir / "out");
  fs::create_symlink("../ailleurs", p.dir / "out" / "site");
  serve::BuildLoop first(command(p.dir / "out"), *emitter);
  EXPECT_NE(find_code(first.build_all().findings, "output-failure"), nullptr);
  EXPECT_TRUE(fs::is_empty(p.dir / "ailleurs"));
  // A link in place of a page's folder, once the site is there.
  fs::remove(p.dir / "out" / "site");
  start();
  fs::remove_all(site_dir() / "guide" / "a");
  fs::create_symlink("../../../ailleurs", site_dir() / "guide" / "a");
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A2.\n");
  serve::PollResult r = poll();
  EXPECT_FALSE(r.rebuilt);
  EXPECT_NE(find_code(r.attempt.findings, "output-failure"), nullptr);
  EXPECT_TRUE(fs::is_empty(p.dir / "ailleurs"));
}

}  // namespace
