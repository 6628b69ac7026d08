#pragma once
/// The JSON Schemas (draft-07) of the record files, generated from the loader's field tables
/// (load/record_fields.cpp), so that what an editor checks is what `tampon validate` reads.
/// `tampon-schemas` (generator/tools/) prints them into `schemas/` (scripts/update-schemas; a
/// ctest fails when the committed files differ) and `tampon init` writes them into a new
/// project, where the examples' `# yaml-language-server: $schema=…` headers point.
#include <string>

#include "tampon/records.hpp"

namespace tampon::cli {

/// `structure.schema.json`
std::string record_schema_file_name(RecordKind kind);

/// The schema of a file of `kind` records (one record or a list of them), as indented JSON
/// ending with a newline: the bytes of `schemas/<kind>.schema.json`.
std::string record_schema_json(RecordKind kind);

}  // namespace tampon::cli
