// The one test object that carries absolute paths (see test_paths.hpp).
namespace tampon_test {
const char* source_dir() { return TAMPON_TEST_PATH_SOURCE; }
const char* tampon_exe() { return TAMPON_TEST_PATH_EXE; }
const char* plugin_dir() { return TAMPON_TEST_PATH_PLUGINS; }
const char* external_plugin_dir() { return TAMPON_TEST_PATH_EXTERNAL; }
}  // namespace tampon_test
