#pragma once
/// Markdown pages through cmark-gfm (tables, strikethrough, autolinks; smart punctuation) with
/// our own HTML writer: heading anchors, DSFR tables with caption and header scope, FAQ
/// accordions, download links, data blocks. Raw HTML is never passed through.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "tampon/diagnostic.hpp"

namespace tampon::site {

struct Heading {
  int level = 0;
  std::string id;    ///< anchor (unique in the page); for FAQ questions, the accordion's id
  std::string text;  ///< plain text
  int line = 0;      ///< file line
};

struct LinkRef {
  std::string target;  ///< as written
  int line = 0, column = 0;
  bool image = false;
};

struct DataBlockRef {
  std::string directive;  ///< content of a ```tampon block, trimmed: "grille relance-2021"
  int line = 0;
};

/// A piece of the page's HTML: fixed text, or a hole filled at render time.
struct Segment {
  enum class Kind { Html, Href, LinkAttrs, Detail, Block } kind = Kind::Html;
  std::string html;     ///< Kind::Html
  std::size_t ref = 0;  ///< index in `links` (Href, LinkAttrs, Detail) or `blocks` (Block)
};

/// A parsed page body, already written as HTML except for link targets and data blocks
/// (which depend on the other pages and on the model). Immutable; rendering only reads it.
struct ParsedMarkdown {
  std::vector<Segment> segments;
  std::vector<Heading> headings;  ///< document order
  std::vector<LinkRef> links;
  std::vector<DataBlockRef> blocks;
  std::string plain_text;  ///< for the search index
  bool faq = false;        ///< level-3 headings are accordion questions
};

/// Parses `body`, whose first line is line `first_line` of `display_path`. Raw HTML and tables
/// without caption give warnings. `reserved_ids` are ids the page template already uses.
ParsedMarkdown parse_markdown(const std::string& body, int first_line,
                              const std::string& display_path, bool faq,
                              const std::set<std::string>& reserved_ids, Diagnostics& diagnostics);

struct ResolvedLink {
  std::string href;
  std::string download_detail;  ///< "CSV – 1,2 ko" for files to download, else empty
};

struct RenderHooks {
  std::function<ResolvedLink(const LinkRef&)> resolve;
  std::function<std::string(const DataBlockRef&)> data_block;  ///< returns HTML
};

std::string render_markdown(const ParsedMarkdown& parsed, const RenderHooks& hooks);

/// The caption prefix of a table: a paragraph "Tableau : …" just before it.
inline constexpr std::string_view k_caption_prefix = "Tableau :";

/// Ensures cmark-gfm's extensions are registered; call before any worker thread starts.
void init_markdown();

}  // namespace tampon::site
