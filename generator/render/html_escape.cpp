#include "render/html_escape.hpp"

namespace tampon::render {

void append_escaped(std::string& out, std::string_view text, Apostrophe apostrophe) {
  std::size_t from = 0;
  for (std::size_t at; (at = find_html_special(text, from)) != std::string_view::npos;) {
    if (text[at] == '\'' && apostrophe == Apostrophe::Kept) {
      out.append(text, from, at + 1 - from);
      from = at + 1;
      continue;
    }
    out.append(text, from, at - from);
    switch (text[at]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += "&#39;";
    }
    from = at + 1;
  }
  out.append(text, from);
}

void append_href_escaped(std::string& out, std::string_view url) {
  static constexpr auto k_safe = [] {
    std::array<bool, 256> table{};
    for (unsigned char c = '0'; c <= '9'; ++c) table[c] = true;
    for (unsigned char c = 'a'; c <= 'z'; ++c) table[c] = table[c - 'a' + 'A'] = true;
    for (unsigned char c : std::string_view("-_.+!*(),%#@?=;:/$~")) table[c] = true;
    return table;
  }();
  static constexpr char k_hex[] = "0123456789ABCDEF";
  for (char c : url) {
    auto byte = static_cast<unsigned char>(c);
    if (k_safe[byte]) {
      out += c;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\'') {
      out += "&#x27;";
    } else {
      out += '%';
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xF];
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text);
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text, Apostrophe::Kept);
  return out;
}

}  // namespace tampon::render
