#pragma once
/// One decoder per record kind (records.md). Each reads one YAML mapping, reports what is wrong
/// and appends the record to the file's result. A record is kept even when some of its fields
/// are wrong (they keep their default value, and the finding says so); only a record without a
/// usable id is dropped, and its finding says that too. Required and optional fields, types and
/// bounds are those of the tables of load/record_fields.cpp (also listed in load/README.md).
#include <string>

#include "load/file_result.hpp"
#include "load/map_reader.hpp"

namespace tampon::load {

void decode_structure(FileDecoder& d, const YamlNode& map, FileResult& out);
void decode_conseiller(FileDecoder& d, const YamlNode& map, FileResult& out);
void decode_convention(FileDecoder& d, const YamlNode& map, FileResult& out);
void decode_avenant(FileDecoder& d, const YamlNode& map, FileResult& out);
void decode_versement(FileDecoder& d, const YamlNode& map, FileResult& out);
void decode_rapport(FileDecoder& d, const YamlNode& map, FileResult& out);
void decode_depense(FileDecoder& d, const YamlNode& map, FileResult& out);

/// A convention or avenant post at `path` (`postes[1]`, `postes_ajoutes[0]`), with the post's
/// field table.
Poste decode_poste(FileDecoder& d, const YamlNode& map, std::span<const Field> fields,
                   const std::string& path, LocList& locs);

/// A sequence of posts (`postes`, `postes_ajoutes`); items that are not mappings are reported.
std::vector<Poste> decode_postes(FileDecoder& d, const YamlNode& seq, std::string_view name,
                                 std::span<const Field> fields, LocList& locs);

/// An integer item of a sequence (`postes_retires[0]`).
std::optional<int> decode_int(FileDecoder& d, const YamlNode& node, const std::string& path,
                              int min, int max);

/// The id every record kind with an id starts with. Without a valid id the record is dropped,
/// and the id's finding says so with `dropped_fr` ("cette structure est ignorée").
std::optional<std::string> record_id(FileDecoder& d, MapReader& r, std::string_view dropped_fr);

/// `name[i]` for FieldLocs and messages.
std::string indexed(std::string_view name, std::size_t i);

}  // namespace tampon::load
