#pragma once
/// A reader for the front matter most pages have: a few `key: value` lines with plain or simply
/// quoted scalars, and `aliases` as a block list. yaml-cpp builds a node tree for every page
/// (a sixth of a 1 000-page site's reading); this reader gives the same values without it.
/// It declines anything else — comments, flow collections, escapes, multi-line or null values,
/// unknown keys, values yaml-cpp would refuse — and yaml-cpp then reads the page as before, so
/// findings (and their file:line:column) always come from yaml-cpp.
#include <string_view>

#include "front_matter.hpp"

namespace tampon::site {

/// Fills `meta` and returns true when `yaml` (the lines between the fences) is in the simple
/// form and decodes without any finding; returns false, `meta` unspecified, otherwise.
bool read_simple_front_matter(std::string_view yaml, FrontMatter& meta);

/// The yaml-cpp decoding (findings included), for pages the simple reader declines. `file` and
/// `first_line` say where `yaml` starts, as diagnostics print them.
void decode_front_matter_yaml(const std::string& yaml, const std::string& file, int first_line,
                              FrontMatter& meta, Diagnostics& diagnostics);

}  // namespace tampon::site
