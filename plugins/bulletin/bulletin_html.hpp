#pragma once
/// The HTML bulletin: one self-contained, accessible page (inline CSS, inline SVG charts with a
/// text alternative and their figures in tables, no script), printable on A4. Every value taken
/// from a record goes through html_escape; report highlights go through the safe Markdown
/// renderer.
#include <string>

#include "bulletin_data.hpp"

namespace tampon::bulletin {

std::string bulletin_html(const BulletinData& data);

}  // namespace tampon::bulletin
