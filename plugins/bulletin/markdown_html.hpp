#pragma once
/// The highlights of monthly reports, from Markdown to HTML with cmark-gfm in its default safe
/// mode: raw HTML is replaced by a comment and `javascript:`-like links are emptied, so a report
/// can never inject markup into a bulletin.
#include <string>
#include <string_view>

namespace tampon::bulletin {

/// Registers the GFM extensions. cmark-gfm's registry is a plain global: call it once before
/// rendering on several threads (the emitter's constructor does).
void register_markdown_extensions();

std::string markdown_to_html(std::string_view markdown);

}  // namespace tampon::bulletin
