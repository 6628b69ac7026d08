#include "load/data_file.hpp"

#include <fmt/format.h>

#include "load/source_files.hpp"
#include "load/text_check.hpp"

namespace tampon::load {
namespace {

void fail(LoadResult& out, std::string file, std::string code, std::uint32_t line,
          std::uint32_t column, std::string message) {
  Diagnostic d;
  d.where = {std::move(file), line, column};
  d.code = std::move(code);
  d.message = std::move(message);
  out.diagnostics.push_back(std::move(d));
  out.input_failure = true;
}

}  // namespace

void adopt(Diagnostics&& found, const std::string& shown, LoadResult& out) {
  for (auto& d : found) {
    d.where.file = shown;
    out.diagnostics.push_back(std::move(d));
  }
}

std::optional<DataFile> open_data_file(const ProjectContext& project, std::string_view relative,
                                       LoadResult& out) {
  std::filesystem::path path = project.find(relative);
  DataFile file;
  file.shown = project.display(path);
  std::error_code ec;
  // symlink_status: a broken link in the project is the project's file (and an error), not a
  // reason to read the shipped one.
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
    fail(out, std::string(relative), "unreadable-file", 0, 0,
         fmt::format("fichier « {} » introuvable, ni dans le projet ni dans les valeurs par "
                     "défaut de l'outil ({}) : réinstallez l'outil ou ajoutez ce fichier",
                     relative, project.shipped_dir.generic_string()));
    return std::nullopt;
  }
  FileBytes read = read_file_capped(path, SourceRoot::of(project, path, "data"));
  if (read.failure) {
    fail(out, file.shown, read.failure->code, 0, 0, read.failure->message);
    return std::nullopt;
  }
  out.files.push_back({file.shown, hex(sha256(read.bytes))});
  file.index = out.records.files.add(file.shown);
  if (auto problem = check_text(read.bytes)) {
    fail(out, file.shown, "yaml-syntax", problem->line, problem->column, problem->message);
    return std::nullopt;
  }
  YamlParse parsed = parse_yaml(read.bytes);
  if (parsed.error) {
    fail(out, file.shown, "yaml-syntax", parsed.error->line, parsed.error->column,
         parsed.error->message);
    return std::nullopt;
  }
  file.tree = std::move(parsed.tree);
  return file;
}

}  // namespace tampon::load
