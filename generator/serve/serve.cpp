#include "serve/serve.hpp"

#include <httplib.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "load/load_project.hpp"
#include "rules/validate.hpp"
#include "serve/preview.hpp"
#include "serve/site_server.hpp"

namespace tampon::serve {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }

/// Modification snapshot of a set of folders (paths → size and time).
using Snapshot = std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>>;

Snapshot snapshot(const std::vector<fs::path>& roots) {
  Snapshot s;
  std::error_code ec;
  for (const fs::path& root : roots) {
    if (fs::is_regular_file(root, ec)) {
      s[root.string()] = {fs::file_size(root, ec), fs::last_write_time(root, ec)};
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec))
        s[it->path().string()] = {it->file_size(ec), it->last_write_time(ec)};
  }
  return s;
}

std::vector<fs::path> differences(const Snapshot& before, const Snapshot& after) {
  std::vector<fs::path> changed;
  for (const auto& [path, stamp] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second != stamp) changed.emplace_back(path);
  }
  for (const auto& [path, stamp] : before)
    if (!after.contains(path)) changed.emplace_back(path);
  return changed;
}

const char* severity_word(Severity s) { return s == Severity::Error ? "erreur" : "avertissement"; }

void print(const Diagnostics& diagnostics) {
  Diagnostics sorted = diagnostics;
  sort_diagnostics(sorted);
  for (const Diagnostic& d : sorted) {
    if (!d.where.file.empty()) {
      std::cerr << d.where.file;
      if (d.where.line) std::cerr << ':' << d.where.line << ':' << d.where.column;
      std::cerr << ": ";
    }
    std::cerr << severity_word(d.severity) << ": " << d.message << " [" << d.code << "]\n";
  }
}

/// Loads and validates the records and the baremes (the site reads the baremes).
bool load_model(const ServeOptions& options, Model& model) {
  LoadOptions load;
  load.jobs = options.jobs;
  LoadResult loaded = load_project(options.project, load);
  if (loaded.input_failure) {
    print(loaded.diagnostics);
    return false;
  }
  Diagnostics findings;
  model = validate(std::move(loaded), options.project.as_of, findings);
  return true;
}

/// The watch-and-rebuild loop, run on its own thread while the server answers.
class Watcher {
 public:
  Watcher(const ServeOptions& options, SiteSession& session, Model& model, fs::path site_dir,
          std::atomic<long>& version)
      : m_options(options),
        m_session(session),
        m_model(model),
        m_site_dir(std::move(site_dir)),
        m_version(version) {
    m_sources = m_session.watched();
    m_data = {options.project.project_dir / "data"};
    m_source_snapshot = snapshot(m_sources);
    m_data_snapshot = snapshot(m_data);
  }

  void poll() {
    Snapshot sources = snapshot(m_sources), data = snapshot(m_data);
    auto changed = differences(m_source_snapshot, sources);
    bool data_changed = data != m_data_snapshot;
    if (changed.empty() && !data_changed) return;
    m_source_snapshot = std::move(sources);
    m_data_snapshot = std::move(data);
    rebuild(changed, data_changed);
  }

 private:
  void rebuild(const std::vector<fs::path>& changed, bool data_changed) {
    auto start = Clock::now();
    UpdateStats stats;
    Diagnostics findings;
    try {
      if (data_changed && !load_model(m_options, m_model)) return;
      findings = data_changed ? m_session.build_all(m_model, m_site_dir, stats)
                              : m_session.update(m_model, changed, m_site_dir, stats);
    } catch (const Fatal& e) {
      std::cerr << "tampon: erreur: " << e.what() << "\n";
      return;
    }
    print(findings);
    if (count_errors(findings) > 0) return;
    ++m_version;
    auto ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!m_options.quiet)
      std::cerr << "site reconstruit : " << stats.pages_rendered << " fichier(s)"
                << (stats.full ? " (reconstruction complète)" : "") << " en " << ms << " ms\n";
  }

  const ServeOptions& m_options;
  SiteSession& m_session;
  Model& m_model;
  fs::path m_site_dir;
  std::atomic<long>& m_version;
  std::vector<fs::path> m_sources, m_data;
  Snapshot m_source_snapshot, m_data_snapshot;
};

void answer_file(const fs::path& site_dir, const httplib::Request& req, httplib::Response& res) {
  auto file = resolve_request(site_dir, req.path);
  if (!file && !req.path.empty() && req.path.back() != '/' &&
      resolve_request(site_dir, req.path + "/")) {
    res.set_redirect(req.path + "/");
    return;
  }
  if (!file) {
    res.status = 404;
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
  res.set_content(body.str(), std::string(media_type(*file)));
}

}  // namespace

int serve_site(const ServeOptions& options) {
  std::string host = options.host == "localhost" ? "127.0.0.1" : options.host;
  if (host != "127.0.0.1") {
    std::cerr << "tampon: erreur: serve n'écoute que sur 127.0.0.1 (reçu « " << options.host
              << " »)\n";
    return 2;
  }
  if (options.port < 0 || options.port > 65535) {
    std::cerr << "tampon: erreur: port invalide " << options.port << "\n";
    return 2;
  }
  auto* source = dynamic_cast<const PreviewSource*>(options.site);
  if (!source) {
    std::cerr << "tampon: erreur: l'émetteur « site » ne permet pas l'aperçu\n";
    return 2;
  }
  Model model;
  if (!load_model(options, model)) return 3;
  fs::path site_dir = options.out_dir / "site";
  auto session = source->open_session(options.project, true);
  UpdateStats stats;
  try {
    print(session->build_all(model, site_dir, stats));
  } catch (const Fatal& e) {
    std::cerr << "tampon: erreur: " << e.what() << "\n";
    return 3;
  }
  std::error_code ec;
  fs::create_directories(site_dir, ec);

  std::atomic<long> version{1};
  httplib::Server server;
  server.Get("/__tampon/version", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::to_string(version.load()), "text/plain");
  });
  server.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    answer_file(site_dir, req, res);
  });
  int port = options.port;
  if (port == 0)
    port = server.bind_to_any_port(host);
  else if (!server.bind_to_port(host, port))
    port = -1;
  if (port <= 0) {
    std::cerr << "tampon: erreur: impossible d'écouter sur " << host << ":" << options.port << "\n";
    return 3;
  }
  std::thread listener([&] { server.listen_after_bind(); });
  if (!options.quiet)
    std::cerr << "site servi sur http://" << host << ":" << port << "/ (Ctrl-C pour arrêter)\n";
  if (options.on_listening) options.on_listening(port);

  auto previous = std::signal(SIGINT, on_interrupt);
  Watcher watcher(options, *session, model, site_dir, version);
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
