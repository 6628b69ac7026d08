#pragma once
/// The HTML bulletin: one self-contained, accessible page (inline CSS, inline SVG charts with a
/// text alternative and their figures in tables, no script), printable on A4. The page is the
/// mustache template templates/bulletin/bulletin.mustache and its style templates/bulletin/
/// bulletin.css, found in the project first, then among the shipped files, so the communication
/// team edits them without recompiling. The view holds public values only (never a personal
/// datum); `{{name}}` values go through html_escape, `{{{name}}}` ones are HTML built here
/// (sections, charts, the highlights through the safe Markdown renderer).
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bulletin_data.hpp"
#include "render/scratch_pool.hpp"
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

/// Reads both files (regular files inside a templates/ folder only), through `ctx` when given
/// (their digests are then recorded for the jobs' depends_on); a refused or missing file is a
/// `bulletin-template` diagnostic, and the result is then not usable.
BulletinTemplates load_bulletin_templates(const ProjectContext& project, Diagnostics& out,
                                          PrepareContext* ctx = nullptr);

/// The HTML bulletins' part of one build (the emitter's BuildState): both templates read once,
/// the page checked and parsed once. Each render takes its own copy of the parsed page from
/// `copies` (kainjow's renderer is not const), so no job reads or parses a template again.
struct BulletinBuild final : BuildState {
  BulletinTemplates templates;
  Diagnostics problems;  ///< reading problems: no HTML bulletin can be made (each job says so)
  Diagnostics findings;  ///< what check() reports: the problems, or the page's check
  std::unique_ptr<kainjow::mustache::mustache> page;  ///< parsed, never rendered itself
  render::ScratchPool<kainjow::mustache::mustache> copies;
};

/// Emitter::prepare of the bulletin.
std::unique_ptr<BulletinBuild> prepare_bulletin_html(PrepareContext& ctx);

/// Every name a bulletin template may use, as the manual lists them (`reperes[].libelle` is
/// `libelle` inside `{{#reperes}}`); docs/pages.md's table is checked against it.
const std::vector<std::string_view>& bulletin_view_variables();

/// The view's schema built from that list: lists with one element.
tmpl::Data bulletin_view_schema();

/// The page of a build without reading problems.
std::string bulletin_html(const BulletinData& data, const BulletinBuild& build);

}  // namespace tampon::bulletin
