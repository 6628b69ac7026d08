#pragma once
/// The one cmark-gfm parser factory: registration of the GFM extensions, options and the
/// extensions attached to a parser. The site, the bulletin and the document engine parse
/// through it and keep only their own writer.
///
/// cmark-gfm 0.29 is not thread-safe as shipped: every parse adds the inline extensions'
/// characters (autolink ':' and 'w', strikethrough '~') to a process-wide table before its
/// inline phase and removes them after, so a parse that ends clears them under a parse still
/// running, whose "www." addresses then stay plain text. parse_markdown_tree() therefore runs
/// that phase (cmark_parser_finish) under one process-wide lock (markdown_parser.cpp,
/// ARCHITECTURE.md).
#include <cmark-gfm.h>

#include <memory>
#include <string_view>

namespace tampon::render {

/// GFM extensions a parser attaches (a bit set).
enum MarkdownExtension : unsigned {
  k_gfm_table = 1u << 0,
  k_gfm_strikethrough = 1u << 1,
  k_gfm_autolink = 1u << 2,
  k_gfm_tagfilter = 1u << 3,  ///< applies when rendering with cmark_render_html
};

struct MarkdownSettings {
  int options = CMARK_OPT_DEFAULT;  ///< CMARK_OPT_*; never CMARK_OPT_UNSAFE
  unsigned extensions = 0;          ///< MarkdownExtension bits
};

/// Registers cmark-gfm's core extensions, once per process; parse_markdown_tree() calls it.
void ensure_markdown_registered();

/// A parsed document and the parser that owns its extension list (needed to render it).
class MarkdownTree {
 public:
  cmark_node* root() const { return m_root.get(); }
  /// The attached extensions, for cmark_render_html.
  cmark_llist* extensions() const;

 private:
  friend MarkdownTree parse_markdown_tree(std::string_view, const MarkdownSettings&);
  struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
  };
  struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
  };
  std::unique_ptr<cmark_parser, ParserFree> m_parser;
  std::unique_ptr<cmark_node, NodeFree> m_root;  ///< freed before the parser
};

/// Parses `text` with `settings`; safe to call from any number of threads at once.
MarkdownTree parse_markdown_tree(std::string_view text, const MarkdownSettings& settings);

}  // namespace tampon::render
