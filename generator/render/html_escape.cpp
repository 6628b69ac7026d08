#include "render/html_escape.hpp"

namespace tampon::render {

void append_escaped(std::string& out, std::string_view text) {
  std::size_t from = 0;
  for (std::size_t at; (at = find_html_special(text, from)) != std::string_view::npos;) {
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

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text);
  return out;
}

}  // namespace tampon::render
