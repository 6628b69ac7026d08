#pragma once

namespace tampon::cli {

/// Parses the command line and runs the command; returns the process exit code (outputs.md).
int run(int argc, char** argv);

}  // namespace tampon::cli
