#pragma once
/// The YAML front matter of a content page (between two `---` lines at the top).
#include <string>
#include <string_view>
#include <vector>

#include "tampon/diagnostic.hpp"

namespace tampon::site {

struct FrontMatter {
  std::string title;
  std::string description;
  int order = 100;
  bool draft = false;
  std::vector<std::string> aliases;  ///< old site paths that redirect here ("/eligibilite/")
  std::string layout = "page";       ///< page | home | faq | sitemap | search | 404
  bool main_menu = false;            ///< `menu: principal`: listed in the header navigation
  std::string menu_title;            ///< shorter title for menus; defaults to title
};

struct SplitPage {
  FrontMatter meta;
  std::string body;         ///< Markdown after the front matter
  int body_first_line = 1;  ///< line of the file where `body` starts (1-based)
};

/// Decodes the YAML between the fences with the loader's reader (load/map_reader.hpp). `file`
/// and `first_line` say where `yaml` starts, as diagnostics print them.
void decode_front_matter_yaml(std::string_view yaml, const std::string& file, int first_line,
                              FrontMatter& meta, Diagnostics& diagnostics);

/// Splits and decodes. Findings name `display_path` (as diagnostics print it) and its lines.
SplitPage split_front_matter(const std::string& text, const std::string& display_path,
                             Diagnostics& diagnostics);

}  // namespace tampon::site
