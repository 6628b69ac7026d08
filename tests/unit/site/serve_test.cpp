#include <gtest/gtest.h>

#include <httplib.h>

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

TEST(ServeResolve, MapsFoldersToTheirIndexPage) {
  Project p;
  p.write("out/site/guide/index.html", "x");
  auto file = serve::resolve_request(p.dir / "out" / "site", "/guide/");
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->filename(), "index.html");
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
  serve::ServeOptions options;
  options.project = p.project;
  options.as_of = *Date::from_ymd(2024, 1, 1);
  options.out_dir = p.dir / "out";
  options.port = 0;
  options.site = emitter.get();
  options.quiet = true;
  options.poll_interval = 20ms;
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
  EXPECT_NE(page->body.find("/__tampon/version"), std::string::npos);  // live reload script
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

TEST(Serve, RefusesToListenBeyondLoopback) {
  auto emitter = make_site_emitter();
  serve::ServeOptions options;
  options.host = "0.0.0.0";
  options.site = emitter.get();
  EXPECT_EQ(serve::serve_site(options), 2);
}

}  // namespace
