#include "render/markdown_parser.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <mutex>

namespace tampon::render {
namespace {

/// Canonical order of attachment (the inline extensions' characters are disjoint, so the
/// order changes no output).
constexpr struct {
  MarkdownExtension bit;
  const char* name;
} k_extensions[] = {
    {k_gfm_table, "table"},
    {k_gfm_strikethrough, "strikethrough"},
    {k_gfm_autolink, "autolink"},
    {k_gfm_tagfilter, "tagfilter"},
};

/// cmark_parser_finish() adds the attached inline extensions' characters (autolink ':' and
/// 'w', strikethrough '~') to a process-wide table before its inline phase and removes them
/// after (blocks.c, process_inlines): a parse ending on one thread cleared them under a parse
/// still running on another, whose "www." addresses or ~~text~~ then stayed plain. The table
/// cannot be fixed once instead: strikethrough's closing delimiters look their extension up
/// by these characters (inlines.c, get_extension_for_special_char), and cmark-gfm loops
/// forever without them. So the inline phase runs one at a time; block parsing (feed) stays
/// parallel.
std::mutex g_inline_phase;

}  // namespace

void ensure_markdown_registered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

cmark_llist* MarkdownTree::extensions() const {
  return cmark_parser_get_syntax_extensions(m_parser.get());
}

MarkdownTree parse_markdown_tree(std::string_view text, const MarkdownSettings& settings) {
  ensure_markdown_registered();
  MarkdownTree tree;
  tree.m_parser.reset(cmark_parser_new(settings.options));
  for (const auto& ext : k_extensions)
    if (settings.extensions & ext.bit)
      if (cmark_syntax_extension* found = cmark_find_syntax_extension(ext.name))
        cmark_parser_attach_syntax_extension(tree.m_parser.get(), found);
  cmark_parser_feed(tree.m_parser.get(), text.data(), text.size());
  std::lock_guard lock(g_inline_phase);
  tree.m_root.reset(cmark_parser_finish(tree.m_parser.get()));
  return tree;
}

}  // namespace tampon::render
