# cmake -DROOT=<source dir> -P check_includes.cmake
# For each layer: the folders of `#include "folder/..."` it may use. Angle-bracket includes
# (standard library, Debian packages) and same-folder includes ("x.hpp") are not checked.
set(layers
  "generator/core:tampon,core"
  "generator/model:tampon,core,model"
  "generator/rules:tampon,core,model,load,rules"
  # Emitters: the API, the shared rendering library, io/ and the YAML reader of load/. The
  # compiler enforces the exact headers (the emitter view of cmake/TamponEmitter.cmake, tests LayerBoundary.*); this check gives the faster message.
  # Never host/, plan/, write/, cli/, plugin/, rules/, model/ or core/.
  "plugins:tampon,render,io,load")
set(failures "")
foreach(entry ${layers})
  string(REPLACE ":" ";" parts "${entry}")
  list(GET parts 0 folder)
  list(GET parts 1 allowed)
  string(REPLACE "," ";" allowed "${allowed}")
  file(GLOB_RECURSE sources "${ROOT}/${folder}/*.cpp" "${ROOT}/${folder}/*.hpp" "${ROOT}/${folder}/*.h")
  foreach(source ${sources})
    file(STRINGS "${source}" includes REGEX "^#include \"[^\"]+/")
    foreach(line ${includes})
      string(REGEX REPLACE "^#include \"([^/\"]+)/.*" "\\1" top "${line}")
      list(FIND allowed "${top}" found)
      if(found EQUAL -1)
        file(RELATIVE_PATH relative "${ROOT}" "${source}")
        string(APPEND failures "\n  ${relative}: ${line} (${folder} may include: ${allowed})")
      endif()
    endforeach()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "includes across layers:${failures}")
endif()
