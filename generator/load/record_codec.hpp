#pragma once
/// A compact binary form of FileResult for the parse cache. Decoding checks every length,
/// count and enum value: corrupt bytes give nullopt, never a crash or a wild allocation.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "load/file_result.hpp"

namespace tampon::load {

std::string encode_file_result(const FileResult& result);
/// `file_index` becomes the `SourceLoc::file` of every position (the cache stores none).
std::optional<FileResult> decode_file_result(std::string_view bytes, std::uint32_t file_index);

/// A record's decoded content in the same binary form, without source positions: equal for
/// two records that say the same thing wherever they are written (per-record fingerprints).
std::string record_content(const Structure& record);
std::string record_content(const Conseiller& record);
std::string record_content(const Convention& record);
std::string record_content(const Avenant& record);
std::string record_content(const Versement& record);
std::string record_content(const Rapport& record);
std::string record_content(const Depense& record);

/// Changes whenever the record structs change size: part of the cache key, so a cache written
/// by a build with other structs is never read.
std::string record_layout_signature();

}  // namespace tampon::load
