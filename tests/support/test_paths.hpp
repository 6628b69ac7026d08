#pragma once
/// Paths the tests need (the source tree, the built `tampon`, the test plugins), read from one
/// small object instead of compile definitions in every test file: a test object then compiles
/// the same in any checkout, and ccache shares it between worktrees and CI runs. Force-included
/// into every test target by tests/CMakeLists.txt.
namespace tampon_test {
const char* source_dir();
const char* tampon_exe();
const char* plugin_dir();
const char* external_plugin_dir();
}  // namespace tampon_test

#define TAMPON_SOURCE_DIR (::tampon_test::source_dir())
#define TAMPON_EXE (::tampon_test::tampon_exe())
#define TAMPON_TEST_PLUGIN_DIR (::tampon_test::plugin_dir())
#define TAMPON_TEST_EXTERNAL_DIR (::tampon_test::external_plugin_dir())
