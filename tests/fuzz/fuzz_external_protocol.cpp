// What an external emitter prints on stdout, read as each reply (describe, plan, render).
// Promise: a ProtocolError with a French message, never a crash.
#include "fuzz_support.hpp"
#include "plugin/external_protocol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  std::string_view text = fuzz::text_of(data, size);
  EmitterInfo info{"externe", "1.0.0", "émetteur de test", {RecordKind::Convention}, {}, {}};
  for (int reply = 0; reply < 3; ++reply) {
    try {
      if (reply == 0) {
        external::parse_describe(text);
      } else if (reply == 1) {
        external::parse_plan(text, info);  // paths are checked by the host's planner
      } else {
        external::parse_render(text, info);
      }
    } catch (const external::ProtocolError& e) {
      if (std::string_view(e.what()).empty()) fuzz::broken("ProtocolError sans message");
    }
  }
  return 0;
}
