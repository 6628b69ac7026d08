#include "tabular/csv_reader.hpp"

#include <fstream>
#include <system_error>

namespace tampon::tabular {

bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n;
    unsigned min;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      min = 0x10000;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(n) >= s.size()) return false;
    unsigned cp = c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(n) + 1;
  }
  return true;
}

namespace {

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Windows-1252 0x80..0x9F (0 = unassigned).
constexpr unsigned short k_cp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80)
      out += ch;
    else if (c < 0xA0)
      append_utf8(out, k_cp1252[c - 0x80] ? k_cp1252[c - 0x80] : 0xFFFD);
    else
      append_utf8(out, c);
  }
  return out;
}

std::optional<CsvTable> parse_csv(std::string_view raw, std::string_view name, std::string& error,
                                  const CsvLimits& limits) {
  CsvTable table;
  std::string decoded;
  std::string_view text = raw;
  // Excel's "Texte Unicode" is UTF-16: its NULs would be reported as a binary file.
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    error = std::string(name) +
            ":1:1: fichier en UTF-16 (« Texte Unicode ») : enregistrez-le au format « CSV UTF-8 » "
            "ou « CSV (séparateur : point-virgule) »";
    return std::nullopt;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
    table.had_bom = true;
  }
  if (!is_utf8(text)) {
    decoded = windows1252_to_utf8(text);
    text = decoded;
    table.windows1252 = true;
  }
  auto fail = [&](int line, int col, const std::string& message) {
    error =
        std::string(name) + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + message;
    return std::nullopt;
  };
  // The separator: whichever of ';' and ',' occurs most on the header line outside quotes
  // (';' on a tie: French spreadsheets write decimals with ',').
  {
    int semicolons = 0, commas = 0;
    bool quoted = false;
    for (char c : text) {
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n' || c == '\r') break;
      semicolons += c == ';';
      commas += c == ',';
    }
    table.separator = commas > semicolons ? ',' : ';';
  }
  const char sep = table.separator;
  int line = 1, col = 1;  // position of the next character
  std::size_t i = 0;
  std::vector<Cell> row;
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      col = 1;
    } else if (!is_continuation(c)) {
      ++col;
    }
  };
  auto end_row = [&] {
    bool blank = row.empty() || (row.size() == 1 && row[0].text.empty());
    if (!blank) table.rows.push_back(std::move(row));
    row.clear();
  };
  bool at_row_start = true;
  while (i < text.size() || !at_row_start) {
    // One field.
    Cell cell;
    cell.type = Cell::Type::Text;
    cell.line = line;
    cell.column = col;
    if (i < text.size() && text[i] == '"') {
      advance(text[i++]);
      bool closed = false;
      while (i < text.size()) {
        char c = text[i];
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell.text += '"';
            advance(text[i++]);
            advance(text[i++]);
            continue;
          }
          advance(text[i++]);
          closed = true;
          break;
        }
        if (c == '\0') return fail(line, col, "caractère nul : ce n'est pas un fichier texte");
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;  // CRLF inside quotes is one line break
          continue;
        }
        cell.text += c;
        advance(text[i++]);
      }
      if (!closed)
        return fail(cell.line, cell.column,
                    "guillemet ouvert jamais refermé : ajoutez le \" fermant du champ");
      if (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r')
        return fail(line, col,
                    std::string("caractère « ") + text[i] +
                        " » après le guillemet fermant : un champ entre guillemets s'arrête au "
                        "séparateur");
    } else {
      while (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '\0')
          return fail(line, col, "caractère nul : ce n'est pas un fichier texte");
        cell.text += text[i];
        advance(text[i++]);
      }
    }
    row.push_back(std::move(cell));
    if (row.size() > limits.max_fields_per_row)
      return fail(line, col, "trop de colonnes sur cette ligne");
    if (i < text.size() && text[i] == sep) {
      advance(text[i++]);
      at_row_start = false;
      if (i == text.size()) {  // a trailing separator ends with an empty field
        Cell empty;
        empty.type = Cell::Type::Text;
        empty.line = line;
        empty.column = col;
        row.push_back(std::move(empty));
        end_row();
        at_row_start = true;
      }
      continue;
    }
    if (i < text.size() && text[i] == '\r') {
      ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      col = 1;
    } else if (i < text.size() && text[i] == '\n') {
      advance(text[i++]);
    }
    end_row();
    at_row_start = true;
  }
  return table;
}

std::optional<CsvTable> read_csv(const std::filesystem::path& path, std::string& error,
                                 const CsvLimits& limits, std::string display_name) {
  std::string name = display_name.empty() ? path.filename().string() : std::move(display_name);
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = name + " : fichier introuvable ou illisible";
    return std::nullopt;
  }
  if (size > limits.max_bytes) {
    error = name + " : fichier trop grand (" + std::to_string(size >> 20) + " Mo, au plus " +
            std::to_string(limits.max_bytes >> 20) + " Mo)";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    error = name + " : lecture impossible";
    return std::nullopt;
  }
  return parse_csv(bytes, name, error, limits);
}

}  // namespace tampon::tabular
