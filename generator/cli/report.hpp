#pragma once
#include "cli/options.hpp"
#include "tampon/diagnostic.hpp"

namespace tampon::cli {

/// Under --strict, warnings count as errors (outputs.md): they are reported as errors.
void apply_strict(Diagnostics& diagnostics, const Options& options);
/// Text to stderr (with the summary line unless --quiet and clean), or JSON to stdout.
void print_diagnostics(Diagnostics diagnostics, const Options& options);
/// The exit code for findings: 0 without errors; 3 when an error is a project file that was not
/// read (`source-outside`, `source-not-regular`: an input failure, outputs.md), found by an
/// emitter's check after loading; else 1.
int exit_code_for(const Diagnostics& diagnostics);

}  // namespace tampon::cli
