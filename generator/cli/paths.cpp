#include "cli/paths.hpp"

#include <filesystem>

namespace tampon::cli {
namespace fs = std::filesystem;

namespace {

/// The path with links and `..` resolved as far as it exists, the rest lexically (a `..` after
/// a folder that does not exist yet cannot be a link).
fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  fs::path out = ec ? absolute.lexically_normal() : fs::weakly_canonical(absolute, ec);
  if (ec) out = absolute.lexically_normal();
  // "/p/sous/.." normalises to "/p/": without the trailing separator, it equals "/p".
  if (!out.has_filename() && out.has_parent_path() && out != out.root_path())
    out = out.parent_path();
  return out;
}

/// Whether `inner` is `outer` or inside it (both resolved).
bool within(const fs::path& inner, const fs::path& outer) {
  auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

std::string quoted(const fs::path& path) { return "« " + path.string() + " »"; }

}  // namespace

std::optional<std::string> check_paths(const Options& options, std::string_view command) {
  if (command == "plugins" || command == "init") return std::nullopt;  // no --project
  if (options.project.empty())
    return "--project est vide : indiquez le dossier du projet (« . » pour le dossier courant)";
  std::error_code ec;
  fs::file_status status = fs::status(options.project, ec);
  if (!fs::exists(status))
    return "--project " + quoted(options.project) +
           " : ce dossier n'existe pas (faute de frappe ?)";
  if (!fs::is_directory(status))
    return "--project " + quoted(options.project) +
           " n'est pas un dossier : indiquez le dossier qui contient data/, content/ et "
           "templates/";
  if (command != "build" && command != "serve") return std::nullopt;
  if (options.out.empty())
    return "--out est vide : indiquez le dossier de sortie (« out » par défaut)";
  fs::path project = resolved(options.project);
  fs::path out = resolved(options.out);
  if (out == project)
    return "--out " + quoted(options.out) +
           " est le dossier du projet lui-même : choisissez un dossier à part, « out » par "
           "exemple";
  for (const char* folder : {"content", "data", "templates"}) {
    if (within(out, resolved(project / folder)))
      return "--out " + quoted(options.out) + " est dans le dossier " + folder +
             "/ du projet : les sorties y seraient relues comme des sources (et publiées sur "
             "le site à la construction suivante) ; choisissez un dossier hors de content/, "
             "data/ et templates/";
  }
  return std::nullopt;
}

}  // namespace tampon::cli
