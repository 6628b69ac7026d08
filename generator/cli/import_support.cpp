#include "cli/import_support.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "tampon/date.hpp"

namespace tampon::cli {
namespace fs = std::filesystem;

std::string french_number(std::string_view s) {
  // "1 850,50" / "1850,5" / "1850.50" → "1850.50"; empty when not a number.
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;  // no-break space
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0xAF) {
      i += 2;  // narrow no-break space
      continue;
    }
    out += c == ',' ? '.' : static_cast<char>(c);
  }
  std::size_t i = 0, digits = 0;
  if (i < out.size() && out[i] == '-') ++i;
  while (i < out.size() && out[i] >= '0' && out[i] <= '9') ++i, ++digits;
  if (i < out.size() && out[i] == '.') {
    ++i;
    std::size_t frac = 0;
    while (i < out.size() && out[i] >= '0' && out[i] <= '9') ++i, ++frac;
    if (!frac) return {};
  }
  return digits && i == out.size() ? out : std::string();
}

std::optional<std::string> date_text(std::string_view s) {
  // ISO, or JJ/MM/AAAA as French spreadsheets show dates.
  if (auto d = Date::parse(s)) return d->iso();
  if (s.size() == 10 && s[2] == '/' && s[5] == '/') {
    std::string iso = std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" +
                      std::string(s.substr(0, 2));
    if (auto d = Date::parse(iso)) return d->iso();
  }
  return std::nullopt;
}

std::string read_all(const fs::path& path, bool& exists) {
  std::ifstream in(path, std::ios::binary);
  exists = static_cast<bool>(in);
  if (!exists) return {};
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool write_atomically(const fs::path& path, const std::string& text,
                      std::set<fs::path>& made_dirs) {
  std::error_code ec;
  if (made_dirs.insert(path.parent_path()).second) fs::create_directories(path.parent_path(), ec);
  fs::path temp =
      path.parent_path() / fmt::format(".{}.tampon-{}.tmp", path.filename().string(), ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return false;
    }
  }
  fs::rename(temp, path, ec);
  if (ec) fs::remove(temp, ec);
  return !ec;
}

}  // namespace tampon::cli
