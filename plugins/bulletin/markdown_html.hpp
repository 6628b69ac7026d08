#pragma once
/// The highlights of monthly reports: Markdown written by structures, shown inside a bulletin.
/// They are parsed with cmark-gfm and tamed on the syntax tree before either rendering, so a
/// report can neither inject markup nor reshape the bulletin:
///   - raw HTML (blocks and inline) is removed;
///   - images become their alternative text (a bulletin loads nothing from elsewhere);
///   - headings become bold paragraphs (the bulletin's own headings keep the outline);
///   - fenced code blocks lose their info string (no document-engine directive such as
///     `signatures` or `saut-de-page`);
///   - `javascript:`-like link targets are emptied by cmark-gfm's safe HTML rendering.
#include <string>
#include <string_view>

namespace tampon::bulletin {

/// Registers the GFM extensions. cmark-gfm's registry is a plain global: call it once before
/// rendering on several threads (the emitter's constructor does).
void register_markdown_extensions();

/// A highlight as HTML, for the HTML bulletin.
std::string highlight_html(std::string_view markdown);
/// A highlight as tamed CommonMark, for the document engine (PDF bulletin).
std::string highlight_markdown(std::string_view markdown);

}  // namespace tampon::bulletin
