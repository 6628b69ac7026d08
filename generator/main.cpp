#include "cli/cli.hpp"

int main(int argc, char** argv) { return tampon::cli::run(argc, argv); }
