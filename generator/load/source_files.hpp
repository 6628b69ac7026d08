#pragma once
/// Finding and reading a project's record files: which folder holds which record kind, the
/// sorted list of files, reading with a size cap, and content digests.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/source_file.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/records.hpp"

namespace tampon::load {

/// Files above this size are refused before parsing (hostile or mistaken input).
inline constexpr std::size_t k_max_file_bytes = 16u << 20;  // 16 MiB

struct SourceFile {
  std::string relative;  ///< `data/conseillers/cn-0001.yaml`
  std::filesystem::path absolute;
  RecordKind kind{};
};

/// `dir` without `.`, `..` or a trailing separator (`/p/data/..` and `/p/` → `/p`), so that
/// relative paths and cache names can be computed lexically.
std::filesystem::path normal_dir(const std::filesystem::path& dir);

/// Every `*.yaml` / `*.yml` file under `data/<kind>/` (subfolders included, hidden entries
/// skipped), sorted by relative path. A folder that cannot be listed is a finding.
std::vector<SourceFile> list_record_files(const std::filesystem::path& project_dir,
                                          Diagnostics& diagnostics, bool& input_failure);

struct FileBytes {
  std::string bytes;
  std::optional<Diagnostic> failure;  ///< unreadable-file, file-too-large, source-outside or
                                      ///< source-not-regular (where.file empty)
};
/// Reads a project file as io/source_file.hpp says (a regular file really inside `root`, never
/// blocking), refusing more than `cap` bytes.
FileBytes read_file_capped(const std::filesystem::path& path, const SourceRoot& root,
                           std::size_t cap = k_max_file_bytes);

using Sha256 = std::array<std::uint8_t, 32>;
Sha256 sha256(std::string_view bytes);
std::string hex(const Sha256& digest);

}  // namespace tampon::load
