# Every dependency comes from a Debian 12 package (see .ci/install-deps).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)  # libyaml-dev: the loader's parser
find_package(fmt REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(GTest REQUIRED)
pkg_check_modules(PODOFO REQUIRED IMPORTED_TARGET libpodofo)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
find_package(ZLIB REQUIRED)  # zlib1g-dev: the PDF streams (FlateDecode at the fastest level)
find_package(OpenSSL REQUIRED)  # SHA-256 for the manifest and fingerprints

# Debian ships no pkg-config file for the cmark-gfm extensions (library-notes.md).
find_library(CMARK_GFM_EXTENSIONS_LIB cmark-gfm-extensions REQUIRED)
add_library(cmark_gfm_all INTERFACE)
target_link_libraries(cmark_gfm_all INTERFACE ${CMARK_GFM_EXTENSIONS_LIB} PkgConfig::CMARK_GFM)

find_library(HYPHEN_LIB hyphen REQUIRED)
find_path(HYPHEN_INCLUDE hyphen.h REQUIRED)
add_library(hyphen_lib INTERFACE)
target_link_libraries(hyphen_lib INTERFACE ${HYPHEN_LIB})
target_include_directories(hyphen_lib INTERFACE ${HYPHEN_INCLUDE})

find_path(MUSTACHE_INCLUDE kainjow/mustache.hpp REQUIRED)
add_library(kainjow_mustache INTERFACE)
target_include_directories(kainjow_mustache INTERFACE ${MUSTACHE_INCLUDE})

# Debian builds cpp-httplib as a shared library with OpenSSL, zlib and brotli support: the
# header must be compiled with the same CPPHTTPLIB_* definitions (they change class layouts)
# and linked with -lcpp-httplib; its .pc file gives both.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(cpp_httplib INTERFACE)
target_link_libraries(cpp_httplib INTERFACE PkgConfig::HTTPLIB)
