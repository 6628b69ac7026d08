// `tampon init DIR`: a new project, from the skeleton shipped in templates/projet/ (one
// example record of each kind, commented field by field, and a short README). It never writes
// into a folder that holds anything: a mistyped DIR must not mix examples into real data.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "tampon/diagnostic.hpp"

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
  if (options.format == Format::Json) {
    nlohmann::json created = nlohmann::json::array();
    for (const auto& file : files) created.push_back(file.generic_string());
    std::cout << nlohmann::json{{"project", dir.string()}, {"created", created}}.dump(2) << "\n";
  } else if (!options.quiet) {
    std::cout << "projet créé dans " << dir.string() << " : " << files.size() - 1
              << " fiches d'exemple (une de chaque sorte, commentées) et README.md\n"
              << "ensuite : tampon validate --project " << dir.string() << "\n";
  }
  return k_exit_ok;
}

}  // namespace tampon::cli
