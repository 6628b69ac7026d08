#include "render/document/text_layout.hpp"

#include <algorithm>

#include "render/document/hyphenator.hpp"
#include "render/document/line_breaker.hpp"

namespace tampon::doc {
namespace {

constexpr int k_hyphen_penalty = 50;
constexpr int k_split_penalty = 1000;  // inside an overlong word, as a last resort

/// One character of a paragraph. `link` points at the link target of its span (the Inline
/// outlives the layout), or is null.
struct Char {
  char32_t c;
  FontStyle style;
  const std::string* link = nullptr;
};

bool same_face(const Char& a, const Char& b) { return a.style == b.style && a.link == b.link; }

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r'; }

/// French typography: the space before « ; : ! ? » and after « never breaks. Authors and
/// records write an ordinary space; make it the right no-break space here.
void french_spacing(std::vector<Char>& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i].c;
    bool before = i > 0 && text[i - 1].c == U' ';
    if (before && (c == U';' || c == U'!' || c == U'?')) text[i - 1].c = U'\u202F';
    if (before && (c == U':' || c == U'\u00BB')) text[i - 1].c = U'\u00A0';
    if (c == U'\u00AB' && i + 1 < text.size() && text[i + 1].c == U' ') text[i + 1].c = U'\u00A0';
    // "n° 3": the number never starts a line.
    if (c == U'\u00B0' && i > 0 && text[i - 1].c == U'n' && i + 1 < text.size() &&
        text[i + 1].c == U' ')
      text[i + 1].c = U'\u00A0';
  }
}

std::vector<Char> flatten(const Inline& text, FontStyle base) {
  std::vector<Char> out;
  for (const Span& span : text) {
    FontStyle style = combine(base, span.style);
    const std::string* link = span.link.empty() ? nullptr : &span.link;
    for (std::size_t i = 0; i < span.text.size();)
      out.push_back({next_codepoint(span.text, i), style, link});
  }
  french_spacing(out);
  return out;
}

/// The items of a paragraph and, in parallel, what each one prints.
struct Content {
  FontStyle style = FontStyle::Regular;
  std::string text;  ///< box: its text; glue: " "; flagged penalty: "-"
  const std::string* link = nullptr;
};

class ItemBuilder {
 public:
  ItemBuilder(const TextSettings& s, double line_width) : m_s(s), m_line_width(line_width) {}

  void build(const std::vector<Char>& chars) {
    std::size_t i = 0;
    while (i < chars.size()) {
      if (chars[i].c == U'\n') {
        hard_break();
        ++i;
      } else if (is_space(chars[i].c)) {
        glue(chars[i]);
        while (i < chars.size() && is_space(chars[i].c)) ++i;
      } else {
        std::size_t end = i;
        while (end < chars.size() && chars[end].c != U'\n' && !is_space(chars[end].c)) ++end;
        word(chars, i, end);
        i = end;
      }
    }
    finish();
  }

  std::vector<BreakItem> items;
  std::vector<Content> contents;

 private:
  double advance(FontStyle style, char32_t c) const {
    return m_s.fonts->face(style).advance(c) * m_s.size / 1000.0;
  }
  double width(FontStyle style, std::string_view text) const {
    return m_s.fonts->face(style).width(text, m_s.size);
  }
  void push(BreakItem item, Content content) {
    items.push_back(item);
    contents.push_back(std::move(content));
  }
  void glue(const Char& space) {
    if (items.empty() || items.back().type != BreakItem::Type::Box) return;
    double w = advance(space.style, U' ');
    // A space belongs to a link only between two of its words: the link's clickable area
    // covers its words and the spaces between them, not the spaces around it.
    const std::string* link = contents.back().link == space.link ? space.link : nullptr;
    push({BreakItem::Type::Glue, w, w / 2, w / 3}, {space.style, " ", link});
  }
  void hard_break() {
    push({BreakItem::Type::Glue, 0, k_infinite_stretch, 0}, {});
    push({BreakItem::Type::Penalty, 0, 0, 0, -k_force_break}, {});
  }
  void finish() {
    while (!items.empty() && items.back().type != BreakItem::Type::Box) {
      items.pop_back();
      contents.pop_back();
    }
    hard_break();
  }
  void word(const std::vector<Char>& chars, std::size_t begin, std::size_t end);
  void segment(FontStyle style, const std::string& text);
  void box(FontStyle style, std::string text);

  const std::string* m_link = nullptr;  // link of the segment being built

  const TextSettings& m_s;
  double m_line_width;
};

void ItemBuilder::word(const std::vector<Char>& chars, std::size_t begin, std::size_t end) {
  // A word may change face midway ("**4**e"): one segment per face, no break between them.
  std::size_t i = begin;
  while (i < end) {
    std::size_t j = i;
    std::string text;
    while (j < end && same_face(chars[j], chars[i])) append_utf8(text, chars[j++].c);
    require_glyphs(*m_s.fonts, chars[i].style, text);
    m_link = chars[i].link;
    segment(chars[i].style, text);
    i = j;
  }
}

void ItemBuilder::segment(FontStyle style, const std::string& text) {
  std::vector<std::size_t> cuts;
  if (m_s.hyphenator && text.find('-') == std::string::npos) cuts = m_s.hyphenator->points(text);
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    box(style, text.substr(from, cut - from));
    push({BreakItem::Type::Penalty, advance(style, U'-'), 0, 0, k_hyphen_penalty, true},
         {style, "-", m_link});
    from = cut;
  }
  // A word that has its own hyphens ("quarante-quatre", "Caudrésis-Catésis") stays whole:
  // amounts in words must not split, and text extraction would take a hyphen at a line end
  // for a hyphenation and drop it.
  box(style, text.substr(from));
}

void ItemBuilder::box(FontStyle style, std::string text) {
  if (text.empty()) return;
  double w = width(style, text);
  if (w <= m_line_width || m_line_width <= 0) {
    push({BreakItem::Type::Box, w}, {style, std::move(text), m_link});
    return;
  }
  // Wider than the line (a long reference in a narrow cell): allow a break between any two
  // characters, at a high cost, so it never overflows.
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    char32_t c = next_codepoint(text, i);
    if (start > 0) push({BreakItem::Type::Penalty, 0, 0, 0, k_split_penalty}, {style, "", m_link});
    push({BreakItem::Type::Box, advance(style, c)}, {style, text.substr(start, i - start), m_link});
  }
}

std::string link_of(const Content& content) { return content.link ? *content.link : std::string(); }

/// Lays out the items of [start, end] (end = the break) as one line.
Line make_line(const ItemBuilder& b, std::size_t start, std::size_t end, double ratio) {
  Line line;
  double x = 0;
  bool joinable = false;  // may the next item continue the last run?
  for (std::size_t i = start; i < end; ++i) {
    const BreakItem& item = b.items[i];
    const Content& content = b.contents[i];
    if (item.type == BreakItem::Type::Penalty) continue;
    double w = item.width;
    if (item.type == BreakItem::Type::Glue)
      w += ratio > 0 ? ratio * item.stretch : ratio * item.shrink;
    if (item.type == BreakItem::Type::Glue && content.text.empty()) {  // hard-break glue
      x += w;
      continue;
    }
    bool same = joinable && !line.runs.empty() && line.runs.back().style == content.style &&
                line.runs.back().link == link_of(content);
    if (!same) line.runs.push_back({x, content.style, "", 0, link_of(content)});
    line.runs.back().text += content.text;
    if (item.type == BreakItem::Type::Glue) line.runs.back().extra_space = w - item.width;
    joinable = true;
    x += w;
  }
  const BreakItem& last = b.items[end];
  if (last.type == BreakItem::Type::Penalty && !b.contents[end].text.empty()) {
    const Content& hyphen = b.contents[end];
    if (line.runs.empty() || line.runs.back().style != hyphen.style ||
        line.runs.back().link != link_of(hyphen))
      line.runs.push_back({x, hyphen.style, "", 0, link_of(hyphen)});
    line.runs.back().text += hyphen.text;
    x += last.width;
  }
  line.width = x;
  return line;
}

bool ends_paragraph_or_hard_line(const ItemBuilder& b, std::size_t end) {
  return b.items[end].type == BreakItem::Type::Penalty && b.items[end].penalty <= -k_force_break;
}

}  // namespace

FontSet FontSet::load(const FontFiles& files) {
  FontSet set;
  set.faces[0] = &FontFace::load(files.regular);
  set.faces[1] = &FontFace::load(files.bold);
  set.faces[2] = &FontFace::load(files.italic);
  set.faces[3] = &FontFace::load(files.bold_italic);
  return set;
}

FontStyle combine(FontStyle a, FontStyle b) {
  return static_cast<FontStyle>(static_cast<int>(a) | static_cast<int>(b));
}

void require_glyphs(const FontSet& fonts, FontStyle style, std::string_view text) {
  const FontFace& face = fonts.face(style);
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_codepoint(text, i);
    if (c != U'\n' && !face.has(c)) throw MissingGlyph(c, std::string(text));
  }
}

std::vector<Line> layout_text(const Inline& text, double width, const TextSettings& settings) {
  ItemBuilder builder(settings, width);
  builder.build(flatten(text, settings.base_style));
  const auto& items = builder.items;
  std::optional<std::vector<std::size_t>> breaks;
  if (settings.justify) {
    BreakParams params;
    params.line_width = width;
    breaks = knuth_plass(items, params);
    if (!breaks) {
      params.tolerance = 5;
      breaks = knuth_plass(items, params);
    }
  }
  if (!breaks) breaks = first_fit(items, width);
  std::vector<Line> lines;
  std::size_t start = 0;
  for (std::size_t end : *breaks) {
    bool ragged = !settings.justify || ends_paragraph_or_hard_line(builder, end);
    double ratio = ragged ? 0 : adjustment_ratio(items, start, end, width);
    if (ratio < -1) ratio = -1;  // first-fit fallback: never squeeze glyphs together
    lines.push_back(make_line(builder, start, end, ratio));
    start = line_start_after(items, end);
  }
  return lines;
}

TextExtent measure_text(const Inline& text, const TextSettings& settings) {
  TextSettings whole = settings;
  whole.hyphenator = nullptr;
  ItemBuilder builder(whole, 0);
  builder.build(flatten(text, settings.base_style));
  TextExtent extent;
  double line = 0;
  for (std::size_t i = 0; i < builder.items.size(); ++i) {
    const BreakItem& item = builder.items[i];
    if (item.type == BreakItem::Type::Box) {
      // A word split only by zero-width penalties (hyphens kept) measures as a whole.
      double word = item.width;
      std::size_t j = i + 1;
      while (j < builder.items.size() && builder.items[j].type != BreakItem::Type::Glue) {
        if (builder.items[j].type == BreakItem::Type::Box) word += builder.items[j].width;
        ++j;
      }
      extent.min_width = std::max(extent.min_width, word);
    }
    if (item.type == BreakItem::Type::Penalty && item.penalty <= -k_force_break) {
      extent.max_width = std::max(extent.max_width, line);
      line = 0;
    } else if (item.type != BreakItem::Type::Penalty) {
      line += item.width;
    }
  }
  extent.max_width = std::max(extent.max_width, line);
  return extent;
}

}  // namespace tampon::doc
