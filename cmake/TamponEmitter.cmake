# tampon_add_emitter(<folder-name> SOURCES ... [LIBS ...])
# Declares the static library emitter_<name> for a built-in emitter. Emitters link only the
# plugin API and the shared services, never the host.
function(tampon_add_emitter name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  string(REPLACE "-" "_" target "emitter_${name}")
  add_library(${target} STATIC ${ARG_SOURCES})
  target_link_libraries(${target} PUBLIC tampon_services ${ARG_LIBS})
  target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  set_property(GLOBAL APPEND PROPERTY TAMPON_EMITTERS ${target})
endfunction()
