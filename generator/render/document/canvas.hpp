#pragma once
/// The vector-drawing primitives of the document engine: what a figure (a chart in an activity
/// bulletin, a signature box) draws with. Coordinates are PDF points (1/72 inch) relative to the
/// figure's top-left corner, with y growing DOWNWARDS, like the page flow; the engine converts
/// to PDF space when painting. Colours are RGB in 0..1.
#include <string>
#include <string_view>
#include <vector>

namespace tampon::doc {

/// The four faces of the document's font family.
enum class FontStyle : unsigned char { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

struct Color {
  double r = 0, g = 0, b = 0;
  static constexpr Color gray(double level) { return {level, level, level}; }
  friend bool operator==(const Color&, const Color&) = default;
};

enum class TextAlign { Left, Center, Right };

/// One point of a path.
struct PathPoint {
  enum class Kind : unsigned char { Move, Line, Curve, Close } kind = Kind::Move;
  double x = 0, y = 0;                    ///< end point
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  ///< control points (Curve only)
};

/// A path under construction: `Path().move(0, 0).line(10, 0).line(10, 10).close()`.
class Path {
 public:
  Path& move(double x, double y) { return add({PathPoint::Kind::Move, x, y}); }
  Path& line(double x, double y) { return add({PathPoint::Kind::Line, x, y}); }
  Path& curve(double x1, double y1, double x2, double y2, double x, double y) {
    return add({PathPoint::Kind::Curve, x, y, x1, y1, x2, y2});
  }
  Path& close() { return add({PathPoint::Kind::Close}); }
  const std::vector<PathPoint>& points() const { return m_points; }

 private:
  Path& add(PathPoint p) {
    m_points.push_back(p);
    return *this;
  }
  std::vector<PathPoint> m_points;
};

/// How a closed shape or a path is painted. A negative stroke width means "no stroke"; an
/// absent fill means "no fill".
struct Paint {
  bool fill = false;
  Color fill_color{};
  double stroke_width = -1;
  Color stroke_color{};
  static Paint filled(Color c) { return {true, c, -1, {}}; }
  static Paint stroked(double width, Color c = {}) { return {false, {}, width, c}; }
};

/// Drawing surface given to figures. Every call is recorded and painted in order.
class Canvas {
 public:
  virtual ~Canvas() = default;
  virtual void rect(double x, double y, double w, double h, const Paint& paint) = 0;
  virtual void line(double x1, double y1, double x2, double y2, double width, Color color) = 0;
  virtual void path(const Path& path, const Paint& paint) = 0;
  /// Text on one line with its baseline at `y`; `x` is the left, centre or right end according
  /// to `align`. Throws MissingGlyph when the font lacks a character.
  virtual void text(double x, double y, std::string_view utf8, FontStyle style, double size,
                    Color color = {}, TextAlign align = TextAlign::Left) = 0;
  /// Width of `utf8` in points, to place labels.
  virtual double text_width(std::string_view utf8, FontStyle style, double size) const = 0;
};

}  // namespace tampon::doc
