#include "io/whole_file.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/emitter.hpp"

namespace tampon {

// Contexts that do not digest as they write (test fixtures, benchmarks) still write the file.
void RenderContext::write(std::string_view bytes) {
  if (!write_whole_file(output_path(), bytes))
    throw Fatal("écriture impossible de " + output_path().string());
}

}  // namespace tampon
