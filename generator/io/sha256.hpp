#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace tampon {

/// Lower-case hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);
/// Lower-case hex SHA-256 of a file's content; throws Fatal when it cannot be read.
std::string sha256_file(const std::filesystem::path& path);
/// Lower-case hex SHA-256 of what remains to read from an open descriptor; "" on a read error.
std::string sha256_fd(int fd);

}  // namespace tampon
