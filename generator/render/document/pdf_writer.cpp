#include "render/document/pdf_writer.hpp"

#include "render/html_escape.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "render/clock_buffers.hpp"
#include "render/document/content_stream.hpp"
#include "render/document/pdf_file_id.hpp"
#include "render/document/pdf_font.hpp"
#include "render/document/pdf_syntax.hpp"
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

/// The structure tree being filled while the pages are painted. An element enters the tree
/// (after its parent) when its first content is painted, so the tree's order is the reading
/// order; elements that never get content (an empty paragraph) are left out.
class Tagger {
 public:
  explicit Tagger(const std::vector<StructNode>& nodes)
      : m_nodes(nodes), m_kids(nodes.size()), m_attached(nodes.size(), false) {
    m_attached[0] = true;
  }

  void touch(int node) {
    auto n = static_cast<std::size_t>(node);
    if (m_attached[n]) return;
    m_attached[n] = true;
    int parent = m_nodes[n].parent;
    touch(parent);
    m_kids[static_cast<std::size_t>(parent)].push_back({Kid::Node, node, -1, {}});
  }

  const std::string& role(int node) const { return m_nodes[static_cast<std::size_t>(node)].role; }

  /// A new marked-content sequence of `node` on the page being painted: its MCID.
  int mark(int node) {
    touch(node);
    int mcid = static_cast<int>(m_page_mcids.size());
    m_page_mcids.push_back(node);
    m_kids[static_cast<std::size_t>(node)].push_back({Kid::Mcid, mcid, m_page, {}});
    return mcid;
  }

  /// Starts page `index`: returns its /StructParents key.
  int begin_page(int index) {
    m_page = index;
    m_page_key = m_next_key++;
    return m_page_key;
  }
  void end_page() {
    m_parents.push_back({m_page_key, std::move(m_page_mcids)});
    m_page_mcids.clear();
  }

  /// An annotation (link, widget) of `node` on the current page: its /StructParent key.
  int annotation(int node, const PdfReference& ref) {
    touch(node);
    m_kids[static_cast<std::size_t>(node)].push_back({Kid::Objr, 0, m_page, ref});
    int key = m_next_key++;
    m_parents.push_back({key, {node}, true});
    return key;
  }

  /// Writes the elements, the /StructTreeRoot and its /ParentTree, and marks the catalog.
  void write(PdfMemDocument& doc, const std::vector<PdfReference>& pages) const;

 private:
  struct Kid {
    enum Kind : unsigned char { Node, Mcid, Objr } kind;
    int value;         ///< Node: the element; Mcid: the MCID
    int page;          ///< Mcid, Objr
    PdfReference ref;  ///< Objr: the annotation
  };
  struct Parents {
    int key;
    std::vector<int> nodes;  ///< a page: the element of each MCID; an annotation: its element
    bool annotation = false;
  };
  const std::vector<StructNode>& m_nodes;
  std::vector<std::vector<Kid>> m_kids;
  std::vector<bool> m_attached;
  std::vector<int> m_page_mcids;
  std::vector<Parents> m_parents;
  int m_page = 0, m_page_key = 0, m_next_key = 0;
};

void Tagger::write(PdfMemDocument& doc, const std::vector<PdfReference>& pages) const {
  // Hundreds of elements per document: they are serialised here (pdf_syntax.hpp) rather than
  // built as PoDoFo objects, which cost ten times more to build and write. An element with a
  // single kid gets it without an array; /Type /StructElem is optional and left out.
  PdfVecObjects& objects = doc.GetObjects();
  const std::uint32_t root = next_object_number(objects);
  std::vector<std::uint32_t> numbers(m_nodes.size(), 0);
  std::uint32_t next = root + 1;
  for (std::size_t i = 0; i < m_nodes.size(); ++i)
    if (m_attached[i]) numbers[i] = next++;
  auto ref = [](std::string& out, std::uint32_t number) {
    append_int(out, number);
    out += " 0 R";
  };
  std::vector<std::string> bytes(next - root);
  for (std::size_t i = 0; i < m_nodes.size(); ++i) {
    if (!numbers[i]) continue;
    const StructNode& node = m_nodes[i];
    std::string& out = bytes[numbers[i] - root];
    out += "<</S/";
    out += node.role;
    out += "/P ";
    ref(out, i == 0 ? root : numbers[static_cast<std::size_t>(node.parent)]);
    int page = -1;
    for (const Kid& kid : m_kids[i])
      if (kid.kind != Kid::Node) {
        page = kid.page;
        break;
      }
    if (page >= 0) {
      out += "/Pg ";
      append_ref(out, pages[static_cast<std::size_t>(page)]);
    }
    out += "/K";
    const std::vector<Kid>& kids = m_kids[i];
    if (kids.size() != 1) out += '[';
    for (std::size_t k = 0; k < kids.size(); ++k) {
      const Kid& kid = kids[k];
      if (k > 0 || kids.size() == 1) out += ' ';
      if (kid.kind == Kid::Node) {
        ref(out, numbers[static_cast<std::size_t>(kid.value)]);
      } else if (kid.kind == Kid::Mcid && kid.page == page) {
        append_int(out, kid.value);
      } else {
        out += kid.kind == Kid::Mcid ? "<</Type/MCR/Pg " : "<</Type/OBJR/Pg ";
        append_ref(out, pages[static_cast<std::size_t>(kid.page)]);
        if (kid.kind == Kid::Mcid) {
          out += "/MCID ";
          append_int(out, kid.value);
        } else {
          out += "/Obj ";
          append_ref(out, kid.ref);
        }
        out += ">>";
      }
    }
    if (kids.size() != 1) out += ']';
    if (!node.alt.empty()) {
      out += "/Alt";
      append_text_string(out, node.alt);
    }
    if (node.column_header) out += "/A<</O/Table/Scope/Column>>";
    out += ">>";
  }
  std::string& r = bytes[0];
  r += "<</Type/StructTreeRoot/K ";
  ref(r, numbers[0]);
  r += "/ParentTreeNextKey ";
  append_int(r, m_next_key);
  r += "/ParentTree<</Nums[";
  for (const Parents& p : m_parents) {
    append_int(r, p.key);
    r += ' ';
    if (p.annotation) {
      ref(r, numbers[static_cast<std::size_t>(p.nodes.front())]);
    } else {
      r += '[';
      for (std::size_t k = 0; k < p.nodes.size(); ++k) {
        if (k > 0) r += ' ';
        ref(r, numbers[static_cast<std::size_t>(p.nodes[k])]);
      }
      r += ']';
    }
    r += ' ';
  }
  r += "]>>>>";
  for (std::uint32_t n = root; n < next; ++n) add_raw(objects, n, std::move(bytes[n - root]));
  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  catalog.AddKey("StructTreeRoot", PdfReference(root, 0));
  PdfDictionary mark_info;
  mark_info.AddKey("Marked", PdfVariant(true));
  catalog.AddKey("MarkInfo", mark_info);
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
          std::optional<Date> date, Tagger& tagger)
      : m_doc(doc), m_fonts(fonts), m_faces(faces), m_g(g), m_date(date), m_tagger(tagger) {}

  /// Draws one op whose coordinates are relative to (ox, oy), in flow space (y down from the
  /// top of the page), in the marked content of its structure element, or as an artifact
  /// when `artifact` (a repeated table header) or the op has none.
  void draw(const DrawOp& op, double ox, double oy, bool artifact);
  void furniture(const DocumentOptions& options, int page, int pages);
  void finish(PdfPage* page, int index);
  int fields() const { return m_fields; }

 private:
  double px(double x) const { return x; }
  double py(double y) const { return m_g.height - y; }
  void text(double x, double y, FontStyle style, double size, const std::string& text, double extra,
            Color color);
  void path(const DrawOp& op, double ox, double oy);

  /// Opens the marked content of `node` (-1: an artifact) unless it is already open.
  void open(int node);
  void close();

  /// A signature field (name: the field, alt: its tooltip) or a link (name: its target, alt:
  /// its text), in PDF space, and its structure element.
  struct Field {
    double x, y, w, h;
    std::string name, alt;
    int node;
  };
  void add_signature_field(PdfPage* page, const Field& f);
  void add_link(PdfPage* page, const Field& f);
  void stamp_date(PdfAnnotation* annotation) const;

  PdfMemDocument& m_doc;
  FontRegistry& m_fonts;
  const FontSet& m_faces;
  const PageGeometry& m_g;
  std::optional<Date> m_date;
  Tagger& m_tagger;
  static constexpr int k_closed = -2;
  int m_open = k_closed;  // structure element of the open marked content, -1 an artifact
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

void Painter::open(int node) {
  if (node == m_open) return;
  close();
  if (node < 0)
    m_stream.begin_artifact();
  else
    m_stream.begin_marked(m_tagger.role(node), m_tagger.mark(node));
  m_open = node;
}

void Painter::close() {
  if (m_open == k_closed) return;
  m_stream.end_marked();
  m_open = k_closed;
}

void Painter::draw(const DrawOp& op, double ox, double oy, bool artifact) {
  bool stroke = op.paint.stroke_width >= 0;
  int node = artifact ? -1 : op.node;
  switch (op.kind) {
    case DrawOp::Kind::Mark:
      if (node >= 0) m_tagger.touch(node);
      return;
    case DrawOp::Kind::SignatureField:
    case DrawOp::Kind::Link:
      if (node < 0) return;  // a repeated header's link: the first copy has it
      (op.kind == DrawOp::Kind::Link ? m_pending_links : m_pending_fields)
          .push_back({ox + op.x, py(oy + op.y + op.h), op.w, op.h, op.text, op.alt, node});
      return;
    default:
      open(node);
  }
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
    default:
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
  // Running header, footer, page number and their rules: pagination artifacts, which a screen
  // reader skips.
  close();
  m_stream.begin_artifact("<</Type /Pagination>>");
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
  m_stream.end_marked();
}

void Painter::finish(PdfPage* page, int index) {
  close();
  for (std::size_t i = 0; i < 4; ++i) {
    if (!m_page_fonts[i]) continue;
    PdfFontResource& font = m_fonts.use(static_cast<FontStyle>(i));
    page->AddResource(PdfName(font.resource_name()), font.reference(), PdfName("Font"));
  }
  set_flate_stream(*page->GetContentsForAppending(), m_stream.finish());
  PdfDictionary& dict = page->GetObject()->GetDictionary();
  dict.AddKey("StructParents", PdfVariant(static_cast<pdf_int64>(index)));
  dict.AddKey("Tabs", PdfName("S"));  // tab through the annotations in structure order
  m_tagger.end_page();
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
  field.SetAlternateName(utf8_string(f.alt));
  PdfAnnotation* widget = field.GetWidgetAnnotation();
  widget->SetFlags(ePdfAnnotationFlags_Print);
  stamp_date(widget);
  PdfDictionary& dict = widget->GetObject()->GetDictionary();
  // PDF/A: every widget has a normal appearance; the box is drawn on the page, so it is empty.
  PdfObject* appearance = m_doc.GetObjects().CreateObject("XObject");
  PdfDictionary& form = appearance->GetDictionary();
  form.AddKey(PdfName::KeySubtype, PdfName("Form"));
  PdfArray bbox;
  for (double v : {0.0, 0.0, f.w, f.h}) bbox.push_back(PdfVariant(v));
  form.AddKey("BBox", bbox);
  appearance->GetStream()->Set("", 0);
  PdfDictionary ap;
  ap.AddKey("N", appearance->Reference());
  dict.AddKey("AP", ap);
  dict.AddKey("StructParent", PdfVariant(static_cast<pdf_int64>(
                                  m_tagger.annotation(f.node, widget->GetObject()->Reference()))));
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
  link->SetContents(utf8_string(f.alt));
  stamp_date(link);
  link->GetObject()->GetDictionary().AddKey(
      "StructParent", PdfVariant(static_cast<pdf_int64>(
                          m_tagger.annotation(f.node, link->GetObject()->Reference()))));
}

/// PdfAnnotation stamps /M with the clock: replace it with the document's date.
void Painter::stamp_date(PdfAnnotation* annotation) const {
  PdfDictionary& dict = annotation->GetObject()->GetDictionary();
  if (m_date)
    dict.AddKey("M", pdf_date(*m_date));
  else
    dict.RemoveKey("M");
}

/// Where a heading starts: for the outline.
struct Bookmark {
  int node;
  int page;
  double top;  ///< PDF space
};

/// The outline (bookmarks): the articles of a convention, the sections of a bulletin (## and
/// ### headings; the title is the document itself).
void write_outline(PdfMemDocument& doc, const std::vector<StructNode>& nodes,
                   const std::vector<Bookmark>& bookmarks, const std::vector<PdfReference>& pages) {
  struct Item {
    const Bookmark* mark;
    std::vector<std::size_t> children{};
  };
  std::vector<Item> items;
  std::vector<std::size_t> top;
  for (const Bookmark& b : bookmarks) {
    const std::string& role = nodes[static_cast<std::size_t>(b.node)].role;
    if (role != "H2" && role != "H3") continue;
    if (role == "H3" && !top.empty())
      items[top.back()].children.push_back(items.size());
    else
      top.push_back(items.size());
    items.push_back({&b});
  }
  if (items.empty()) return;
  // Serialised by hand like the structure tree (pdf_syntax.hpp): one object per heading.
  PdfVecObjects& objects = doc.GetObjects();
  const std::uint32_t outlines = next_object_number(objects);
  std::vector<std::string> bytes(items.size() + 1);
  auto number = [&](std::size_t item) { return outlines + 1 + static_cast<std::uint32_t>(item); };
  auto ref = [](std::string& out, std::uint32_t n) {
    append_int(out, n);
    out += " 0 R";
  };
  auto first_last_count = [&](std::string& out, const std::vector<std::size_t>& list,
                              std::size_t count) {
    out += "/First ";
    ref(out, number(list.front()));
    out += "/Last ";
    ref(out, number(list.back()));
    out += "/Count ";
    append_int(out, static_cast<std::int64_t>(count));
  };
  auto link = [&](std::uint32_t parent, const std::vector<std::size_t>& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Item& item = items[list[i]];
      std::string& out = bytes[list[i] + 1];
      out += "<</Title";
      append_text_string(out, nodes[static_cast<std::size_t>(item.mark->node)].title);
      out += "/Parent ";
      ref(out, parent);
      if (i > 0) {
        out += "/Prev ";
        ref(out, number(list[i - 1]));
      }
      if (i + 1 < list.size()) {
        out += "/Next ";
        ref(out, number(list[i + 1]));
      }
      if (!item.children.empty()) first_last_count(out, item.children, item.children.size());
      out += "/Dest[";
      append_ref(out, pages[static_cast<std::size_t>(item.mark->page)]);
      out += "/XYZ null ";
      append_int(out, std::lround(item.mark->top));
      out += " null]>>";
    }
  };
  link(outlines, top);
  for (std::size_t i : top)
    if (!items[i].children.empty()) link(number(i), items[i].children);
  bytes[0] = "<</Type/Outlines";
  first_last_count(bytes[0], top, items.size());
  bytes[0] += ">>";
  for (std::size_t i = 0; i < bytes.size(); ++i)
    add_raw(objects, outlines + static_cast<std::uint32_t>(i), std::move(bytes[i]));
  doc.GetCatalog()->GetDictionary().AddKey("Outlines", PdfReference(outlines, 0));
}

/// The sRGB profile of the output intent, read and compressed (FlateDecode) once per file
/// name: compressing its 20 kB in every document would cost a tenth of the rendering time.
const std::string& icc_profile(const std::filesystem::path& path) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::string> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(path);
  if (it != cache.end()) return it->second;
  std::ifstream in(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in || data.empty())
    throw DocumentError("profil de couleurs sRGB illisible : " + path.string() +
                        " (paquet Debian colord-data)");
  std::unique_ptr<PdfFilter> flate(PdfFilterFactory::Create(ePdfFilter_FlateDecode));
  char* encoded = nullptr;
  pdf_long length = 0;
  flate->Encode(data.data(), static_cast<pdf_long>(data.size()), &encoded, &length);
  std::string compressed(encoded, static_cast<std::size_t>(length));
  podofo_free(encoded);
  return cache.emplace(path, std::move(compressed)).first->second;
}

// The XMP packet's text: & < > " escaped, the apostrophe kept (render::xml_escape): with
// html_escape's &#39;, the titles of the bulletins ("Bulletin d'activité…") would change the
// bytes of every PDF's metadata.
using render::xml_escape;

/// "2021-04-02T00:00:00Z": the XMP form of pdf_date().
std::string xmp_date(Date day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT00:00:00Z", day.year(), day.month(),
                day.day());
  return buffer;
}

/// The XMP packet: PDF/A-2U and PDF/UA-1 identification (with the extension schema PDF/A
/// requires for pdfuaid), and the information dictionary mirrored.
std::string xmp_packet(const DocumentOptions& o) {
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
      "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
      "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
      "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
      "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
      "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n"
      "<pdfuaid:part>1</pdfuaid:part>\n";
  x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(o.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(o.language) +
       "</rdf:li></rdf:Bag></dc:language>\n";
  if (!o.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(o.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!o.subject.empty())
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(o.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  if (!o.keywords.empty()) x += "<pdf:Keywords>" + xml_escape(o.keywords) + "</pdf:Keywords>\n";
  x += "<pdf:Producer>" + xml_escape(o.creator + " (PoDoFo)") + "</pdf:Producer>\n";
  x += "<xmp:CreatorTool>" + xml_escape(o.creator) + "</xmp:CreatorTool>\n";
  if (o.date) {
    std::string d = xmp_date(*o.date);
    x += "<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
  }
  x += "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
       "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
       "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
       "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
       "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
       "<pdfaProperty:name>part</pdfaProperty:name>\n"
       "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
       "<pdfaProperty:category>internal</pdfaProperty:category>\n"
       "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed"
       "</pdfaProperty:description>\n"
       "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
       "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
       "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return x;
}

/// PDF/A-2U: version 1.7, XMP metadata, the sRGB output intent; and for PDF/UA the title
/// shown instead of the file name.
void write_pdfa(PdfMemDocument& doc, const DocumentOptions& options) {
  doc.SetPdfVersion(ePdfVersion_1_7);
  PdfVecObjects& objects = doc.GetObjects();
  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  PdfDictionary viewer;
  viewer.AddKey("DisplayDocTitle", PdfVariant(true));
  catalog.AddKey("ViewerPreferences", viewer);

  PdfObject* metadata = objects.CreateObject("Metadata");
  metadata->GetDictionary().AddKey(PdfName::KeySubtype, PdfName("XML"));
  std::string xmp = xmp_packet(options);
  metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters{});
  catalog.AddKey("Metadata", metadata->Reference());

  const std::string& icc = icc_profile(options.icc_profile);
  PdfObject* profile = objects.CreateObject();
  profile->GetDictionary().AddKey("N", PdfVariant(static_cast<pdf_int64>(3)));
  PdfMemoryInputStream icc_stream(icc.data(), static_cast<pdf_long>(icc.size()));
  profile->GetStream()->SetRawData(&icc_stream, static_cast<pdf_long>(icc.size()));
  profile->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
  PdfDictionary intent;
  intent.AddKey("Type", PdfName("OutputIntent"));
  intent.AddKey("S", PdfName("GTS_PDFA1"));
  intent.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
  intent.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
  intent.AddKey("DestOutputProfile", profile->Reference());
  PdfArray intents;
  intents.push_back(intent);
  catalog.AddKey("OutputIntents", intents);
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
  // Empty entries out: the XMP mirrors the information dictionary (PDF/A), entry for entry.
  if (options.subject.empty()) dict.RemoveKey("Subject");
  if (options.author.empty()) dict.RemoveKey("Author");
  if (options.keywords.empty()) dict.RemoveKey("Keywords");
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

// The document's bytes to `path` (the host's staging file). A failure names the cause; the host
// recognises a full disk whatever the words.
void write_file(const std::filesystem::path& path, const std::string& bytes) {
  auto fail = [&](int error) {
    std::string cause = error == ENOSPC                     ? "disque plein"
                        : error == EACCES || error == EPERM ? "permission refusée"
                                                            : std::strerror(error);
    throw std::runtime_error("écriture impossible de " + path.string() + " : " + cause);
  };
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) fail(errno);
  bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  int error = written ? 0 : errno;
  if (std::fclose(file) != 0 && error == 0) error = errno;
  if (!written || error != 0) fail(error != 0 ? error : EIO);
}

}  // namespace

RenderStats write_pdf(const FlowResult& flow, const std::vector<Page>& pages, const PageGeometry& g,
                      const DocumentOptions& options, const FontSet& fonts,
                      const std::filesystem::path& output) {
  render::use_clock_buffers_per_thread();  // PoDoFo reads the clock with localtime()
  std::unique_lock clock_lock(podofo_clock_mutex());
  PdfMemDocument doc;
  clock_lock.unlock();
  set_metadata(doc, options);
  // Create the AcroForm without its default Helvetica appearance font, which would be a
  // non-embedded font in the file.
  if (flow.signature_fields > 0)
    doc.GetAcroForm(ePdfCreateObject, ePdfAcroFormDefaultAppearance_None);
  FontRegistry registry(doc, fonts);
  Tagger tagger(flow.structure);
  Painter painter(doc, registry, fonts, g, options.date, tagger);
  int total = static_cast<int>(pages.size());
  std::vector<PdfReference> page_refs;
  std::vector<Bookmark> bookmarks;
  for (int p = 0; p < total; ++p) {
    PdfPage* page = doc.CreatePage(PdfRect(0, 0, g.width, g.height));
    page_refs.push_back(page->GetObject()->Reference());
    int key = tagger.begin_page(p);
    for (const PlacedSlice& placed : pages[static_cast<std::size_t>(p)].slices) {
      const Slice& slice = flow.slices[placed.slice];
      for (const DrawOp& op : slice.drawing.ops())
        painter.draw(op, g.margin_left, g.margin_top + placed.y, placed.repeated);
      if (slice.heading >= 0 && !placed.repeated)
        bookmarks.push_back({slice.heading, p, g.height - g.margin_top - placed.y});
    }
    painter.furniture(options, p + 1, total);
    painter.finish(page, key);
  }
  registry.finish();
  tagger.write(doc, page_refs);
  write_outline(doc, flow.structure, bookmarks, page_refs);
  write_pdfa(doc, options);
  // In memory first, so that the file identifier can be derived from the bytes.
  PdfRefCountedBuffer buffer;
  {
    PdfOutputDevice device(&buffer);
    doc.Write(&device);
    std::string bytes(buffer.GetBuffer(), device.GetLength());
    if (!set_content_file_id(bytes))
      throw std::runtime_error("identifiant de fichier PDF introuvable dans le document écrit");
    write_file(output, bytes);
  }
  return {total, painter.fields()};
}

}  // namespace tampon::doc
