#pragma once
/// Blocks → slices: each slice is an unbreakable strip of the text column (a line of a
/// paragraph, a table row, a whole signature block, a figure) with its drawing, its height, and
/// whether a page break may follow it. Keeping rules live here, as "no break after this slice":
/// a heading stays with the next block, a paragraph never leaves one line alone at the bottom
/// or top of a page, a table header stays with its first row, and the paragraph before a
/// signature block stays with it.
#include <vector>

#include "render/document/blocks.hpp"
#include "render/document/display_list.hpp"
#include "render/document/text_layout.hpp"

namespace tampon::doc {

/// An element of the document's logical structure (tagged PDF): a standard structure type
/// ("Document", "H1", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Link",
/// "Figure", "Form", "Div") and its parent. Elements are listed parents first; the content of
/// an element is the drawing ops tagged with its index (DisplayList::tag), painted in reading
/// order.
struct StructNode {
  std::string role;
  int parent = -1;             ///< -1 for the root ("Document", index 0)
  std::string alt{};           ///< Figure: the alternative text (/Alt)
  std::string title{};         ///< H1..H3: the heading's text, for the outline (bookmarks)
  bool column_header = false;  ///< TH: /Scope /Column
};

struct Slice {
  double height = 0;
  double space_before = 0;  ///< dropped at the top of a page
  bool break_after = true;  ///< may a page break follow this slice?
  bool page_break_before = false;
  int table = -1;  ///< table this row belongs to, for repeating its header row
  bool table_header = false;
  int heading = -1;  ///< first slice of a heading: its structure element, for the outline
  DisplayList drawing;
};

/// The typographic settings of a document.
struct StyleSheet {
  const FontSet* fonts = nullptr;
  const Hyphenator* hyphenator = nullptr;
  double column_width = 0;  ///< width of the text column, points
  double body_size = 10.5;
  double leading = 1.32;  ///< line height as a multiple of the size
  double paragraph_space = 6;
  double table_size = 9.5;
  double cell_padding_x = 4;
  double cell_padding_y = 2.5;
  double signature_box_height = 64;
};

struct FlowResult {
  std::vector<Slice> slices;
  std::vector<std::size_t> table_headers;  ///< by table index: slice of its header row
  int signature_fields = 0;
  std::vector<StructNode> structure{{"Document"}};  ///< [0] is the root
  int add_node(std::string role, int parent) {
    structure.push_back({std::move(role), parent});
    return static_cast<int>(structure.size()) - 1;
  }
};

FlowResult layout_flow(const std::vector<Block>& blocks, const StyleSheet& style);

// Block layouts (flow_layout.cpp, table_layout.cpp, signature_layout.cpp).
/// `parent`: the structure element the table or the signature block goes in.
void layout_table(const Block& block, const StyleSheet& style, FlowResult& out, int parent);
void layout_signatures(const Block& block, const StyleSheet& style, FlowResult& out, int parent);
/// Every line but the last gets a space after its last run unless it ends with a hyphen, so
/// that text extraction and screen readers, which read the page's text in order, keep the
/// words of two lines apart. The space is invisible.
void separate_lines(std::vector<Line>& lines);
/// Baseline of a line of text of `size` in a line box of `height`.
double baseline_in(const StyleSheet& style, FontStyle face, double size, double height);

}  // namespace tampon::doc
