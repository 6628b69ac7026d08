#pragma once
#include "cli/options.hpp"
#include "tampon/diagnostic.hpp"

namespace tampon::cli {

/// Under --strict, warnings count as errors (outputs.md): they are reported as errors.
void apply_strict(Diagnostics& diagnostics, const Options& options);
/// Text to stderr (with the summary line unless --quiet and clean), or JSON to stdout.
void print_diagnostics(Diagnostics diagnostics, const Options& options);

}  // namespace tampon::cli
