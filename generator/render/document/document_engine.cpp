#include "render/document/document_engine.hpp"

#include <cstdio>
#include <vector>

#include "render/document/blocks.hpp"
#include "render/document/flow_layout.hpp"
#include "render/document/hyphenator.hpp"
#include "render/document/markdown_blocks.hpp"
#include "render/document/paginate.hpp"
#include "render/document/pdf_writer.hpp"
#include "render/document/text_layout.hpp"

namespace tampon::doc {
namespace {

std::string describe(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  std::string glyph;
  append_utf8(glyph, c);
  return "« " + glyph + " » (" + code + ")";
}

}  // namespace

MissingGlyph::MissingGlyph(char32_t codepoint, std::string context)
    : DocumentError("le caractère " + describe(codepoint) +
                    " n’existe pas dans la police du document (texte : « " + context + " »)"),
      m_codepoint(codepoint) {}

FontFiles FontFiles::liberation_serif() {
  const std::filesystem::path dir = "/usr/share/fonts/truetype/liberation2";
  return {dir / "LiberationSerif-Regular.ttf", dir / "LiberationSerif-Bold.ttf",
          dir / "LiberationSerif-Italic.ttf", dir / "LiberationSerif-BoldItalic.ttf"};
}

struct Document::Impl {
  DocumentOptions options;
  std::vector<Block> blocks;
};

Document::Document(DocumentOptions options) : m_impl(std::make_unique<Impl>()) {
  m_impl->options = std::move(options);
}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

void Document::add_markdown(std::string_view markdown) {
  auto blocks = parse_markdown(markdown);
  for (auto& b : blocks) m_impl->blocks.push_back(std::move(b));
}

void Document::add_figure(double height, FigureDrawer draw, std::string alt) {
  Block b;
  b.alt = std::move(alt);
  b.kind = Block::Kind::Figure;
  b.height = height;
  b.draw = std::move(draw);
  m_impl->blocks.push_back(std::move(b));
}

void Document::add_page_break() {
  Block b;
  b.kind = Block::Kind::PageBreak;
  m_impl->blocks.push_back(std::move(b));
}

RenderStats Document::render(const std::filesystem::path& output) const {
  const DocumentOptions& options = m_impl->options;
  FontSet fonts = FontSet::load(options.fonts);
  PageGeometry geometry;
  StyleSheet style;
  style.fonts = &fonts;
  style.hyphenator = &Hyphenator::load(options.hyphenation_dictionary);
  style.column_width = geometry.text_width();
  style.body_size = options.body_size;
  FlowResult flow = layout_flow(m_impl->blocks, style);
  std::vector<Page> pages = paginate(flow, geometry.text_height());
  return write_pdf(flow, pages, geometry, options, fonts, output);
}

std::optional<char32_t> missing_glyph(std::string_view utf8, const FontFiles& files) {
  FontSet fonts = FontSet::load(files);
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c = next_codepoint(utf8, i);
    if (c == U'\n') continue;
    for (const FontFace* face : fonts.faces)
      if (!face->has(c)) return c;
  }
  return std::nullopt;
}

std::vector<std::string> check_resources(const DocumentOptions& options) {
  std::vector<std::string> problems;
  const FontFiles& f = options.fonts;
  for (const auto* path : {&f.regular, &f.bold, &f.italic, &f.bold_italic}) {
    try {
      FontFace::load(*path);
    } catch (const std::exception& e) {
      problems.push_back("police " + path->string() + " : " + e.what());
    }
  }
  if (!std::filesystem::is_regular_file(options.icc_profile))
    problems.push_back("profil de couleurs sRGB introuvable : " + options.icc_profile.string() +
                       " (paquet Debian colord-data)");
  try {
    Hyphenator::load(options.hyphenation_dictionary);
  } catch (const std::exception& e) {
    problems.push_back(e.what());
  }
  return problems;
}

RenderStats render_markdown(std::string_view markdown, const DocumentOptions& options,
                            const std::filesystem::path& output) {
  Document document(options);
  document.add_markdown(markdown);
  return document.render(output);
}

}  // namespace tampon::doc
