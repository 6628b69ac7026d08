#pragma once
/// Recorded drawing operations: the layout records them, figures record them through the
/// Canvas interface, and the PDF painter replays them. Coordinates are in points, y downwards,
/// relative to the origin of the slice that owns the list.
#include <string>
#include <vector>

#include "render/document/canvas.hpp"

namespace tampon::doc {

struct FontSet;
struct Run;

struct DrawOp {
  /// Mark: no drawing; opens the structure element `node` (tagged PDF) for the ops after it.
  enum class Kind : unsigned char { Text, Rect, Line, Path, SignatureField, Link, Mark };
  Kind kind = Kind::Text;
  /// Structure element (FlowResult::structure) the op belongs to; -1: an artifact (borders,
  /// backgrounds, rules), left out of the structure tree.
  int node = -1;
  double x = 0, y = 0;  ///< Text: left end of the baseline; Rect/field/link: top-left; Line: start
  double w = 0, h = 0;  ///< Rect/field/link: size; Line: end point (x2, y2)
  Paint paint{};        ///< Rect, Path
  Color color{};        ///< Text, Line
  double line_width = 0;                 ///< Line
  FontStyle style = FontStyle::Regular;  ///< Text
  double size = 0;                       ///< Text
  std::string text{};             ///< Text (UTF-8); SignatureField: field name; Link: its target
  std::string alt{};              ///< SignatureField: tooltip (/TU); Link: its text (/Contents)
  double extra_space = 0;         ///< Text: added to each U+0020
  std::vector<PathPoint> path{};  ///< Path
};

class DisplayList : public Canvas {
 public:
  explicit DisplayList(const FontSet* fonts = nullptr) : m_fonts(fonts) {}

  void rect(double x, double y, double w, double h, const Paint& paint) override;
  void line(double x1, double y1, double x2, double y2, double width, Color color) override;
  void path(const Path& path, const Paint& paint) override;
  void text(double x, double y, std::string_view utf8, FontStyle style, double size,
            Color color = {}, TextAlign align = TextAlign::Left) override;
  double text_width(std::string_view utf8, FontStyle style, double size) const override;

  /// A justified run: text whose spaces each get `extra_space` more than their natural width.
  void run(double x, double y, std::string text, FontStyle style, double size, double extra_space,
           Color color = {});
  /// A laid-out run, and a clickable area over it when it belongs to a link.
  void run(double x, double y, const Run& run, double size);
  /// `name`: the field name; `tooltip`: its /TU, what a screen reader announces.
  void signature_field(double x, double y, double w, double h, std::string name,
                       std::string tooltip = {});
  /// The ops recorded from now on belong to structure element `node` (-1: artifacts).
  void tag(int node);

  const std::vector<DrawOp>& ops() const { return m_ops; }

 private:
  const FontSet* m_fonts;
  void push(DrawOp&& op) {
    op.node = m_node;
    m_ops.push_back(std::move(op));
  }
  std::vector<DrawOp> m_ops;
  int m_node = -1;
};

}  // namespace tampon::doc
