#pragma once
/// The PDF bulletin: the same content as the HTML one, typeset by the document engine, charts
/// drawn as vector graphics. Record values are escaped for Markdown; report highlights are
/// Markdown already (raw HTML is dropped by the engine) and are kept from using the engine's
/// directives or the document's heading levels.
#include <filesystem>
#include <string>

#include "bulletin_data.hpp"

namespace tampon::bulletin {

void write_bulletin_pdf(const BulletinData& data, const std::filesystem::path& output);

/// A highlight's Markdown made safe for the document engine: fenced blocks lose their info
/// string (no `signatures` or `saut-de-page` directive), headings move below the bulletin's.
std::string tame_highlight(std::string_view markdown);

}  // namespace tampon::bulletin
