#include <malloc.h>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  // Render threads allocate and free a page's worth of strings per job. With glibc's default
  // padding each thread's heap grows a few pages at a time, one mprotect call each: about 1 400
  // calls and 5 % of a 1 000-page site build. Padding only reserves address space; pages count
  // in memory once touched, and load_project still hands freed memory back (malloc_trim).
  mallopt(M_TOP_PAD, 16 << 20);
  return tampon::cli::run(argc, argv);
}
