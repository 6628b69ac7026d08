#pragma once
/// The PDF painter: pages of placed slices → a PDF file through PoDoFo 0.9.8. PoDoFo gives the
/// object model, the subset Identity-H fonts (embedded, with ToUnicode), the AcroForm fields
/// and the writer; the page content streams are written by ContentStream. Everything in the
/// file derives from the content and DocumentOptions: creation and modification dates come
/// from `DocumentOptions::date`, and PoDoFo's /ID is the MD5 of the info dictionary, hence
/// deterministic too.
#include <filesystem>
#include <vector>

#include "render/document/document_engine.hpp"
#include "render/document/paginate.hpp"

namespace tampon::doc {

struct PageGeometry {
  double width = 595.276;  // A4, points
  double height = 841.89;
  double margin_left = 70.87;  // 25 mm
  double margin_right = 70.87;
  double margin_top = 76.5;  // 27 mm: room for the running header
  double margin_bottom = 70.87;
  double header_baseline = 42;  ///< from the top of the page
  double footer_baseline = 38;  ///< from the bottom of the page
  double furniture_size = 8;
  double text_width() const { return width - margin_left - margin_right; }
  double text_height() const { return height - margin_top - margin_bottom; }
};

RenderStats write_pdf(const FlowResult& flow, const std::vector<Page>& pages,
                      const PageGeometry& geometry, const DocumentOptions& options,
                      const FontSet& fonts, const std::filesystem::path& output);

}  // namespace tampon::doc
