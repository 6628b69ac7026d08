#pragma once
/// The document engine: Markdown in, a typeset PDF out. Shared by every emitter that writes a
/// PDF (conventions and avenants, activity bulletins).
///
/// Usage, for a document that is all text:
///
///     doc::DocumentOptions options;
///     options.title = "Convention cv-2021-0042";
///     options.header_left = "Convention n° cv-2021-0042";
///     options.footer_left = "Conseiller numérique";          // "page X / Y" goes on the right
///     options.date = convention.signature;                   // never the clock
///     doc::render_markdown(markdown, options, ctx.output_path());
///
/// and, for a document with drawings (charts), through `Document`:
///
///     doc::Document document(options);
///     document.add_markdown("## Activité par mois\n");
///     document.add_figure(180, [&](doc::Canvas& canvas, double width) {
///       canvas.rect(0, 0, width / 2, 100, doc::Paint::filled({0.0, 0.3, 0.6}));
///       canvas.text(0, 120, "janvier", doc::FontStyle::Regular, 9);
///     }, "Accompagnements en janvier : 12");
///     document.add_markdown(more_markdown);
///     doc::RenderStats stats = document.render(path);
///
/// What the Markdown may hold (CommonMark + GFM tables): headings (`#` is the document title,
/// centred; `##` an article; `###` a sub-heading), paragraphs (justified, hyphenated in French,
/// no widow or orphan line), **bold**, *italic*, bullet and numbered lists, GFM tables (column
/// widths fitted to their content, split across pages with the header row repeated; `---:`
/// right-aligns a column), `---` (a rule). Raw HTML is dropped. Two fenced blocks are
/// directives: ```` ```signatures ```` (one signature box per party, parties separated by a
/// blank line, first line of each party in bold; kept on one page with the paragraph before it,
/// each box carrying an empty AcroForm signature field) and ```` ```saut-de-page ```` (a page
/// break). Headings stay with what follows them.
///
/// The page is A4 with a running header (`header_left`, `header_right`) and footer
/// (`footer_left`, then "page X / Y"). Text uses an embedded subset of a TrueType font
/// (Liberation Serif by default) through Identity-H, so every Unicode character of the font is
/// available and extractable; a character the font lacks throws `MissingGlyph`. The PDF carries
/// the metadata of `DocumentOptions` and nothing taken from the clock or a random source: the
/// same input gives the same bytes.
///
/// Thread safety: documents are independent; several may render at once on different threads
/// (fonts are read from explicit files, never through fontconfig; the parsed font tables and the
/// hyphenation dictionary are shared read-only; the two PoDoFo constructions that read the clock
/// through localtime() are serialised, see pdf_writer.cpp).
///
/// How it is built (one job per file):
///   markdown_blocks  cmark-gfm → blocks (blocks.hpp: paragraphs, headings, tables, signatures)
///   font_face        TrueType metrics and glyph ids, parsed once per font file
///   hyphenator       French hyphenation points (libhyphen, hyph_fr.dic), cached per thread
///   line_breaker     Knuth–Plass justification, first-fit for ragged text
///   text_layout      inline text → lines of positioned runs (French spacing, no-break spaces)
///   flow_layout      blocks → slices with keep rules; table_layout, signature_layout
///   paginate         slices → pages (widows, orphans, headings kept, table headers repeated)
///   display_list     recorded drawing (the Canvas given to figures)
///   font_subset      the TrueType subset program of the glyphs used, renumbered
///   pdf_font         Type0/CIDFontType2 font objects with ToUnicode around a subset
///   content_stream   page content operators
///   pdf_writer       pages → PDF through PoDoFo (objects, metadata, AcroForm, writing)
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "render/document/canvas.hpp"
#include "tampon/date.hpp"

namespace tampon::doc {

/// The TrueType files of a family's four faces.
struct FontFiles {
  std::filesystem::path regular, bold, italic, bold_italic;
  /// Liberation Serif from Debian's fonts-liberation2.
  static FontFiles liberation_serif();
};

struct DocumentOptions {
  std::string title;                      ///< PDF /Title
  std::string subject;                    ///< PDF /Subject
  std::string author;                     ///< PDF /Author
  std::string keywords;                   ///< PDF /Keywords
  std::string language = "fr-FR";         ///< catalog /Lang
  std::string creator = "Tampon";         ///< PDF /Creator
  std::string header_left, header_right;  ///< running header, every page
  std::string footer_left;                ///< running footer; "page X / Y" on the right
  std::optional<Date> date;  ///< /CreationDate and /ModDate; from the inputs, never the clock
  FontFiles fonts = FontFiles::liberation_serif();
  double body_size = 10.5;  ///< points
  std::string hyphenation_dictionary = "/usr/share/hyphen/hyph_fr.dic";
  /// The sRGB profile of the PDF/A output intent (Debian colord-data).
  std::filesystem::path icc_profile = "/usr/share/color/icc/colord/sRGB.icc";
};

struct RenderStats {
  int pages = 0;
  int signature_fields = 0;
};

/// A document error the author can act on (a template problem, a character the font lacks).
class DocumentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A character of the text is not in the font: printing it would give a blank box.
class MissingGlyph : public DocumentError {
 public:
  MissingGlyph(char32_t codepoint, std::string context);
  char32_t codepoint() const { return m_codepoint; }

 private:
  char32_t m_codepoint;
};

/// Draws a figure of the width of the text column, its origin at the top-left corner.
using FigureDrawer = std::function<void(Canvas& canvas, double width)>;

/// A document being assembled, block after block, then laid out and written once.
class Document {
 public:
  explicit Document(DocumentOptions options);
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  /// Appends the blocks of a Markdown text (see the file comment for what it may hold).
  void add_markdown(std::string_view markdown);
  /// Appends a drawing of `height` points, kept on one page. `alt` is its text alternative in
  /// French (the PDF's /Alt, what a screen reader says instead of the drawing): say what the
  /// figure shows, figures included, e.g. "Accompagnements par mois : janvier 12, février 9".
  void add_figure(double height, FigureDrawer draw, std::string alt);
  void add_page_break();

  /// Lays the blocks out on pages and writes the PDF to `output`. Throws DocumentError
  /// (MissingGlyph included) for problems in the content, std::runtime_error for I/O.
  RenderStats render(const std::filesystem::path& output) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// The first character of `utf8` missing from any face of `fonts`, if any: lets an emitter
/// check record values before rendering, so that `tampon validate` reports them.
std::optional<char32_t> missing_glyph(std::string_view utf8, const FontFiles& fonts);

/// Checks that the font files and the hyphenation dictionary of `options` can be loaded;
/// returns a French message for each one that cannot.
std::vector<std::string> check_resources(const DocumentOptions& options);

/// Convenience: one Markdown text to one PDF file.
RenderStats render_markdown(std::string_view markdown, const DocumentOptions& options,
                            const std::filesystem::path& output);

}  // namespace tampon::doc
