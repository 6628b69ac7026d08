#pragma once
/// --select KEY=ID[,ID…] (repeatable): the records whose outputs a partial build renders.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tampon/model.hpp"

namespace tampon::cli {

/// The keys --select knows, in the order help and suggestions list them.
inline constexpr std::string_view k_select_keys[] = {"convention", "structure", "departement",
                                                     "regime"};

/// Checks the shape of each --select value (`key=id[,id…]` with a known key). Returns a French
/// usage message, or an empty string when every value is well formed.
std::string check_select_syntax(const std::vector<std::string>& values);

/// The records selected: conventions (convention=, regime=) and structures (structure=,
/// departement=). A job is rendered when it reads one of them (OutputJob::inputs): a structure
/// brings its conventions, avenants, statements, justifications and bulletins. An id the
/// project does not have is a usage error: nullopt, with the French message in `error`.
std::optional<std::set<RecordRef>> resolve_selection(const std::vector<std::string>& values,
                                                     const Model& model, std::string& error);

}  // namespace tampon::cli
