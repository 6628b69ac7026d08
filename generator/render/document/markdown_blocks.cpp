#include "render/document/markdown_blocks.hpp"

#include "render/document/text_layout.hpp"
#include "render/markdown_parser.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <string>
#include <utility>

namespace tampon::doc {
namespace {

constexpr double k_list_indent = 18;  // points per nesting level

std::string literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text ? text : "";
}

std::string_view type_name(cmark_node* node) {
  const char* name = cmark_node_get_type_string(node);
  return name ? name : "";
}

/// The target of a link node if a reader may follow it: web and mail addresses only, so that
/// a record's text cannot plant a `javascript:` or `file:` action in a document.
std::string link_target(cmark_node* link) {
  const char* url = cmark_node_get_url(link);
  std::string_view target = url ? url : "";
  for (std::string_view scheme : {"https://", "http://", "mailto:"})
    if (target.starts_with(scheme) && target.size() > scheme.size()) return std::string(target);
  return {};
}

void collect_inline(cmark_node* node, FontStyle style, const std::string& link, Inline& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out.push_back({literal(child), style, link});
        break;
      case CMARK_NODE_SOFTBREAK:
        out.push_back({" ", style, link});
        break;
      case CMARK_NODE_LINEBREAK:
        out.push_back({"\n", style});
        break;
      case CMARK_NODE_EMPH:
        collect_inline(child, combine(style, FontStyle::Italic), link, out);
        break;
      case CMARK_NODE_STRONG:
        collect_inline(child, combine(style, FontStyle::Bold), link, out);
        break;
      case CMARK_NODE_LINK:
        collect_inline(child, style, link_target(child), out);
        break;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_IMAGE:
        break;  // raw HTML is dropped; images have no place in these documents
      default:
        collect_inline(child, style, link, out);  // strikethrough and the like: their text
    }
  }
}

void collect_inline(cmark_node* node, FontStyle style, Inline& out) {
  collect_inline(node, style, std::string(), out);
}

/// A signature line as written in the fenced block: Markdown backslash escapes (which
/// template values carry) are undone, since fenced text is otherwise literal, and apostrophes
/// take their typographic form, as cmark's smart punctuation gives elsewhere.
std::string signature_line(std::string_view line) {
  static constexpr std::string_view k_punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size() &&
        k_punctuation.find(line[i + 1]) != std::string_view::npos)
      c = line[++i];
    if (c == '\'')
      out += "\u2019";
    else
      out += c;
  }
  return out;
}

std::vector<SignatureParty> parse_parties(const std::string& text) {
  std::vector<SignatureParty> parties(1);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) {
      if (!parties.back().lines.empty()) parties.emplace_back();
    } else {
      parties.back().lines.push_back(signature_line(line.substr(line.find_first_not_of(' '))));
    }
    start = end + 1;
  }
  if (parties.back().lines.empty()) parties.pop_back();
  return parties;
}

TableBlock convert_table(cmark_node* table) {
  TableBlock out;
  uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
  uint8_t* align = cmark_gfm_extensions_get_table_alignments(table);
  for (uint16_t c = 0; c < columns; ++c) {
    char a = align ? static_cast<char>(align[c]) : 0;
    out.align.push_back(a == 'r'   ? TextAlign::Right
                        : a == 'c' ? TextAlign::Center
                                   : TextAlign::Left);
  }
  out.has_header = false;
  for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
    if (cmark_gfm_extensions_get_table_row_is_header(row)) out.has_header = true;
    std::vector<Inline> cells;
    for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
      cells.emplace_back();
      collect_inline(cell, FontStyle::Regular, cells.back());
    }
    cells.resize(columns);
    out.rows.push_back(std::move(cells));
  }
  return out;
}

class Converter {
 public:
  std::vector<Block> blocks;

  void container(cmark_node* node, double indent) {
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child))
      block(child, indent);
  }

 private:
  void block(cmark_node* node, double indent);
  void list(cmark_node* node, double indent);
  void code(cmark_node* node, double indent);

  std::string m_marker;  // pending marker for the next paragraph (first one of an item)
  bool m_tight = false;
};

void Converter::block(cmark_node* node, double indent) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING: {
      Block b;
      bool heading = cmark_node_get_type(node) == CMARK_NODE_HEADING;
      b.kind = heading ? Block::Kind::Heading : Block::Kind::Paragraph;
      b.level = heading ? cmark_node_get_heading_level(node) : 0;
      b.indent = indent;
      b.marker = std::exchange(m_marker, "");
      b.in_tight_list = m_tight;
      collect_inline(node, FontStyle::Regular, b.text);
      blocks.push_back(std::move(b));
      break;
    }
    case CMARK_NODE_LIST:
      list(node, indent);
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      container(node, indent + k_list_indent);
      break;
    case CMARK_NODE_CODE_BLOCK:
      code(node, indent);
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      blocks.push_back(Block{.kind = Block::Kind::Rule});
      break;
    default:
      if (type_name(node) == "table") {
        Block b{.kind = Block::Kind::Table};
        b.indent = indent;
        b.table = convert_table(node);
        blocks.push_back(std::move(b));
      }
      // HTML blocks and anything unknown are dropped.
  }
}

void Converter::list(cmark_node* node, double indent) {
  bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
  int number = cmark_node_get_list_start(node);
  bool paren = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM;
  bool outer_tight = m_tight;
  m_tight = cmark_node_get_list_tight(node) != 0;
  bool first = true;
  for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
    // French lists use a dash, numbered ones "1." or "1)".
    m_marker = ordered ? std::to_string(number++) + (paren ? ")" : ".") : "\u2013";
    std::size_t before = blocks.size();
    container(item, indent + k_list_indent);
    if (first && blocks.size() > before) blocks[before].in_tight_list = false;  // list start
    first = false;
  }
  m_marker.clear();
  m_tight = outer_tight;
}

void Converter::code(cmark_node* node, double indent) {
  const char* info = cmark_node_get_fence_info(node);
  std::string_view kind = info ? info : "";
  std::string text = literal(node);
  if (kind == "signatures") {
    blocks.push_back(Block{.kind = Block::Kind::Signatures, .parties = parse_parties(text)});
  } else if (kind == "saut-de-page") {
    blocks.push_back(Block{.kind = Block::Kind::PageBreak});
  } else {
    Block b{.kind = Block::Kind::Paragraph};
    b.indent = indent;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    b.text.push_back({text, FontStyle::Regular});
    blocks.push_back(std::move(b));
  }
}

}  // namespace

std::vector<Block> parse_markdown(std::string_view markdown) {
  render::MarkdownTree tree = render::parse_markdown_tree(
      markdown, {CMARK_OPT_SMART, render::k_gfm_table | render::k_gfm_strikethrough});
  Converter converter;
  converter.container(tree.root(), 0);
  return std::move(converter.blocks);
}

}  // namespace tampon::doc
