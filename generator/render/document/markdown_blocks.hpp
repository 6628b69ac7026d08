#pragma once
/// Markdown (CommonMark + GFM tables) → the engine's blocks, through cmark-gfm. Raw HTML is
/// dropped; the fenced blocks ```signatures and ```saut-de-page are directives
/// (document_engine.hpp).
#include <string_view>
#include <vector>

#include "render/document/blocks.hpp"

namespace tampon::doc {

std::vector<Block> parse_markdown(std::string_view markdown);

}  // namespace tampon::doc
