#pragma once
/// HTML escaping (& < > " ' as &amp; &lt; &gt; &quot; &#39;). Every value that comes from a
/// record or a page goes through here before it reaches HTML. Rendering a 1 000-page site
/// escapes every value of every page, so the scan is one table look-up per byte:
/// `std::string::find_first_of` with a set of five characters calls memchr on the set for every
/// byte of the text, which was the single largest item of the site's profile.
#include <array>
#include <string>
#include <string_view>

namespace tampon::render {

/// Whether `c` is one of & < > " '.
inline bool is_html_special(char c) {
  static constexpr auto k_special = [] {
    std::array<bool, 256> table{};
    for (unsigned char s : {'&', '<', '>', '"', '\''}) table[s] = true;
    return table;
  }();
  return k_special[static_cast<unsigned char>(c)];
}

/// Position of the first character to escape at or after `from`, or npos.
inline std::size_t find_html_special(std::string_view text, std::size_t from = 0) {
  const char* p = text.data();
  for (std::size_t i = from; i < text.size(); ++i)
    if (is_html_special(p[i])) return i;
  return std::string_view::npos;
}

/// Whether an apostrophe is written &#39; (HTML, where attribute values may be single-quoted)
/// or kept as it is (the XMP metadata of the PDFs, always double-quoted: their bytes stay
/// those of every earlier build).
enum class Apostrophe { Escaped, Kept };

/// Appends `text` escaped, copying runs of plain characters at once.
void append_escaped(std::string& out, std::string_view text,
                    Apostrophe apostrophe = Apostrophe::Escaped);

/// `text` escaped, for element content and attribute values.
std::string html_escape(std::string_view text);
/// `text` with & < > " escaped and the apostrophe kept: XML text and double-quoted attributes.
std::string xml_escape(std::string_view text);

/// Appends a link target for an href or src attribute as CommonMark's reference writer does
/// (cmark's houdini_escape_href): letters, digits and -_.+!*(),%#@?=;:/$~ stay, & and ' become
/// &amp; and &#x27;, every other byte %XX ("/f&ouml;" → "/f%C3%B6", "a b" → "a%20b"). A '%'
/// is kept, so a target already percent-encoded is not encoded twice.
void append_href_escaped(std::string& out, std::string_view url);

}  // namespace tampon::render
