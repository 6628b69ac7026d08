# Warnings and sanitizers as an interface target: every Tampon target links it.
add_library(tampon_warnings INTERFACE)
target_compile_options(tampon_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(TAMPON_WERROR)
  target_compile_options(tampon_warnings INTERFACE -Werror)
endif()
if(TAMPON_SANITIZE)
  target_compile_options(tampon_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(tampon_warnings INTERFACE -fsanitize=address,undefined)
endif()
if(TAMPON_FUZZ)
  # Every object carries libFuzzer's coverage counters; only fuzz_* executables link its main.
  target_compile_options(tampon_warnings INTERFACE -fsanitize=address,undefined,fuzzer-no-link
    -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(tampon_warnings INTERFACE -fsanitize=address,undefined)
  # libFuzzer's convention: code may skip what would only slow the fuzzer down, never what
  # it checks (one use: render/template's two-edit hint search, seconds per input when
  # instrumented).
  target_compile_definitions(tampon_warnings INTERFACE FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)
endif()
