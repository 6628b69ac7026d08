#include "load/source_files.hpp"

#include "load/value_formats.hpp"
#include "tampon/suggest.hpp"

#include <fmt/format.h>
#include <openssl/sha.h>

#include <algorithm>

namespace tampon::load {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::pair<std::string_view, RecordKind>, 7> k_folders{{
    {"structures", RecordKind::Structure},
    {"conseillers", RecordKind::Conseiller},
    {"conventions", RecordKind::Convention},
    {"avenants", RecordKind::Avenant},
    {"versements", RecordKind::Versement},
    {"rapports", RecordKind::Rapport},
    {"depenses", RecordKind::Depense},
}};

bool is_record_file(const fs::path& p) {
  auto ext = p.extension();
  return ext == ".yaml" || ext == ".yml";
}

bool hidden(const fs::path& p) {
  auto name = p.filename().native();
  return !name.empty() && name[0] == '.';
}

Diagnostic io_failure(std::string code, std::string file, std::string message) {
  Diagnostic d;
  d.where.file = std::move(file);
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

void list_folder(const fs::path& project_dir, std::string_view folder, RecordKind kind,
                 std::vector<SourceFile>& out, Diagnostics& diagnostics, bool& input_failure) {
  fs::path dir = project_dir / "data" / folder;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;  // an absent folder is fine (records.md)
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (hidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!is_record_file(p) || it->is_directory(ec)) continue;
    // Lexical: fs::relative would canonicalise (readlink on every component of every file).
    out.push_back({p.lexically_relative(project_dir).generic_string(), p, kind});
  }
  if (ec) {
    diagnostics.push_back(io_failure(
        "unreadable-file", dir.lexically_relative(project_dir).generic_string(),
        fmt::format("dossier illisible ({}) : vérifiez ses droits d'accès", ec.message())));
    input_failure = true;
  }
}

}  // namespace

// A misspelt folder (`data/structure/`) would otherwise drop all its records without a word.
void report_unknown_entries(const fs::path& project_dir, Diagnostics& diagnostics) {
  static constexpr std::string_view k_known_files[] = {"baremes.yaml", "smic.yaml"};
  std::error_code ec;
  fs::directory_iterator it(project_dir / "data", ec), end;
  std::vector<std::string> unknown;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (hidden(it->path())) continue;
    bool folder = it->is_directory(ec);
    bool known =
        folder ? std::ranges::any_of(k_folders, [&](const auto& f) { return f.first == name; })
               : !is_record_file(it->path()) ||
                     std::ranges::find(k_known_files, name) != std::end(k_known_files);
    if (!known) unknown.push_back(name + (folder ? "/" : ""));
  }
  std::sort(unknown.begin(), unknown.end());
  std::vector<std::string_view> candidates;
  for (const auto& f : k_folders) candidates.push_back(f.first);
  for (auto name : k_known_files) candidates.push_back(name);
  for (const auto& name : unknown) {
    std::string bare = fs::path(name.substr(0, name.find('/'))).stem().string();
    auto hint = closest(bare, candidates);
    Diagnostic d;
    d.where.file = "data/" + name;
    d.severity = Severity::Warning;
    d.code = "unknown-folder";
    d.message = hint ? fmt::format("« data/{} » n'est pas lu ; vouliez-vous dire « data/{} » ?",
                                   name, *hint)
                     : fmt::format(
                           "« data/{} » n'est pas lu : les enregistrements vont dans "
                           "data/structures/, data/conseillers/, data/conventions/, "
                           "data/avenants/, data/versements/, data/rapports/ ou "
                           "data/depenses/",
                           name);
    diagnostics.push_back(std::move(d));
  }
}

fs::path normal_dir(const fs::path& dir) {
  fs::path base = dir.lexically_normal();
  if (!base.has_filename() && base.has_parent_path() && base != base.root_path())
    base = base.parent_path();
  return base;
}

std::vector<SourceFile> list_record_files(const fs::path& project_dir, Diagnostics& diagnostics,
                                          bool& input_failure) {
  fs::path base = normal_dir(project_dir);
  report_unknown_entries(base, diagnostics);
  std::vector<SourceFile> files;
  for (const auto& [folder, kind] : k_folders)
    list_folder(base, folder, kind, files, diagnostics, input_failure);
  std::sort(files.begin(), files.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
  return files;
}

FileBytes read_file_capped(const fs::path& path, const SourceRoot& root, std::size_t cap) {
  FileBytes out;
  SourceStatus status = read_source(path, root, out.bytes, cap);
  if (status.problem == SourceProblem::too_large) {
    out.failure = io_failure(
        "file-too-large", "",
        fmt::format("fichier trop gros : plus de {} Mio, la limite par fichier ; découpez-le en "
                    "plusieurs fichiers",
                    cap >> 20));
  } else if (!status) {
    out.failure =
        io_failure(std::string(source_problem_code(status)), "", source_problem_message(status));
  }
  return out;
}

Sha256 sha256(std::string_view bytes) {
  Sha256 digest{};
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data());
  return digest;
}

std::string hex(const Sha256& digest) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out(64, '0');
  for (std::size_t i = 0; i < digest.size(); ++i) {
    out[2 * i] = k_digits[digest[i] >> 4];
    out[2 * i + 1] = k_digits[digest[i] & 0xF];
  }
  return out;
}

}  // namespace tampon::load
