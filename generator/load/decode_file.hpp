#pragma once
/// Bytes of one record file → typed records and findings. Pure: no I/O, no shared state, so
/// files decode in parallel and the result can be cached by content.
#include <cstdint>
#include <string_view>

#include "load/file_result.hpp"
#include "tampon/records.hpp"

namespace tampon::load {

FileResult decode_file(std::string_view bytes, RecordKind kind, std::uint32_t file_index);

}  // namespace tampon::load
