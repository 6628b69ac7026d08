// `tampon init DIR`: a new project, from the skeleton shipped in templates/projet/ (one
// example record of each kind, commented field by field, a short README, and the editor
// settings that tie data/<kind>/ to its schema), plus schemas/<kind>.schema.json written by
// this binary from the loader's field tables (cli/record_schema.hpp), so the examples'
// `# yaml-language-server: $schema=../../schemas/…` headers resolve offline and describe
// exactly what this version of tampon reads. It never writes into a folder that holds
// anything: a mistyped DIR must not mix examples into real data.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/record_schema.hpp"
#include "cli/session.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/enums.hpp"

namespace tampon::cli {
namespace fs = std::filesystem;

namespace {

/// The skeleton's regular files, relative and sorted (links and anything else are skipped:
/// the copy never follows one out of the shipped folder).
std::vector<fs::path> skeleton_files(const fs::path& skeleton) {
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(skeleton);
       it != fs::recursive_directory_iterator(); ++it)
    if (it->is_regular_file() && !it->is_symlink())
      files.push_back(fs::relative(it->path(), skeleton));
  std::sort(files.begin(), files.end());
  return files;
}

void copy_new(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  std::ifstream in(from, std::ios::binary);
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  out << in.rdbuf();
  if (!in || !out.flush()) throw Fatal("impossible d'écrire " + to.string());
}

void write_new(const fs::path& to, const std::string& bytes) {
  fs::create_directories(to.parent_path());
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out.flush()) throw Fatal("impossible d'écrire " + to.string());
}

/// schemas/<kind>.schema.json of every record kind, relative to the project.
std::vector<fs::path> write_schemas(const fs::path& dir) {
  std::vector<fs::path> files;
  for (std::size_t i = 0; i < names<RecordKind>().size(); ++i) {
    auto kind = static_cast<RecordKind>(i);
    fs::path file = fs::path("schemas") / record_schema_file_name(kind);
    write_new(dir / file, record_schema_json(kind));
    files.push_back(file);
  }
  return files;
}

}  // namespace

int run_init(const Options& options) {
  const fs::path& dir = options.init_dir;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(dir, ec)) &&
      (!fs::is_directory(fs::symlink_status(dir, ec)) || !fs::is_empty(dir, ec))) {
    std::cerr << "tampon: erreur: « " << dir.string()
              << " » existe et n'est pas un dossier vide : init ne crée un projet que dans un "
                 "dossier nouveau ou vide, pour ne rien mêler à des fiches existantes\n";
    return k_exit_usage;
  }
  const fs::path skeleton = shipped_dir() / "templates" / "projet";
  if (!fs::is_directory(skeleton))
    throw Fatal("modèle de projet introuvable : " + skeleton.string() +
                " (installation de Tampon incomplète)");
  auto files = skeleton_files(skeleton);
  for (const auto& file : files) copy_new(skeleton / file, dir / file);
  auto schemas = write_schemas(dir);
  std::size_t examples = static_cast<std::size_t>(std::count_if(
      files.begin(), files.end(), [](const fs::path& f) { return *f.begin() == "data"; }));
  files.insert(files.end(), schemas.begin(), schemas.end());
  std::sort(files.begin(), files.end());
  if (options.format == Format::Json) {
    nlohmann::json created = nlohmann::json::array();
    for (const auto& file : files) created.push_back(file.generic_string());
    std::cout << nlohmann::json{{"project", dir.string()}, {"created", created}}.dump(2) << "\n";
  } else if (!options.quiet) {
    std::cout << "projet créé dans " << dir.string() << " : " << examples
              << " fiches d'exemple (une de chaque sorte, commentées), README.md et les schémas "
                 "des fiches pour l'éditeur (schemas/)\n"
              << "ensuite : tampon validate --project " << dir.string() << "\n";
  }
  return k_exit_ok;
}

}  // namespace tampon::cli
