#include "site_config.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <cerrno>

namespace tampon::site {
namespace {

constexpr std::array<std::string_view, 3> k_statuses = {"totalement conforme",
                                                        "partiellement conforme", "non conforme"};

class Reader {
 public:
  Reader(SiteConfig& config, Diagnostics& out) : m_config(config), m_out(out) {}

  void error(const YAML::Mark& mark, std::string message) {
    Diagnostic d;
    d.where = {m_config.file, static_cast<std::uint32_t>(mark.line + 1),
               static_cast<std::uint32_t>(mark.column + 1)};
    d.code = "site-config";
    d.message = std::move(message);
    m_out.push_back(std::move(d));
  }
  void missing(const YAML::Node& parent, std::string_view key) {
    error(parent.Mark(),
          "élément obligatoire « " + std::string(key) + " » absent de la configuration du site");
  }

  /// A mandatory non-empty string under `parent`.
  std::string text(const YAML::Node& parent, std::string_view key, bool required = true) {
    YAML::Node node = parent[std::string(key)];
    if (!node) {
      if (required) missing(parent, key);
      return {};
    }
    if (!node.IsScalar() || node.Scalar().empty()) {
      error(node.Mark(), "« " + std::string(key) + " » doit être un texte non vide");
      return {};
    }
    return node.Scalar();
  }

  std::vector<FooterLink> links(const YAML::Node& root, std::string_view key, bool pages) {
    std::vector<FooterLink> result;
    YAML::Node list = root[std::string(key)];
    if (!list) {
      missing(root, key);
      return result;
    }
    if (!list.IsSequence() || list.size() == 0) {
      error(list.Mark(), "« " + std::string(key) + " » doit être une liste non vide de liens");
      return result;
    }
    for (const auto& item : list) {
      if (!item.IsMap()) {
        error(item.Mark(), "chaque lien de « " + std::string(key) + " » a un titre et une adresse");
        continue;
      }
      FooterLink link;
      link.line = static_cast<std::uint32_t>(item.Mark().line + 1);
      link.title = text(item, "titre");
      if (pages)
        link.page = text(item, "page");
      else
        link.url = text(item, "url");
      result.push_back(std::move(link));
    }
    return result;
  }

  void read(const YAML::Node& root) {
    SiteConfig& c = m_config;
    c.service_name = text(root, "nom_service");
    c.baseline = text(root, "baseline", false);
    c.description = text(root, "description");
    c.state_mention = text(root, "mention_etat");
    c.programme_link = text(root, "lien_dispositif");
    read_brand(root);
    read_base_url(root);
    read_accessibility(root);
    c.institutional_links = links(root, "liens_institutionnels", false);
    c.legal_links = links(root, "liens_legaux", true);
    YAML::Node licence = root["licence"];
    if (!licence)
      missing(root, "licence");
    else if (!licence.IsMap())
      error(licence.Mark(), "« licence » a un texte et une adresse");
    else {
      c.licence_text = text(licence, "texte");
      c.licence_url = text(licence, "url");
    }
  }

 private:
  void read_brand(const YAML::Node& root) {
    YAML::Node brand = root["bloc_marque"];
    if (!brand) return missing(root, "bloc_marque");
    if (!brand.IsSequence() || brand.size() == 0)
      return error(brand.Mark(), "« bloc_marque » doit être une liste de lignes");
    for (const auto& line : brand)
      if (line.IsScalar()) m_config.brand_lines.push_back(line.Scalar());
  }

  void read_base_url(const YAML::Node& root) {
    std::string url = text(root, "url_base");
    if (url.empty()) return;
    auto scheme_end = url.find("://");
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
      error(root["url_base"].Mark(), "« url_base » doit commencer par https:// ou http://");
      return;
    }
    if (url.back() != '/') url += '/';
    m_config.base_url = url;
    auto path_start = url.find('/', scheme_end + 3);
    m_config.base_path = url.substr(path_start);
  }

  void read_accessibility(const YAML::Node& root) {
    YAML::Node a11y = root["accessibilite"];
    if (!a11y) return missing(root, "accessibilite");
    if (!a11y.IsMap()) return error(a11y.Mark(), "« accessibilite » a un statut et une page");
    m_config.accessibility_status = text(a11y, "statut");
    m_config.accessibility_page.page = text(a11y, "page");
    m_config.accessibility_page.line = static_cast<std::uint32_t>(a11y.Mark().line + 1);
    m_config.accessibility_page.title = "Accessibilité : " + m_config.accessibility_status;
    const auto& status = m_config.accessibility_status;
    if (status.empty()) return;
    for (auto known : k_statuses)
      if (known == status) return;
    error(a11y["statut"].Mark(), "statut d'accessibilité « " + status +
                                     " » inconnu : totalement conforme, partiellement conforme "
                                     "ou non conforme");
  }

  SiteConfig& m_config;
  Diagnostics& m_out;
};

}  // namespace

SiteConfig load_site_config(const std::filesystem::path& path, const SourceRoot& folder,
                            const std::string& display_path, Diagnostics& diagnostics) {
  SiteConfig config;
  config.file = display_path;
  Reader reader(config, diagnostics);
  std::string text;
  SourceStatus status = read_source(path, folder, text);
  if (status.problem == SourceProblem::missing && status.error == ENOENT) {
    reader.error(YAML::Mark::null_mark(),
                 "configuration du site introuvable : créez content/site.yaml");
    diagnostics.back().where.line = 0;
    diagnostics.back().where.column = 0;
    return config;
  }
  if (!status) {
    diagnostics.push_back(source_diagnostic(status, display_path, "site-config"));
    return config;
  }
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap())
      reader.error(root.Mark(), "la configuration du site doit être une table");
    else
      reader.read(root);
  } catch (const YAML::ParserException& e) {
    reader.error(e.mark, "configuration du site illisible : " + e.msg);
  }
  return config;
}

}  // namespace tampon::site
