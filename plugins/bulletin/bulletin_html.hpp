#pragma once
/// The HTML bulletin: one self-contained, accessible page (inline CSS, inline SVG charts with a
/// text alternative and their figures in tables, no script), printable on A4. The page is the
/// mustache template templates/bulletin/bulletin.mustache and its style templates/bulletin/
/// bulletin.css, found in the project first, then among the shipped files, so the communication
/// team edits them without recompiling. The view holds public values only (never a personal
/// datum); `{{name}}` values go through html_escape, `{{{name}}}` ones are HTML built here
/// (sections, charts, the highlights through the safe Markdown renderer).
#include <filesystem>
#include <string>
#include <vector>

#include "bulletin_data.hpp"
#include "render/template/markdown_template.hpp"
#include "tampon/emitter.hpp"

namespace tampon::bulletin {

/// Diagnostic code of a missing, unreadable or broken bulletin template.
inline constexpr std::string_view k_template_code = "bulletin-template";

inline constexpr std::string_view k_page_template = "templates/bulletin/bulletin.mustache";
inline constexpr std::string_view k_style_sheet = "templates/bulletin/bulletin.css";

struct BulletinTemplates {
  tmpl::Template page;
  std::string css;
  std::vector<std::filesystem::path> files;  ///< what the bulletins depend on
};

/// Where the templates are (project first, then shipped): the jobs' depends_on.
std::vector<std::string> bulletin_template_files(const ProjectContext& project);

/// Reads both files (regular files inside a templates/ folder only); a refused or missing file
/// is a `bulletin-template` diagnostic, and the result is then not usable.
BulletinTemplates load_bulletin_templates(const ProjectContext& project, Diagnostics& out);

/// Every name a bulletin template may use, as the manual lists them (`reperes[].libelle` is
/// `libelle` inside `{{#reperes}}`); docs/pages.md's table is checked against it.
const std::vector<std::string_view>& bulletin_view_variables();

/// The view's schema built from that list: lists with one element.
tmpl::Data bulletin_view_schema();

/// The page template checked against the schema (file:line:column, « vouliez-vous dire »).
Diagnostics check_bulletin_templates(const ProjectContext& project);

std::string bulletin_html(const BulletinData& data, const BulletinTemplates& templates);

}  // namespace tampon::bulletin
