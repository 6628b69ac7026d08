#include "markdown_html.hpp"

#include <cmark-gfm.h>

#include <vector>

#include "render/markdown_parser.hpp"

namespace tampon::bulletin {
namespace {

// CMARK_OPT_DEFAULT is safe: CMARK_OPT_UNSAFE would be needed to let raw HTML or
// `javascript:` links through.
constexpr int k_options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;
const render::MarkdownSettings k_settings{
    k_options, render::k_gfm_autolink | render::k_gfm_strikethrough | render::k_gfm_table |
                   render::k_gfm_tagfilter};

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
  render::MarkdownTree document = render::parse_markdown_tree(markdown, k_settings);
  Removed removed;  // destroyed before `document`, after rendering
  tame(document.root(), removed);
  char* text = render(document.root(), document.extensions());
  std::string out(text);
  cmark_get_default_mem_allocator()->free(text);
  return out;
}

}  // namespace

void register_markdown_extensions() { render::ensure_markdown_registered(); }

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
