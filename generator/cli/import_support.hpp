#pragma once
/// What the import commands share (`import tableur`, `import pilotage`): French numbers and
/// dates as spreadsheets and exports write them, and writing record files atomically.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tampon::cli {

/// "1 850,50" / "1850,5" / "1850.50" → "1850.50" (spaces, no-break spaces and narrow no-break
/// spaces dropped, the decimal comma made a point); empty when the text is not a number.
std::string french_number(std::string_view text);
/// ISO "AAAA-MM-JJ", or "JJ/MM/AAAA" as French spreadsheets show dates, as ISO; nullopt when
/// neither, or not a real day (30/02/2021).
std::optional<std::string> date_text(std::string_view text);
/// A record file an import means to write.
struct FileToWrite {
  std::string path;  ///< a string, not a path: 160 000 of them (a path keeps its components)
  const std::string* text = nullptr;  ///< the content; when null, `pieces` one after the other
  bool replaces = false;              ///< the file exists (else it is created)
  /// The content in pieces (`import tableur`: a file's records, each its own text), compared
  /// and written without being put together in one string first.
  std::vector<std::string_view> pieces = {};

  std::size_t size() const;
};

/// How a file on disk compares with the text an import would write there.
enum class OnDisk { Missing, Same, Different };

/// Compares each file with its text, on `jobs` threads (a re-import of the national set reads
/// 160 000 files back). A file of another size differs without being read; a file that cannot
/// be opened is Missing (writing it then says why it cannot be written).
std::vector<OnDisk> compare_on_disk(std::span<const FileToWrite> files, unsigned jobs);

/// Writes every file on `jobs` threads, each atomically: a new file is written unnamed in its
/// folder and linked under its name once complete (O_TMPFILE), an existing one is replaced by
/// renaming a complete temporary file over it (also the fallback where O_TMPFILE is not
/// supported). Parent folders are made first. Returns files.size() when every file is written,
/// else the index of the first one that could not be (files after it may be written or not;
/// none is ever half-written).
std::size_t write_files_atomically(std::span<const FileToWrite> files, unsigned jobs);

}  // namespace tampon::cli
