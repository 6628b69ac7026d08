#include <iostream>

#include "cli/commands.hpp"
#include "cli/explain_json.hpp"
#include "cli/report.hpp"
#include "cli/session.hpp"
#include "model/explain.hpp"
#include "rules/validate.hpp"
#include "tampon/suggest.hpp"

namespace tampon::cli {

int run_explain(const Options& options) {
  if (options.explain_kind == "rule") return run_explain_rule(options);
  if (options.explain_kind != "convention") {
    std::cerr << "tampon: erreur: « explain » sait expliquer une convention ou une règle : "
                 "tampon explain convention ID, tampon explain rule CODE\n";
    return k_exit_usage;
  }
  Session& session = open_session_until_exit(options);
  if (session.input_failure) {
    print_diagnostics(session.diagnostics, options);
    return k_exit_io;
  }
  std::string text;
  if (options.format == Format::Json) {
    if (auto json = explain_convention_json(session.model, options.explain_id))
      text = json->dump(2) + "\n";
  } else {
    text = explain_convention(session.model, options.explain_id);
  }
  if (text.empty()) {
    std::vector<std::string_view> ids;
    for (const auto& c : session.model.records.conventions) ids.push_back(c.id);
    std::cerr << "tampon: erreur: convention « " << options.explain_id << " » introuvable"
              << did_you_mean(options.explain_id, ids) << "\n";
    return k_exit_usage;
  }
  std::cout << text;
  if (count_errors(session.diagnostics))
    std::cerr << "tampon: avertissement: le projet contient des erreurs ("
              << count_errors(session.diagnostics)
              << ") : lancez « tampon validate » ; les montants ci-dessus peuvent en dépendre\n";
  return k_exit_ok;
}

}  // namespace tampon::cli
