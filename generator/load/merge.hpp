#pragma once
/// Moving per-file results into the RecordSet: file paths into findings, field positions into
/// FieldLocs, then the documented sort of every vector (records.hpp RecordSet).
#include <span>
#include <string>

#include "load/file_result.hpp"
#include "tampon/records.hpp"

namespace tampon::load {

/// Moves field positions from the side lists into each record's FieldLocs. Done by the
/// worker that decoded the file (after the cache encoding, which needs the lists), so the
/// merge only moves records and the lists never wait for the end of the load.
void attach_locs(FileResult& file);

/// Reserves room for every record of `files` once, before they are merged one by one (a
/// reserve per file would reallocate, hence move, the whole vector for every file).
void reserve_records(std::span<const FileResult* const> files, RecordSet& records);

/// Appends one file's records and findings; `path` is the file's relative path.
void merge_file(FileResult&& file, const std::string& path, RecordSet& records,
                Diagnostics& diagnostics);

/// Sorts by id, or by the natural key of records without one, ties kept in file order.
void sort_records(RecordSet& records);

}  // namespace tampon::load
