#pragma once
/// What the import commands share (`import tableur`, `import pilotage`): French numbers and
/// dates as spreadsheets and exports write them, and writing a record file atomically.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace tampon::cli {

/// "1 850,50" / "1850,5" / "1850.50" → "1850.50" (spaces, no-break spaces and narrow no-break
/// spaces dropped, the decimal comma made a point); empty when the text is not a number.
std::string french_number(std::string_view text);
/// ISO "AAAA-MM-JJ", or "JJ/MM/AAAA" as French spreadsheets show dates, as ISO; nullopt when
/// neither, or not a real day (30/02/2021).
std::optional<std::string> date_text(std::string_view text);
/// The file's bytes; `exists` false when it cannot be opened.
std::string read_all(const std::filesystem::path& path, bool& exists);
/// Writes to a temporary name in the same folder and renames it into place (folders made once,
/// remembered in `made_dirs`): a crash never leaves a half-written record.
bool write_atomically(const std::filesystem::path& path, const std::string& text,
                      std::set<std::filesystem::path>& made_dirs);

}  // namespace tampon::cli
