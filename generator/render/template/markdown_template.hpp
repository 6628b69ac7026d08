#pragma once
/// Document templates: Markdown with mustache tags (kainjow/mustache), rendered over a data
/// view built by the emitter. The legal team edits the templates without recompiling, so a
/// template is checked before use: every name it uses must exist in the view's schema, and the
/// error points at the template's file, line and column.
///
/// Values inserted with `{{name}}` are escaped for Markdown (a `*` or `|` in a structure's name
/// stays text); `{{{name}}}` inserts Markdown as is. Partials and delimiter changes are not
/// supported.
#include <filesystem>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "io/source_file.hpp"
#include "tampon/diagnostic.hpp"

namespace tampon::tmpl {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

/// Diagnostic codes of this service.
inline constexpr std::string_view k_unknown_variable = "template-unknown-variable";
inline constexpr std::string_view k_template_syntax = "template-syntax";
inline constexpr std::string_view k_template_missing = "template-missing";

struct Template {
  std::string file;  ///< as diagnostics print it (project-relative)
  std::string text;
};

/// Reads a template file, only if it is a regular file really inside `root` (io/source_file.hpp;
/// the default root checks only that it is a regular file); throws tampon::Fatal when it cannot
/// be read, saying why.
Template load_template(const std::filesystem::path& path, std::string display_name,
                       const SourceRoot& root = SourceRoot());

/// Every tag of the template checked against `schema`, a view in which every list holds at
/// least one element and every optional value is present. Errors carry file:line:column.
Diagnostics check_template(const Template& tmpl, const Data& schema);

/// Renders the template over `view`. Throws std::runtime_error naming the template and the
/// variable when a tag names something the view lacks (check_template reports it earlier,
/// with its line; this is the guard for views that differ from their schema).
std::string render(const Template& tmpl, const Data& view);

/// Backslash-escapes Markdown punctuation so a value prints literally; line breaks become
/// spaces (a value never starts a new block or table row).
std::string escape_markdown(std::string_view text);

}  // namespace tampon::tmpl
