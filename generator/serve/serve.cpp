#include "serve/serve.hpp"

#include <httplib.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "cli/report.hpp"
#include "serve/build_loop.hpp"
#include "serve/error_overlay.hpp"
#include "serve/site_server.hpp"
#include "serve/watcher.hpp"

namespace tampon::serve {
namespace {

namespace fs = std::filesystem;

std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }

void answer_file(const fs::path& site_dir, const PreviewStatus& status, const httplib::Request& req,
                 httplib::Response& res) {
  auto file = resolve_request(site_dir, req.path);
  if (!file && !req.path.empty() && req.path.back() != '/' &&
      resolve_request(site_dir, req.path + "/")) {
    res.set_redirect(req.path + "/");
    return;
  }
  if (!file) {
    res.status = 404;
    if (std::string overlay = status.overlay(); !overlay.empty()) {
      // The site has errors and no such page (the first build failed): show them.
      res.set_header("Cache-Control", "no-store");
      res.set_content(error_page_html(overlay), "text/html; charset=utf-8");
      return;
    }
    auto not_found = resolve_request(site_dir, "/404.html");
    std::ifstream in(not_found ? *not_found : fs::path(), std::ios::binary);
    std::stringstream body;
    body << in.rdbuf();
    res.set_content(not_found ? body.str() : std::string("Page non trouvée"),
                    "text/html; charset=utf-8");
    return;
  }
  std::ifstream in(*file, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  res.set_header("Cache-Control", "no-store");
  std::string type(media_type(*file));
  // The page as `tampon build` wrote it, plus the script that shows errors and reloads.
  res.set_content(type.starts_with("text/html") ? with_preview_script(body.str()) : body.str(),
                  type);
}

bool output_failure(const Diagnostics& findings) {
  for (const Diagnostic& d : findings)
    if (d.code == "output-failure") return true;
  return false;
}

}  // namespace

std::string with_preview_script(std::string html) {
  constexpr std::string_view k_script = "<script src=\"/__tampon/apercu.js\"></script>";
  std::size_t at = html.rfind("</body>");
  html.insert(at == std::string::npos ? html.size() : at, k_script);
  return html;
}

int serve_site(const ServeOptions& options) {
  const cli::Options& command = options.command;
  std::string host = command.host == "localhost" ? "127.0.0.1" : command.host;
  if (host != "127.0.0.1") {
    std::cerr << "tampon: erreur: serve n'écoute que sur 127.0.0.1 (reçu « " << command.host
              << " »)\n";
    return 2;
  }
  if (command.port < 0 || command.port > 65535) {
    std::cerr << "tampon: erreur: port invalide " << command.port << "\n";
    return 2;
  }
  if (!options.site) {
    std::cerr << "tampon: erreur: aucun émetteur « site » n'est disponible\n";
    return 2;
  }
  BuildLoop loop(command, *options.site);
  const fs::path site_dir = command.out / "site";
  // The fix hints of the overlay: the manual shipped with the tool, as `explain rule` reads it.
  const FixHints hints =
      read_fix_hints(cli::make_project_context(command).shipped_dir / "docs" / "regles.md");
  PreviewStatus status;
  Attempt first = loop.build_all();
  cli::print_diagnostics(first.findings, command);
  if (first.input_failure || output_failure(first.findings)) return 3;
  status.set_overlay(error_overlay_html(first.findings, hints));

  std::atomic<long> version{1};
  httplib::Server server;
  // One thread per connection, and a browser keeps up to six open per page, idle, for the
  // keep-alive time: after a reload, the new page's requests (the design system's stylesheet
  // first) waited for the previous page's idle connections to time out, 5 s by default with
  // 8 threads, and the reloaded page showed without its styles meanwhile. More threads, and
  // idle connections closed after a second.
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.set_keep_alive_timeout(1);
  server.Get("/__tampon/version", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::to_string(version.load()), "text/plain");
  });
  server.Get("/__tampon/status", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(status.json(version.load()), "application/json");
  });
  server.Get("/__tampon/apercu.js", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::string(preview_script()), "text/javascript; charset=utf-8");
  });
  server.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    answer_file(site_dir, status, req, res);
  });
  int port = command.port;
  if (port == 0)
    port = server.bind_to_any_port(host);
  else if (!server.bind_to_port(host, port))
    port = -1;
  if (port <= 0) {
    std::cerr << "tampon: erreur: impossible d'écouter sur " << host << ":" << command.port << "\n";
    return 3;
  }
  std::thread listener([&] { server.listen_after_bind(); });
  if (!command.quiet)  // one write: a program reading stderr gets the address whole
    std::cerr << ("site servi sur http://" + host + ":" + std::to_string(port) +
                  "/ (Ctrl-C pour arrêter)\n");
  if (options.on_listening) options.on_listening(port);

  auto previous = std::signal(SIGINT, on_interrupt);
  Watcher watcher(loop, version);
  watcher.on_attempt = [&](const Attempt& attempt) {
    status.set_overlay(error_overlay_html(attempt.findings, hints));
  };
  while (!g_interrupted && !(options.should_stop && options.should_stop())) {
    std::this_thread::sleep_for(options.poll_interval);
    watcher.poll();
  }
  std::signal(SIGINT, previous);
  g_interrupted = false;
  server.stop();
  listener.join();
  return 0;
}

}  // namespace tampon::serve
