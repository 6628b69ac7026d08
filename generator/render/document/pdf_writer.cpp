#include "render/document/pdf_writer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "render/document/content_stream.hpp"
#include "render/document/pdf_font.hpp"
#include "render/document/text_layout.hpp"

namespace tampon::doc {
namespace {

using namespace PoDoFo;

/// PoDoFo 0.9.8 reads the clock through localtime(), which shares one static buffer between
/// threads, when it creates a document's info dictionary and each annotation (we overwrite
/// both dates afterwards). Those constructions run one at a time; everything else of a
/// document is its own and renders in parallel.
std::mutex& podofo_clock_mutex() {
  static std::mutex mutex;
  return mutex;
}

PdfString utf8_string(const std::string& text) {
  return PdfString(reinterpret_cast<const pdf_utf8*>(text.c_str()));
}

/// "D:20210402000000Z": PDF date syntax for a day, from the inputs.
PdfString pdf_date(Date day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "D:%04d%02u%02u000000Z", day.year(), day.month(), day.day());
  return PdfString(buffer);
}

/// The document's fonts, created on first use so that an unused face costs nothing.
class FontRegistry {
 public:
  FontRegistry(PdfMemDocument& doc, const FontSet& fonts) : m_doc(doc), m_fonts(fonts) {}

  PdfFontResource& use(FontStyle style) {
    auto index = static_cast<std::size_t>(style);
    if (!m_pdf[index]) {
      bool bold = style == FontStyle::Bold || style == FontStyle::BoldItalic;
      bool italic = style == FontStyle::Italic || style == FontStyle::BoldItalic;
      m_pdf[index] = std::make_unique<PdfFontResource>(
          m_doc.GetObjects(), m_fonts.face(style), "F" + std::to_string(index + 1), bold, italic);
    }
    return *m_pdf[index];
  }

  /// Writes every font used; call once the pages are painted.
  void finish() {
    for (auto& font : m_pdf)
      if (font) font->finish();
  }

 private:
  PdfMemDocument& m_doc;
  const FontSet& m_fonts;
  std::array<std::unique_ptr<PdfFontResource>, 4> m_pdf{};
};

class Painter {
 public:
  Painter(PdfMemDocument& doc, FontRegistry& fonts, const FontSet& faces, const PageGeometry& g,
          std::optional<Date> date)
      : m_doc(doc), m_fonts(fonts), m_faces(faces), m_g(g), m_date(date) {}

  /// Draws one op whose coordinates are relative to (ox, oy), in flow space (y down from the
  /// top of the page).
  void draw(const DrawOp& op, double ox, double oy);
  void furniture(const DocumentOptions& options, int page, int pages);
  void finish(PdfPage* page);
  int fields() const { return m_fields; }

 private:
  double px(double x) const { return x; }
  double py(double y) const { return m_g.height - y; }
  void text(double x, double y, FontStyle style, double size, const std::string& text, double extra,
            Color color);
  void path(const DrawOp& op, double ox, double oy);

  /// A signature field (name: the party) or a link (name: its target), in PDF space.
  struct Field {
    double x, y, w, h;
    std::string name;
  };
  void add_signature_field(PdfPage* page, const Field& f);
  void add_link(PdfPage* page, const Field& f);
  void stamp_date(PdfAnnotation* annotation) const;

  PdfMemDocument& m_doc;
  FontRegistry& m_fonts;
  const FontSet& m_faces;
  const PageGeometry& m_g;
  std::optional<Date> m_date;
  static constexpr Color k_unset{-1, -1, -1};
  Color m_color = k_unset;  // current fill colour of the stream
  ContentStream m_stream;
  std::array<bool, 4> m_page_fonts{};  // faces used on the page being painted
  std::vector<Field> m_pending_fields;
  std::vector<Field> m_pending_links;
  int m_fields = 0;
};

void Painter::text(double x, double y, FontStyle style, double size, const std::string& text,
                   double extra, Color color) {
  PdfFontResource& font = m_fonts.use(style);
  m_page_fonts[static_cast<std::size_t>(style)] = true;
  if (!(color == m_color)) {
    m_stream.fill_color(color);
    m_color = color;
  }
  m_stream.text(font.resource_name(), font.glyphs(), size, px(x), py(y), text, extra);
}

void Painter::path(const DrawOp& op, double ox, double oy) {
  for (const PathPoint& p : op.path) {
    switch (p.kind) {
      case PathPoint::Kind::Move:
        m_stream.move_to(ox + p.x, py(oy + p.y));
        break;
      case PathPoint::Kind::Line:
        m_stream.line_to(ox + p.x, py(oy + p.y));
        break;
      case PathPoint::Kind::Curve:
        m_stream.curve_to(ox + p.x1, py(oy + p.y1), ox + p.x2, py(oy + p.y2), ox + p.x,
                          py(oy + p.y));
        break;
      case PathPoint::Kind::Close:
        m_stream.close_path();
        break;
    }
  }
}

void Painter::draw(const DrawOp& op, double ox, double oy) {
  bool stroke = op.paint.stroke_width >= 0;
  switch (op.kind) {
    case DrawOp::Kind::Text:
      text(ox + op.x, oy + op.y, op.style, op.size, op.text, op.extra_space, op.color);
      break;
    case DrawOp::Kind::Rect:
    case DrawOp::Kind::Path:
      if (op.paint.fill) {
        m_stream.fill_color(op.paint.fill_color);
        m_color = op.paint.fill_color;
      }
      if (stroke) {
        m_stream.stroke_color(op.paint.stroke_color);
        m_stream.line_width(op.paint.stroke_width);
      }
      if (op.kind == DrawOp::Kind::Rect)
        m_stream.rect(ox + op.x, py(oy + op.y + op.h), op.w, op.h);
      else
        path(op, ox, oy);
      m_stream.paint(op.paint.fill, stroke);
      break;
    case DrawOp::Kind::Line:
      m_stream.stroke_color(op.color);
      m_stream.line_width(op.line_width);
      m_stream.move_to(ox + op.x, py(oy + op.y));
      m_stream.line_to(ox + op.w, py(oy + op.h));
      m_stream.paint(false, true);
      break;
    case DrawOp::Kind::SignatureField:
      m_pending_fields.push_back({ox + op.x, py(oy + op.y + op.h), op.w, op.h, op.text});
      break;
    case DrawOp::Kind::Link:
      m_pending_links.push_back({ox + op.x, py(oy + op.y + op.h), op.w, op.h, op.text});
      break;
  }
}

void Painter::furniture(const DocumentOptions& options, int page, int pages) {
  constexpr Color k_grey = Color::gray(0.35);
  double size = m_g.furniture_size;
  double left = m_g.margin_left, right = m_g.width - m_g.margin_right;
  const FontFace& face = m_faces.face(FontStyle::Regular);
  auto put = [&](const std::string& s, double x, double y, bool align_right) {
    if (s.empty()) return;
    require_glyphs(m_faces, FontStyle::Regular, s);
    text(align_right ? x - face.width(s, size) : x, y, FontStyle::Regular, size, s, 0, k_grey);
  };
  double header = m_g.header_baseline, footer = m_g.height - m_g.footer_baseline;
  put(options.header_left, left, header, false);
  put(options.header_right, right, header, true);
  put(options.footer_left, left, footer, false);
  put("page " + std::to_string(page) + " / " + std::to_string(pages), right, footer, true);
  for (double y : {header + 4, footer - size - 2}) {
    m_stream.stroke_color(Color::gray(0.6));
    m_stream.line_width(0.4);
    m_stream.move_to(left, py(y));
    m_stream.line_to(right, py(y));
    m_stream.paint(false, true);
  }
}

void Painter::finish(PdfPage* page) {
  for (std::size_t i = 0; i < 4; ++i) {
    if (!m_page_fonts[i]) continue;
    PdfFontResource& font = m_fonts.use(static_cast<FontStyle>(i));
    page->AddResource(PdfName(font.resource_name()), font.reference(), PdfName("Font"));
  }
  const std::string& data = m_stream.finish();
  static const TVecFilters k_flate{ePdfFilter_FlateDecode};
  page->GetContentsForAppending()->GetStream()->Set(data.data(), static_cast<pdf_long>(data.size()),
                                                    k_flate);
  for (const Field& f : m_pending_fields) add_signature_field(page, f);
  for (const Field& f : m_pending_links) add_link(page, f);
  m_stream = ContentStream();
  m_page_fonts = {};
  m_color = k_unset;
  m_pending_fields.clear();
  m_pending_links.clear();
}

void Painter::add_signature_field(PdfPage* page, const Field& f) {
  std::unique_lock clock_lock(podofo_clock_mutex());
  PdfSignatureField field(page, PdfRect(f.x, f.y, f.w, f.h), &m_doc);
  clock_lock.unlock();
  field.SetFieldName(utf8_string(f.name));
  PdfAnnotation* widget = field.GetWidgetAnnotation();
  widget->SetFlags(ePdfAnnotationFlags_Print);
  stamp_date(widget);
  ++m_fields;
}

/// A /Link annotation with a /URI action: readers open the address on a click. No border:
/// the text is the visible part of the link.
void Painter::add_link(PdfPage* page, const Field& f) {
  std::unique_lock clock_lock(podofo_clock_mutex());
  PdfAnnotation* link = page->CreateAnnotation(ePdfAnnotation_Link, PdfRect(f.x, f.y, f.w, f.h));
  clock_lock.unlock();
  PdfAction action(ePdfAction_URI, &m_doc);
  action.SetURI(PdfString(f.name));  // an address is ASCII (cmark percent-encodes the rest)
  link->SetAction(action);
  link->SetBorderStyle(0, 0, 0);
  link->SetFlags(ePdfAnnotationFlags_Print);
  stamp_date(link);
}

/// PdfAnnotation stamps /M with the clock: replace it with the document's date.
void Painter::stamp_date(PdfAnnotation* annotation) const {
  PdfDictionary& dict = annotation->GetObject()->GetDictionary();
  if (m_date)
    dict.AddKey("M", pdf_date(*m_date));
  else
    dict.RemoveKey("M");
}

void set_metadata(PdfMemDocument& doc, const DocumentOptions& options) {
  PdfInfo* info = doc.GetInfo();
  info->SetTitle(utf8_string(options.title));
  info->SetSubject(utf8_string(options.subject));
  info->SetAuthor(utf8_string(options.author));
  info->SetKeywords(utf8_string(options.keywords));
  info->SetCreator(utf8_string(options.creator));
  info->SetProducer(utf8_string(options.creator + " (PoDoFo)"));
  PdfDictionary& dict = info->GetObject()->GetDictionary();
  // PdfInfo stamps the current time; the contract is same input, same bytes.
  if (options.date) {
    dict.AddKey("CreationDate", pdf_date(*options.date));
    dict.AddKey("ModDate", pdf_date(*options.date));
  } else {
    dict.RemoveKey("CreationDate");
    dict.RemoveKey("ModDate");
  }
  doc.GetCatalog()->GetDictionary().AddKey("Lang", PdfString(options.language));
}

}  // namespace

RenderStats write_pdf(const FlowResult& flow, const std::vector<Page>& pages, const PageGeometry& g,
                      const DocumentOptions& options, const FontSet& fonts,
                      const std::filesystem::path& output) {
  std::unique_lock clock_lock(podofo_clock_mutex());
  PdfMemDocument doc;
  clock_lock.unlock();
  set_metadata(doc, options);
  // Create the AcroForm without its default Helvetica appearance font, which would be a
  // non-embedded font in the file.
  if (flow.signature_fields > 0)
    doc.GetAcroForm(ePdfCreateObject, ePdfAcroFormDefaultAppearance_None);
  FontRegistry registry(doc, fonts);
  Painter painter(doc, registry, fonts, g, options.date);
  int total = static_cast<int>(pages.size());
  for (int p = 0; p < total; ++p) {
    PdfPage* page = doc.CreatePage(PdfRect(0, 0, g.width, g.height));
    for (const PlacedSlice& placed : pages[static_cast<std::size_t>(p)].slices)
      for (const DrawOp& op : flow.slices[placed.slice].drawing.ops())
        painter.draw(op, g.margin_left, g.margin_top + placed.y);
    painter.furniture(options, p + 1, total);
    painter.finish(page);
  }
  registry.finish();
  doc.Write(output.c_str());
  return {total, painter.fields()};
}

}  // namespace tampon::doc
