#include <gtest/gtest.h>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "serve/serve.hpp"
#include "serve/site_server.hpp"
#include "site_fixture.hpp"

namespace {

using namespace tampon;
using namespace tampon::site_test;
using namespace std::chrono_literals;

/// `tampon serve --project P --out P/out --as-of 2024-01-01 --port 0 --quiet`.
serve::ServeOptions serve_options(const Project& p, const Emitter& site) {
  serve::ServeOptions options;
  options.command.project = p.dir;
  options.command.as_of = *Date::from_ymd(2024, 1, 1);
  options.command.out = p.dir / "out";
  options.command.port = 0;
  options.command.quiet = true;
  options.site = &site;
  options.poll_interval = 20ms;
  return options;
}

TEST(ServeResolve, MapsFoldersToTheirIndexPage) {
  Project p;
  p.write("out/site/guide/index.html", "x");
  auto file = serve::resolve_request(p.dir / "out" / "site", "/guide/");
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->filename(), "index.html");
}

TEST(ServeScript, GoesBeforeTheLastClosingBodyTag) {
  EXPECT_EQ(serve::with_preview_script("<p>x</p>\n</body>\n</html>\n"),
            "<p>x</p>\n<script src=\"/__tampon/apercu.js\"></script></body>\n</html>\n");
  EXPECT_EQ(serve::with_preview_script("<p>x</p>"),
            "<p>x</p><script src=\"/__tampon/apercu.js\"></script>");
}

TEST(ServeResolve, RefusesEveryPathLeavingTheSiteFolder) {
  Project p;
  p.write("out/site/index.html", "x");
  p.write("out/secret.txt", "secret");
  fs::create_directory_symlink(p.dir / "out", p.dir / "out" / "site" / "lien");
  fs::path site = p.dir / "out" / "site";
  for (const char* path :
       {"/../secret.txt", "/./../secret.txt", "/lien/secret.txt", "/..%2fsecret.txt",
        "/a/../../secret.txt", "/..\\secret.txt", "secret.txt", "/C:/secret.txt"})
    EXPECT_FALSE(serve::resolve_request(site, path).has_value()) << path;
  EXPECT_TRUE(serve::resolve_request(site, "/index.html").has_value());
}

TEST(Serve, BuildsServesAndRebuildsAnEditedPage) {
  Project p;
  p.write("content/a.md", "---\ntitle: Avant\n---\nTexte initial.\n");
  auto emitter = make_site_emitter();
  serve::ServeOptions options = serve_options(p, *emitter);
  std::atomic<int> port{0};
  std::atomic<bool> stop{false};
  options.on_listening = [&](int actual) { port = actual; };
  options.should_stop = [&] { return stop.load(); };
  std::thread server([&] { EXPECT_EQ(serve::serve_site(options), 0); });
  for (int i = 0; i < 500 && port == 0; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_NE(port.load(), 0);

  httplib::Client client("127.0.0.1", port);
  auto page = client.Get("/a/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Texte initial."), std::string::npos);
  EXPECT_NE(page->body.find("/__tampon/apercu.js"), std::string::npos);  // live reload script
  // …added as the page is served: the file is what `tampon build` writes.
  EXPECT_EQ(read_all(p.dir / "out" / "site" / "a" / "index.html").find("apercu.js"),
            std::string::npos);
  EXPECT_TRUE(fs::exists(p.dir / "out" / "manifest.json"));
  EXPECT_EQ(client.Get("/a")->status, 302);
  auto missing = client.Get("/../../etc/passwd");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body.find("root:"), std::string::npos);
  std::string before = client.Get("/__tampon/version")->body;

  std::this_thread::sleep_for(50ms);
  p.write("content/a.md", "---\ntitle: Avant\n---\nTexte modifié, plus long.\n");
  std::string after = before;
  for (int i = 0; i < 300 && after == before; ++i) {
    std::this_thread::sleep_for(10ms);
    after = client.Get("/__tampon/version")->body;
  }
  EXPECT_NE(after, before);
  EXPECT_NE(client.Get("/a/")->body.find("Texte modifié, plus long."), std::string::npos);
  stop = true;
  server.join();
}

/// Issue 19 point 4: a build error shows over the page being previewed (file, line, column,
/// message, fix hint, escaped) and goes away at the next successful rebuild.
TEST(Serve, BuildErrorShowsOverThePageAndClearsWhenFixed) {
  Project p;
  p.write("content/a.md", "---\ntitle: Page A\n---\nTexte juste.\n");
  auto emitter = make_site_emitter();
  serve::ServeOptions options = serve_options(p, *emitter);
  std::atomic<int> port{0};
  std::atomic<bool> stop{false};
  options.on_listening = [&](int actual) { port = actual; };
  options.should_stop = [&] { return stop.load(); };
  std::thread server([&] { EXPECT_EQ(serve::serve_site(options), 0); });
  for (int i = 0; i < 500 && port == 0; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_NE(port.load(), 0);
  httplib::Client client("127.0.0.1", port);
  auto status = [&] { return nlohmann::json::parse(client.Get("/__tampon/status")->body); };
  auto wait_for = [&](auto done) {
    for (int i = 0; i < 300; ++i) {
      if (done(status())) return true;
      std::this_thread::sleep_for(10ms);
    }
    return false;
  };
  nlohmann::json first = status();
  EXPECT_EQ(first["overlay"], "");
  auto script = client.Get("/__tampon/apercu.js");
  ASSERT_TRUE(script);
  EXPECT_NE(script->body.find("/__tampon/status"), std::string::npos);
  EXPECT_NE(script->get_header_value("Content-Type").find("javascript"), std::string::npos);

  // Break the page: a link to a page that does not exist, on line 5 of the file.
  std::this_thread::sleep_for(50ms);
  p.write("content/a.md",
          "---\ntitle: Page A\n---\nTexte juste.\n\nVoir [la suite](absente<i>.md).\n");
  ASSERT_TRUE(wait_for([](const nlohmann::json& s) { return s["overlay"] != ""; }));
  nlohmann::json broken = status();
  std::string overlay = broken["overlay"];
  EXPECT_EQ(broken["version"], first["version"]);  // the page is not reloaded: it shows this
  EXPECT_NE(overlay.find("id=\"tampon-erreurs\""), std::string::npos);
  EXPECT_NE(overlay.find("content/a.md:6:"), std::string::npos) << overlay;
  EXPECT_NE(overlay.find("lien cassé"), std::string::npos) << overlay;
  EXPECT_NE(overlay.find("absente&lt;i&gt;.md"), std::string::npos) << overlay;  // escaped
  EXPECT_EQ(overlay.find("<i>"), std::string::npos);
  EXPECT_NE(overlay.find("Corriger :"), std::string::npos) << overlay;  // docs/regles.md
  EXPECT_NE(overlay.find("site-broken-link"), std::string::npos);
  // The previous page is still served, with the script that shows the overlay.
  auto page = client.Get("/a/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("/__tampon/apercu.js"), std::string::npos);
  EXPECT_EQ(page->body.find("la suite"), std::string::npos);

  // Fix it: the overlay goes, the version moves (the page reloads with the new text).
  p.write("content/a.md", "---\ntitle: Page A\n---\nTexte juste.\n\nVoir la suite.\n");
  ASSERT_TRUE(wait_for([&](const nlohmann::json& s) {
    return s["overlay"] == "" && s["version"] != first["version"];
  }));
  EXPECT_NE(client.Get("/a/")->body.find("Voir la suite."), std::string::npos);
  stop = true;
  server.join();
}

TEST(Serve, AnUnreadableDataFileShowsOverThePageToo) {
  Project p;
  p.write("content/a.md", "---\ntitle: Page A\n---\nTexte.\n");
  auto emitter = make_site_emitter();
  serve::ServeOptions options = serve_options(p, *emitter);
  std::atomic<int> port{0};
  std::atomic<bool> stop{false};
  options.on_listening = [&](int actual) { port = actual; };
  options.should_stop = [&] { return stop.load(); };
  std::thread server([&] { EXPECT_EQ(serve::serve_site(options), 0); });
  for (int i = 0; i < 500 && port == 0; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_NE(port.load(), 0);
  httplib::Client client("127.0.0.1", port);
  std::this_thread::sleep_for(50ms);
  // The site reads the rules as data (its amount tables): a broken baremes.yaml stops it.
  p.write("data/baremes.yaml", "regimes: [non fermé\n");
  std::string overlay;
  for (int i = 0; i < 1000 && overlay.empty(); ++i) {  // data/ appears: found by a scan
    std::this_thread::sleep_for(10ms);
    overlay = nlohmann::json::parse(client.Get("/__tampon/status")->body)["overlay"];
  }
  EXPECT_NE(overlay.find("data/baremes.yaml:"), std::string::npos) << overlay;
  stop = true;
  server.join();
}

TEST(Serve, FirstBuildFailingServesItsErrorsInsteadOfMissingPages) {
  Project p;
  p.write("content/a.md", "---\ntitle: Page A\n---\n[x](absente.md)\n");
  auto emitter = make_site_emitter();
  serve::ServeOptions options = serve_options(p, *emitter);
  std::atomic<int> port{0};
  std::atomic<bool> stop{false};
  options.on_listening = [&](int actual) { port = actual; };
  options.should_stop = [&] { return stop.load(); };
  std::thread server([&] { EXPECT_EQ(serve::serve_site(options), 0); });
  for (int i = 0; i < 500 && port == 0; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_NE(port.load(), 0);
  httplib::Client client("127.0.0.1", port);
  auto page = client.Get("/a/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("content/a.md:4:"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("/__tampon/apercu.js"), std::string::npos);
  stop = true;
  server.join();
}

TEST(Serve, RefusesToListenBeyondLoopback) {
  auto emitter = make_site_emitter();
  serve::ServeOptions options;
  options.command.host = "0.0.0.0";
  options.site = emitter.get();
  EXPECT_EQ(serve::serve_site(options), 2);
}

}  // namespace
