#pragma once
/// JSON strings written byte for byte as nlohmann::json's dump(-1, ' ', false, replace) writes
/// them, without building a json value per string: the site's search index and the host's
/// manifest.json write hundreds of thousands of them (the serializer was half of the search
/// index's time).
#include <string>
#include <string_view>

namespace tampon {

/// Appends `text` as a quoted JSON string: " \ and control characters escaped (\b \f \n \r \t,
/// others \u00xx), everything else (UTF-8 included) as it is. Text that is not valid UTF-8 goes
/// through nlohmann, which replaces bad bytes with U+FFFD.
void append_json_string(std::string& out, std::string_view text);

/// Whether `text` is printable ASCII without " or \: it then stands between quotes as it is.
inline bool json_plain(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
  return true;
}

}  // namespace tampon
