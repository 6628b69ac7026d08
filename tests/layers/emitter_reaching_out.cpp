// An emitter source that includes a header outside the emitter view (cmake/TamponEmitter.cmake):
// it must not compile. Built only by the LayerBoundary tests, once per forbidden header given
// as TAMPON_FORBIDDEN_HEADER; TAMPON_ALLOWED builds the same file with an allowed header, to
// show the failure comes from the boundary and not from the file.
#ifdef TAMPON_ALLOWED
#include "render/html_escape.hpp"
#else
#include TAMPON_FORBIDDEN_HEADER
#endif
#include "tampon/emitter.hpp"

int tampon_layer_probe() { return 0; }
