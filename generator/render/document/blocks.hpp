#pragma once
/// The content model between Markdown and layout: a flat sequence of blocks, each holding
/// inline runs of styled text. Lists are flattened into indented paragraphs with a marker.
#include <string>
#include <vector>

#include "render/document/canvas.hpp"
#include "render/document/document_engine.hpp"

namespace tampon::doc {

/// A run of text in one face. A hard line break is a span whose text is "\n". `link` is the
/// target of a Markdown link the text belongs to (http, https or mailto only), else empty.
struct Span {
  std::string text;
  FontStyle style = FontStyle::Regular;
  std::string link{};
};
using Inline = std::vector<Span>;

struct TableBlock {
  std::vector<TextAlign> align;           ///< per column
  std::vector<std::vector<Inline>> rows;  ///< rows[0] is the header when has_header
  bool has_header = true;
};

/// One signing party: its lines (the first printed in bold), and a box to sign in.
struct SignatureParty {
  std::vector<std::string> lines;
};

struct Block {
  enum class Kind { Paragraph, Heading, Table, Rule, Signatures, Figure, PageBreak };
  Kind kind = Kind::Paragraph;
  Inline text{};               ///< Paragraph, Heading
  int level = 0;               ///< Heading: 1 title, 2 article, 3 sub-heading
  double indent = 0;           ///< list nesting, points
  std::string marker{};        ///< list marker ("•", "1.") on the first paragraph of an item
  bool in_tight_list = false;  ///< item of a tight list: little space before it
  TableBlock table{};
  std::vector<SignatureParty> parties{};
  double height = 0;    ///< Figure
  FigureDrawer draw{};  ///< Figure
  std::string alt{};    ///< Figure: its text alternative, in French
};

}  // namespace tampon::doc
