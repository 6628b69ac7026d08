#include "front_matter_simple.hpp"

#include <array>
#include <optional>
#include <string>

namespace tampon::site {
namespace {

using std::string_view;

constexpr std::array<string_view, 6> k_layouts = {"page",    "home",   "faq",
                                                  "sitemap", "search", "404"};

/// Characters that start something other than a plain scalar in YAML (indicators), or that
/// yaml-cpp reserves.
bool is_indicator(char c) {
  return string_view("-?:,[]{}#&*!|>'\"%@`").find(c) != string_view::npos;
}

bool is_null_word(string_view v) { return v == "~" || v == "null" || v == "Null" || v == "NULL"; }

string_view trim_spaces(string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return v;
}

/// A one-line scalar: plain, or quoted without escapes. nullopt when not that simple.
std::optional<string_view> scalar(string_view v) {
  v = trim_spaces(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) {
    string_view inner = v.substr(1, v.size() - 2);
    if (v.back() != v.front() || inner.find(v.front()) != string_view::npos ||
        inner.find('\\') != string_view::npos)
      return std::nullopt;
    return inner;
  }
  // Flow brackets are allowed inside a plain scalar of a block map, but declining them costs
  // nothing and leaves no doubt about how yaml-cpp reads them.
  if (v.empty() || is_indicator(v.front()) || is_null_word(v) || v.back() == ':' ||
      v.find(": ") != string_view::npos || v.find(" #") != string_view::npos ||
      v.find_first_of("[]{}") != string_view::npos)
    return std::nullopt;
  return v;
}

/// `order`: a plain decimal integer that yaml-cpp reads the same way.
std::optional<int> small_int(string_view v) {
  v = trim_spaces(v);
  bool negative = !v.empty() && v.front() == '-';
  string_view digits = negative ? v.substr(1) : v;
  if (digits.empty() || digits.size() > 9 || (digits.size() > 1 && digits.front() == '0'))
    return std::nullopt;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return negative ? -n : n;
}

/// Lines of the front matter, consumed one at a time.
struct Lines {
  string_view text;
  bool next(string_view& line) {
    if (text.empty()) return false;
    std::size_t eol = text.find('\n');
    line = text.substr(0, eol);
    text = eol == string_view::npos ? string_view() : text.substr(eol + 1);
    return true;
  }
  string_view peek() const { return text.substr(0, text.find('\n')); }
};

/// The `- item` lines after `aliases:`; false if there are none or one is not simple.
bool read_aliases(Lines& lines, FrontMatter& meta) {
  std::size_t indent = string_view::npos;
  while (!lines.text.empty()) {
    string_view line = lines.peek();
    std::size_t spaces = line.find_first_not_of(' ');
    if (spaces == string_view::npos || line.substr(spaces, 2) != "- ") break;
    if (indent != string_view::npos && spaces != indent) return false;
    indent = spaces;
    auto item = scalar(line.substr(spaces + 2));
    if (!item) return false;
    meta.aliases.emplace_back(*item);
    lines.next(line);
  }
  return indent != string_view::npos;
}

bool field(string_view key, string_view value, Lines& lines, FrontMatter& meta) {
  if (key == "aliases") return trim_spaces(value).empty() && read_aliases(lines, meta);
  if (key == "order") {
    auto n = small_int(value);
    if (n) meta.order = *n;
    return n.has_value();
  }
  if (key == "draft") {
    value = trim_spaces(value);
    meta.draft = value == "true";
    return value == "true" || value == "false";
  }
  auto text = scalar(value);
  if (!text) return false;
  if (key == "title") {
    meta.title = *text;
  } else if (key == "description") {
    meta.description = *text;
  } else if (key == "menu_title") {
    meta.menu_title = *text;
  } else if (key == "menu") {
    meta.main_menu = *text == "principal";
    return meta.main_menu;
  } else if (key == "layout") {
    meta.layout = *text;
    for (auto known : k_layouts)
      if (known == *text) return true;
    return false;
  } else {
    return false;  // unknown key: yaml-cpp's path reports it
  }
  return true;
}

/// Bytes that make the simple reader decline at once: other line breaks, tabs and control
/// characters, a byte order mark, and the Unicode line separators yaml-cpp may honour.
bool has_unusual_bytes(string_view yaml) {
  for (char c : yaml)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F) return true;
  for (string_view s : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
    if (yaml.find(s) != string_view::npos) return true;
  return false;
}

}  // namespace

bool read_simple_front_matter(string_view yaml, FrontMatter& meta) {
  if (has_unusual_bytes(yaml)) return false;
  Lines lines{yaml};
  std::array<bool, 8> seen{};
  constexpr std::array<string_view, 8> k_keys = {"title",   "description", "order", "draft",
                                                 "aliases", "layout",      "menu",  "menu_title"};
  for (string_view line; lines.next(line);) {
    if (line.empty()) continue;
    std::size_t colon = line.find(':');
    if (colon == string_view::npos || colon == 0 ||
        (colon + 1 < line.size() && line[colon + 1] != ' '))
      return false;
    string_view key = line.substr(0, colon);
    std::size_t k = 0;
    while (k < k_keys.size() && k_keys[k] != key) ++k;
    if (k == k_keys.size() || seen[k]) return false;
    seen[k] = true;
    if (!field(key, line.substr(colon + 1), lines, meta)) return false;
    // A more indented line right after would continue the value over several lines.
    if (!lines.text.empty() && lines.text.front() == ' ') return false;
  }
  return true;
}

}  // namespace tampon::site
