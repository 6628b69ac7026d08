#pragma once
/// Document templates: Markdown with mustache tags (kainjow/mustache), rendered over a data
/// view built by the emitter. The legal team edits the templates without recompiling, so a
/// template is checked before use: every name it uses must exist in the view's schema, and the
/// error points at the template's file, line and column.
///
/// Values inserted with `{{name}}` are escaped for Markdown (a `*` or `|` in a structure's name
/// stays text); `{{{name}}}` inserts Markdown as is. `{{> name}}` includes a partial (a clause
/// the legal team writes once and several templates share), rendered in the including
/// template's context; a partial includes no other partial. The line of a `{{> name}}` tag
/// keeps its line break, so put the tag where a blank line is harmless. Delimiter changes are not
/// supported.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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

/// Partials by the name templates include them with.
using Partials = std::map<std::string, Template, std::less<>>;

/// Reads a template file, only if it is a regular file really inside `root` (io/source_file.hpp;
/// the default root checks only that it is a regular file); throws tampon::Fatal when it cannot
/// be read, saying why.
Template load_template(const std::filesystem::path& path, std::string display_name,
                       const SourceRoot& root = SourceRoot());

/// Every tag of the template checked against `schema`, a view in which every list holds at
/// least one element and every optional value is present. Errors carry file:line:column.
/// `partials`: those the template may include; one it names and `partials` lacks is an error
/// at its tag. A partial's own tags are checked in the context of its inclusion, and their
/// errors point into the partial's file.
Diagnostics check_template(const Template& tmpl, const Data& schema, const Partials& partials = {});

/// Names of the partials the template includes (`{{> name}}`), sorted, without repeats.
std::vector<std::string> partial_names(const Template& tmpl);
/// A partial name is lower-case letters, digits and hyphens: it names a file, never a path.
bool is_valid_partial_name(std::string_view name);

/// Renders the template over `view`. Throws std::runtime_error naming the template and the
/// variable when a tag names something the view lacks (check_template reports it earlier,
/// with its line; this is the guard for views that differ from their schema).
std::string render(const Template& tmpl, const Data& view, const Partials& partials = {});

/// Backslash-escapes Markdown punctuation so a value prints literally; line breaks become
/// spaces (a value never starts a new block or table row).
std::string escape_markdown(std::string_view text);

}  // namespace tampon::tmpl
