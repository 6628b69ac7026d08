#pragma once
#include <string>
#include <string_view>

namespace tampon::render {

/// Escapes text for HTML element content and attribute values (& < > " '). Every value that
/// comes from a record goes through this before it reaches HTML.
std::string html_escape(std::string_view text);

}  // namespace tampon::render
