// What an edit re-renders: through `tampon build` (host fingerprints) and through the preview
// server's watcher (the in-memory session), which must both touch only the edited page and
// its part of the search index when only a body changes.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "host/build_pipeline.hpp"
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
  void start() {
    options.project = p.project;
    options.out_dir = p.dir / "out";
    options.quiet = true;
    serve::UpdateStats stats;
    ASSERT_EQ(count_errors(session->build_all(p.model, site_dir(), stats)), 0u);
    watcher = std::make_unique<serve::Watcher>(options, *session, p.model, site_dir(), version);
  }
  fs::path site_dir() const { return p.dir / "out" / "site"; }
  /// What a full build of the files as they are now writes.
  std::map<std::string, std::string> fresh_build() {
    auto other = make_site_emitter();
    auto fresh = dynamic_cast<const serve::PreviewSource&>(*other).open_session(p.project, true);
    serve::UpdateStats stats;
    fresh->build_all(p.model, p.dir / "fresh" / "site", stats);
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
  std::unique_ptr<serve::SiteSession> session =
      dynamic_cast<const serve::PreviewSource&>(*emitter).open_session(p.project, true);
  serve::ServeOptions options;
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
  EXPECT_FALSE(r.stats.full);
  EXPECT_EQ(r.stats.pages_rendered, 1u);
  EXPECT_EQ(changed(before, files_under(site_dir())),
            (std::set<std::string>{"guide/a/index.html", "recherche/index-1.json"}));
  EXPECT_NE(read_all(site_dir() / "guide/a/index.html").find("Texte A, en direct."),
            std::string::npos);
  EXPECT_NE(read_all(site_dir() / "recherche/index-1.json").find("texte a, en direct."),
            std::string::npos);
  EXPECT_EQ(version.load(), 2);  // the open pages reload
  EXPECT_EQ(files_under(site_dir()), fresh_build());
}

TEST_F(ServeRebuild, ATitleEditRewritesThePagesShowingItNotTheWholeSite) {
  write_guide(p);
  start();
  auto before = files_under(site_dir());
  p.write("content/guide/a.md",
          "---\ntitle: Page A renommée\norder: 1\n---\n## Ancre\n\nTexte A.\n");
  serve::PollResult r = poll();
  EXPECT_TRUE(r.rebuilt);
  EXPECT_FALSE(r.stats.full);
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
  EXPECT_FALSE(r.stats.full);
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
  EXPECT_GT(polls, 1);   // not seen at once…
  EXPECT_LE(polls, 20);  // …but within the 20 quiet polls between full scans
  EXPECT_TRUE(r.rebuilt);
  EXPECT_TRUE(r.stats.full);  // data changed: everything is built again
}

TEST_F(ServeRebuild, RemovingAnAnchorIsReportedInThePageLinkingToItUntilRestored) {
  write_guide(p);
  start();
  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Autre titre\n\nTexte A.\n");
  serve::PollResult r = poll();
  EXPECT_FALSE(r.rebuilt);
  const Diagnostic* broken = find_code(r.findings, "site-broken-link");
  ASSERT_NE(broken, nullptr);
  EXPECT_EQ(broken->where.file, "content/guide/b.md");
  EXPECT_NE(read_all(site_dir() / "guide/a/index.html").find("Ancre"), std::string::npos);

  p.write("content/guide/a.md", "---\ntitle: Page A\norder: 1\n---\n## Ancre\n\nTexte A bis.\n");
  r = poll();
  EXPECT_TRUE(r.rebuilt);
  EXPECT_EQ(find_code(r.findings, "site-broken-link"), nullptr);
  EXPECT_NE(read_all(site_dir() / "guide/a/index.html").find("Texte A bis."), std::string::npos);
}

TEST_F(ServeRebuild, APageEditedWhileAnotherHasAnErrorIsWrittenOnceItIsFixed) {
  write_guide(p);
  start();
  p.write("content/autre.md", "---\ntitle: Autre\n---\n[cassé](nulle-part.md)\n");
  EXPECT_FALSE(poll().rebuilt);
  p.write("content/guide/b.md", "---\ntitle: Page B\norder: 2\n---\nB modifiée.\n");
  EXPECT_FALSE(poll().rebuilt);  // the site still has an error: nothing written
  EXPECT_EQ(read_all(site_dir() / "guide/b/index.html").find("B modifiée."), std::string::npos);
  p.write("content/autre.md", "---\ntitle: Autre\n---\nRéparée.\n");
  serve::PollResult r = poll();
  EXPECT_TRUE(r.rebuilt);
  EXPECT_EQ(r.stats.pages_rendered, 2u);
  EXPECT_NE(read_all(site_dir() / "guide/b/index.html").find("B modifiée."), std::string::npos);
  EXPECT_NE(read_all(site_dir() / "autre/index.html").find("Réparée."), std::string::npos);
}

TEST_F(ServeRebuild, APageInANewFolderIsSeenAndBuilt) {
  write_guide(p);
  start();
  p.write("content/nouveau/page.md", "---\ntitle: Nouvelle\n---\nArrivée.\n");
  serve::PollResult r = poll();
  EXPECT_TRUE(r.rebuilt);
  EXPECT_TRUE(r.stats.full);  // a new page changes the menus and the site map
  EXPECT_NE(read_all(site_dir() / "nouveau/page/index.html").find("Arrivée."), std::string::npos);
  p.write("content/nouveau/page.md", "---\ntitle: Nouvelle\n---\nArrivée, puis modifiée.\n");
  r = poll();  // the new folder is watched too
  EXPECT_TRUE(r.rebuilt);
  EXPECT_FALSE(r.stats.full);
  EXPECT_NE(read_all(site_dir() / "nouveau/page/index.html").find("puis modifiée."),
            std::string::npos);
}

}  // namespace

namespace {

TEST_F(ServeRebuild, ThePreviewNeverWritesThroughALinkPlantedInOut) {
  write_guide(p);
  fs::create_directories(p.dir / "ailleurs");
  fs::create_directories(p.dir / "out");
  fs::create_symlink("../ailleurs", p.dir / "out" / "site");
  serve::UpdateStats stats;
  EXPECT_THROW(session->build_all(p.model, site_dir(), stats), Fatal);
  EXPECT_TRUE(fs::is_empty(p.dir / "ailleurs"));
  // A link in place of a page's folder, once the site is there.
  fs::remove(p.dir / "out" / "site");
  ASSERT_EQ(count_errors(session->build_all(p.model, site_dir(), stats)), 0u);
  fs::remove_all(site_dir() / "guide" / "a");
  fs::create_symlink("../../../ailleurs", site_dir() / "guide" / "a");
  EXPECT_THROW(session->build_all(p.model, site_dir(), stats), Fatal);
  EXPECT_TRUE(fs::is_empty(p.dir / "ailleurs"));
}

}  // namespace
