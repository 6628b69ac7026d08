#pragma once
/// Schemas for checking the document templates (markdown_template.hpp, check_template).
#include "render/template/markdown_template.hpp"

namespace tampon::convention_pdf {

const tmpl::Data& convention_schema();
const tmpl::Data& avenant_schema();

}  // namespace tampon::convention_pdf
