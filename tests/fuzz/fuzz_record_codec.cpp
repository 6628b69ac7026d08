// The parse cache's binary form of a record file (load/record_codec.hpp), read back from the
// cache folder at every load. Promise: corrupt bytes give nullopt, never a crash or a wild
// allocation (every length, count and enum value is checked); and what decodes encodes back to
// bytes that decode to the same result.
#include "fuzz_support.hpp"
#include "load/record_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  auto decoded = load::decode_file_result(fuzz::text_of(data, size), 0);
  if (!decoded) return 0;
  std::string once = load::encode_file_result(*decoded);
  auto again = load::decode_file_result(once, 0);
  if (!again) fuzz::broken("un résultat encodé par l'outil ne se décode pas");
  if (load::encode_file_result(*again) != once)
    fuzz::broken("encoder puis décoder ne redonne pas le même résultat");
  return 0;
}
