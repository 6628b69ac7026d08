#pragma once
/// The common options of outputs.md, parsed once for every command.
#include <filesystem>
#include <string>
#include <vector>

#include "tampon/date.hpp"

namespace tampon::cli {

enum class Format { Text, Json };

struct Options {
  std::filesystem::path project = ".";
  std::filesystem::path out = "out";  ///< relative to the current folder, like --project
  Date as_of;
  std::vector<std::string> only;    ///< emitter names; empty = every enabled emitter
  std::vector<std::string> select;  ///< --select values, `key=id[,id…]` (cli/select.hpp)
  unsigned jobs = 0;                ///< 0 = number of cores
  bool keep_going = false;
  bool strict = false;
  Format format = Format::Text;
  bool quiet = false;
  bool force = false;     ///< ignore the previous build: render everything
  bool no_cache = false;  ///< do not use the parse cache
  std::vector<std::filesystem::path> plugin_dirs;
  // serve
  std::string host = "127.0.0.1";
  int port = 8000;
  // init
  std::filesystem::path init_dir;
  // explain
  std::string explain_kind, explain_id;
  // export / import: `tampon import tableur FICHIER…` (cli/tableur_*.cpp)
  std::string subcommand;
  std::vector<std::filesystem::path> files;
  std::filesystem::path mapping;  ///< import pilotage: --mapping FICHIER.yaml
};

}  // namespace tampon::cli
