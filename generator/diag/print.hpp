#pragma once
/// Printing diagnostics as outputs.md specifies: compiler-style text lines plus a French
/// summary ("2 erreurs, 1 avertissement"), or one JSON array.
#include <iosfwd>
#include <string>

#include "tampon/diagnostic.hpp"

namespace tampon {

/// `data/x.yaml:14:12: erreur: message [code]`, one line per finding, notes indented.
void print_text(std::ostream& out, const Diagnostics& diagnostics);
/// "2 erreurs, 1 avertissement" (French plural rules: 0 and 1 are singular).
std::string summary_line(const Diagnostics& diagnostics);
/// `[{"file","line","column","severity","code","message"}, …]`
void print_json(std::ostream& out, const Diagnostics& diagnostics);

}  // namespace tampon
