#include "markdown_html.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>
#include <vector>

namespace tampon::bulletin {
namespace {

// CMARK_OPT_DEFAULT is safe: CMARK_OPT_UNSAFE would be needed to let raw HTML or
// `javascript:` links through.
constexpr int k_options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;

using Parser = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using Node = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

Parser make_parser() {
  register_markdown_extensions();
  Parser parser(cmark_parser_new(k_options), cmark_parser_free);
  for (const char* name : {"autolink", "strikethrough", "table", "tagfilter"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  return parser;
}

/// Nodes taken out of the tree, freed only after rendering: the text of an inline node may
/// point into the buffer of the block it was parsed from (cmark chunks do not own their bytes),
/// so a heading whose children moved elsewhere must outlive them.
class Removed {
 public:
  Removed() = default;
  Removed(const Removed&) = delete;
  Removed& operator=(const Removed&) = delete;
  ~Removed() {
    for (cmark_node* node : m_nodes) cmark_node_free(node);
  }
  void add(cmark_node* node) {
    cmark_node_unlink(node);
    m_nodes.push_back(node);
  }

 private:
  std::vector<cmark_node*> m_nodes;
};

/// Moves the children of `node` in its place and removes it.
void unwrap(cmark_node* node, Removed& removed) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  removed.add(node);
}

/// A heading becomes a paragraph holding its text in bold.
void demote_heading(cmark_node* heading, Removed& removed) {
  cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
  cmark_node* strong = cmark_node_new(CMARK_NODE_STRONG);
  while (cmark_node* child = cmark_node_first_child(heading))
    cmark_node_append_child(strong, child);
  cmark_node_append_child(paragraph, strong);
  cmark_node_insert_before(heading, paragraph);
  removed.add(heading);
}

/// Applies the rules of the header to the tree. Nodes are collected first: changing the tree
/// while iterating over it is not allowed.
void tame(cmark_node* document, Removed& removed) {
  std::vector<cmark_node*> found;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER) found.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  // Children come after their parent: handle them first, so that moving a node's children
  // never moves one still to be handled out of order.
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    cmark_node* node = *it;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        removed.add(node);
        break;
      case CMARK_NODE_IMAGE:
        unwrap(node, removed);
        break;
      case CMARK_NODE_HEADING:
        demote_heading(node, removed);
        break;
      case CMARK_NODE_CODE_BLOCK:
        cmark_node_set_fence_info(node, "");
        break;
      default:
        break;
    }
  }
}

/// Parses, tames and renders with `render` (which returns a malloc'ed string).
template <typename Render>
std::string convert(std::string_view markdown, Render render) {
  Parser parser = make_parser();
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  Node document(cmark_parser_finish(parser.get()), cmark_node_free);
  Removed removed;  // destroyed before `document`, after rendering
  tame(document.get(), removed);
  char* text = render(document.get(), cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(text);
  cmark_get_default_mem_allocator()->free(text);
  return out;
}

}  // namespace

void register_markdown_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::string highlight_html(std::string_view markdown) {
  return convert(markdown, [](cmark_node* root, cmark_llist* extensions) {
    return cmark_render_html(root, k_options, extensions);
  });
}

std::string highlight_markdown(std::string_view markdown) {
  return convert(markdown, [](cmark_node* root, cmark_llist*) {
    return cmark_render_commonmark(root, k_options, 0);
  });
}

}  // namespace tampon::bulletin
