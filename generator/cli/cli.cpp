#include "cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/paths.hpp"
#include "cli/select.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/suggest.hpp"

namespace tampon::cli {
namespace {

constexpr std::string_view k_commands[] = {"build",   "validate", "serve",  "plugins",
                                           "explain", "init",     "export", "import"};

Date today() {
  // The only clock read of the tool: the default of --as-of (outputs.md).
  auto now = std::chrono::system_clock::now();
  std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  return *Date::from_ymd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                         static_cast<unsigned>(ymd.day()));
}

int usage_error(const std::string& message) {
  std::cerr << "tampon: erreur: " << message << "\n(aide : tampon --help)\n";
  return k_exit_usage;
}

// CLI11 speaks English; users read French. An unknown option gets the closest known one.
std::string french(const CLI::Error& e, const CLI::App& app) {
  std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    // The known options come from the parser itself: a new option is suggested at once.
    std::vector<std::string> known = {"--help", "--version"};
    for (const CLI::Option* option : app.get_options())
      for (const std::string& name : option->get_lnames()) known.push_back("--" + name);
    std::vector<std::string_view> candidates(known.begin(), known.end());
    for (const std::string& arg : app.remaining()) {
      if (!arg.starts_with("-")) continue;
      std::string name = arg.substr(0, arg.find('='));
      return "option inconnue « " + name + " »" + did_you_mean(name, candidates);
    }
    return "argument inattendu (" + what.substr(what.find(':') + 1) + " )";
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return "valeur manquante pour une option";
  if (dynamic_cast<const CLI::ConversionError*>(&e) ||
      dynamic_cast<const CLI::ValidationError*>(&e))
    return "valeur invalide : " + what;
  if (dynamic_cast<const CLI::RequiredError*>(&e)) return "argument obligatoire manquant : " + what;
  return "ligne de commande invalide : " + what;
}

void add_common_options(CLI::App& app, Options& o, std::string& as_of, std::string& format,
                        std::string& only) {
  app.add_option("--project", o.project);
  app.add_option("--out", o.out);
  app.add_option("--as-of", as_of);
  app.add_option("--only", only);
  app.add_option("--select", o.select);
  app.add_option("--jobs,-j", o.jobs)->check(CLI::Range(1u, 1024u));
  app.add_flag("--keep-going", o.keep_going);
  app.add_flag("--strict", o.strict);
  app.add_option("--format", format)->check(CLI::IsMember({"text", "json"}));
  app.add_flag("--quiet,-q", o.quiet);
  app.add_flag("--force", o.force);
  app.add_flag("--no-cache", o.no_cache);
  app.add_option("--plugin-dir", o.plugin_dirs);
  app.add_option("--port", o.port)->check(CLI::Range(1, 65535));
  app.add_option("--mapping", o.mapping);
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

int dispatch(const std::string& command, const Options& options) {
  if (command == "build") return run_build(options);
  if (command == "validate") return run_validate(options);
  if (command == "serve") return run_serve(options);
  if (command == "plugins") return run_plugins(options);
  if (command == "init") return run_init(options);
  if (command == "export") return run_export(options);
  if (command == "import" && options.subcommand == "justification")
    return run_import_justification(options);
  if (command == "import") return run_import(options);
  return run_explain(options);
}

}  // namespace

int run(int argc, char** argv) {
  // The command is the first argument that is not an option; checked here so an unknown
  // one gets a French "vouliez-vous dire".
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return print_help(std::cout), k_exit_ok;
    if (arg == "--version") return std::cout << "tampon " << TAMPON_VERSION << "\n", k_exit_ok;
  }
  Options options;
  std::string as_of, format = "text", only;
  CLI::App app{"tampon"};
  app.set_help_flag();
  add_common_options(app, options, as_of, format, only);
  std::vector<std::string> positionals;
  app.add_option("command", positionals);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Error& e) {
    return usage_error(french(e, app));
  }
  if (positionals.empty())
    return usage_error(
        "commande manquante (build, validate, serve, plugins, explain, init, export, import)");
  const std::string command = positionals[0];
  if (std::ranges::find(k_commands, command) == std::end(k_commands))
    return usage_error("commande inconnue « " + command + " »" + did_you_mean(command, k_commands));
  if (command == "explain") {
    // `tampon explain rule` alone lists every code.
    bool rule_list = positionals.size() == 2 && positionals[1] == "rule";
    if (positionals.size() != 3 && !rule_list)
      return usage_error(
          "usage : tampon explain convention ID, ou tampon explain rule CODE (sans CODE : la "
          "liste des codes)");
    options.explain_kind = positionals[1];
    if (!rule_list) options.explain_id = positionals[2];
  } else if (command == "init") {
    if (positionals.size() != 2) return usage_error("usage : tampon init DOSSIER");
    options.init_dir = positionals[1];
  } else if (command == "export" || command == "import") {
    if (positionals.size() < 3)
      return usage_error("usage : tampon " + command +
                         (command == "import" ? " tableur|pilotage|justification" : " tableur") +
                         " FICHIER --project DIR");
    options.subcommand = positionals[1];
    options.files.assign(positionals.begin() + 2, positionals.end());
  } else if (positionals.size() > 1) {
    return usage_error("argument inattendu « " + positionals[1] + " » après « " + command + " »");
  }
  if (as_of.empty()) {
    options.as_of = today();
  } else if (auto date = Date::parse(as_of)) {
    options.as_of = *date;
  } else {
    return usage_error("--as-of attend une date AAAA-MM-JJ valide, pas « " + as_of + " »");
  }
  options.format = format == "json" ? Format::Json : Format::Text;
  options.only = split_commas(only);
  if (auto wrong = check_select_syntax(options.select); !wrong.empty()) return usage_error(wrong);
  if (auto why = check_paths(options, command)) return usage_error(*why);
  try {
    return dispatch(command, options);
  } catch (const Fatal& e) {
    std::cerr << "tampon: erreur: " << e.what() << "\n";
    return k_exit_io;
  } catch (const std::exception& e) {
    std::cerr << "tampon: erreur interne : " << e.what() << "\n";
    return k_exit_io;
  }
}

}  // namespace tampon::cli
