# tampon_add_emitter(<folder-name> SOURCES ... [LIBS ...])
# Declares the static library emitter_<name> for a built-in emitter.
#
# The boundary is enforced by the compiler (ARCHITECTURE.md, "Layers"): an emitter's sources
# see only the emitter view of generator/ (tampon_emitter_view below: the plugin API, the shared
# rendering library and the few shared readers listed there), never the host, the loader, the
# rules or the model, so `#include "host/..."` in an emitter fails to compile. There is no
# exception: the last one, the site's `serve/preview.hpp`, went when `tampon serve` became a
# loop of ordinary builds (issue 14, point 2).

# The folder of links that is the emitters' only include path into generator/. Built at
# configure time; the links point into the source tree, so editing a header needs no
# reconfiguration, and a new header under render/ or io/ is visible at once.
set(TAMPON_EMITTER_VIEW_DIR ${CMAKE_BINARY_DIR}/emitter-view)

function(tampon_link_into view_dir)
  foreach(relative ${ARGN})
    get_filename_component(folder ${view_dir}/${relative} DIRECTORY)
    file(MAKE_DIRECTORY ${folder})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/generator/${relative} ${view_dir}/${relative} SYMBOLIC)
  endforeach()
endfunction()

function(tampon_make_emitter_view)
  file(REMOVE_RECURSE ${TAMPON_EMITTER_VIEW_DIR})
  file(MAKE_DIRECTORY ${TAMPON_EMITTER_VIEW_DIR})
  # The plugin API (tampon/...) and the shared rendering library (render/...), whole.
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/generator/api/tampon ${TAMPON_EMITTER_VIEW_DIR}/tampon
       SYMBOLIC)
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/generator/render ${TAMPON_EMITTER_VIEW_DIR}/render
       SYMBOLIC)
  # Reading project files (size limits, links refused, digests): io/, headers only.
  file(GLOB io_headers CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR}/generator
       ${PROJECT_SOURCE_DIR}/generator/io/*.hpp)
  # The one YAML reader (records, rules, front matter, site.yaml): the loader's tree and
  # MapReader with what their headers include, not the record decoders.
  tampon_link_into(${TAMPON_EMITTER_VIEW_DIR} ${io_headers}
    load/yaml_tree.hpp load/map_reader.hpp load/text_check.hpp load/file_result.hpp
    load/record_fields.hpp)
endfunction()
tampon_make_emitter_view()

# What compiling against the view needs besides it: the third-party headers the visible headers
# include, the version macro, the warnings.
add_library(tampon_emitter_view INTERFACE)
target_include_directories(tampon_emitter_view INTERFACE ${TAMPON_EMITTER_VIEW_DIR})

# tampon_emitter_boundary(<target>): compile <target> against the emitter view only, while
# linking the services library whole. What links <target>
# (the executable, tests, benchmarks) still gets tampon_services with its include paths.
function(tampon_emitter_boundary target)
  target_link_libraries(${target} PRIVATE tampon_emitter_view tampon_emitter_deps
                        $<LINK_ONLY:tampon_services> INTERFACE tampon_services)
endfunction()

function(tampon_add_emitter name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  string(REPLACE "-" "_" target "emitter_${name}")
  add_library(${target} STATIC ${ARG_SOURCES})
  tampon_emitter_boundary(${target})
  target_link_libraries(${target} PUBLIC ${ARG_LIBS})
  target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  set_property(GLOBAL APPEND PROPERTY TAMPON_EMITTERS ${target})
endfunction()
