#pragma once
/// JSON strings written as nlohmann::json's dump(-1, ' ', false, replace) writes them, without
/// building a json value per search entry (the serializer was half of the search index's time).
#include <string>
#include <string_view>

namespace tampon::site {

/// Appends `text` as a quoted JSON string: " \ and control characters escaped (\b \f \n \r \t,
/// others \u00xx), everything else (UTF-8 included) as it is. Text that is not valid UTF-8 goes
/// through nlohmann, which replaces bad bytes with U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace tampon::site
