#pragma once
/// The folders named on the command line, checked before anything is read or written
/// (issue 13): a mistyped --project must not build an empty project, and an --out inside the
/// project's sources would publish the previous outputs (salaries in the justifications) on the
/// site at the next build, growing each time.
#include <optional>
#include <string>
#include <string_view>

#include "cli/options.hpp"

namespace tampon::cli {

/// Why the --project and --out of `command` are refused (a French usage error, exit 2), or
/// nothing. --project must be an existing folder; --out, for the commands that write (build,
/// serve), must not be the project folder nor be inside its content/, data/ or templates/, both
/// paths being resolved (links and `..`) before they are compared. Neither may be empty.
std::optional<std::string> check_paths(const Options& options, std::string_view command);

}  // namespace tampon::cli
