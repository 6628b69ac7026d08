#pragma once
/// Whole-file reads and writes with plain system calls. A 1 000-page build reads and writes
/// about a thousand small files: an fstream allocates and fills an 8 KB buffer for each, and
/// reading through a stringstream copied every page twice.
#include <filesystem>
#include <string>
#include <string_view>

namespace tampon {

/// Reads the whole file into `out`; false if it cannot be opened or read.
bool read_whole_file(const std::filesystem::path& path, std::string& out);

/// Reads an open descriptor to its end into `out`; `size_hint` sizes the first read.
bool read_whole_fd(int fd, std::string& out, std::size_t size_hint);

/// Creates or truncates `path` and writes `bytes`; false on any failure.
bool write_whole_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace tampon
