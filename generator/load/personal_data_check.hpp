#pragma once
/// personal-data-in-text: an e-mail, a phone number or a birth date written in a free-text
/// field that outputs publish, reported at its own line and column.
#include <string_view>

#include "load/map_reader.hpp"

namespace tampon::load {

void report_personal_data(FileDecoder& d, const YamlNode& value, std::string_view field);

}  // namespace tampon::load
