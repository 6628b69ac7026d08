#pragma once
/// The site configuration (content/site.yaml): service name, base URL, accessibility status,
/// footer links. Every mandatory item missing is an error naming the file and line.
#include <filesystem>
#include <string>
#include <vector>

#include "io/source_file.hpp"
#include "tampon/diagnostic.hpp"

namespace tampon::site {

struct FooterLink {
  std::string title;
  std::string url;         ///< external address, or empty when `page` is set
  std::string page;        ///< content file, relative to content/ ("mentions-legales.md")
  std::uint32_t line = 0;  ///< where it is declared, for broken-link diagnostics
};

struct SiteConfig {
  std::string file;  ///< as diagnostics print it
  std::string service_name;
  std::string baseline;
  std::vector<std::string> brand_lines;  ///< "République", "Française"
  std::string base_url;                  ///< "https://…/" (always ends with '/')
  std::string base_path;                 ///< path part of base_url: "/" or "/guide/"
  std::string description;
  std::string state_mention;         ///< domain.md §7
  std::string programme_link;        ///< https://www.conseiller-numerique.gouv.fr
  std::string accessibility_status;  ///< totalement | partiellement | non conforme
  FooterLink accessibility_page;
  std::vector<FooterLink> institutional_links;
  std::vector<FooterLink> legal_links;
  std::string licence_text, licence_url;
};

/// Reads and checks the configuration; findings go to `diagnostics` (never throws for bad
/// input; a missing file is an error too). The file is read only if it is really inside `folder`
/// (io/source_file.hpp).
SiteConfig load_site_config(const std::filesystem::path& path, const SourceRoot& folder,
                            const std::string& display_path, Diagnostics& diagnostics);

}  // namespace tampon::site
