#pragma once
/// The PDF bulletin: the same content as the HTML one, typeset by the document engine, charts
/// drawn as vector graphics. Record values are escaped for Markdown; report highlights are
/// Markdown already, tamed first (markdown_html.hpp: no raw HTML, image, heading or engine
/// directive).
#include <filesystem>
#include <string>
#include <vector>

#include "bulletin_data.hpp"
#include "render/document/document_engine.hpp"

namespace tampon::bulletin {

/// Liberation Sans, the bulletins' font (Debian fonts-liberation2).
doc::FontFiles bulletin_fonts();

/// `utf8` without the characters the bulletin font lacks (an emoji in a highlight), which the
/// engine could not print; the HTML bulletin keeps them. Emitter::check warns about each.
std::string printable_text(std::string_view utf8);
/// The distinct characters of `utf8` that the bulletin font lacks, control characters excepted
/// (they are whitespace to Markdown), in order of first appearance.
std::vector<char32_t> unprintable_characters(std::string_view utf8);

void write_bulletin_pdf(const BulletinData& data, const std::filesystem::path& output);

}  // namespace tampon::bulletin
