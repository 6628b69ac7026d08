#include "site_config.hpp"

#include <array>
#include <cerrno>

#include "load/map_reader.hpp"
#include "load/text_check.hpp"
#include "load/yaml_tree.hpp"

namespace tampon::site {
namespace {

using load::NodeKind;
using load::YamlNode;

constexpr std::array<std::string_view, 3> k_statuses = {"totalement conforme",
                                                        "partiellement conforme", "non conforme"};
constexpr std::array<std::string_view, 11> k_root_keys = {
    "nom_service",           "baseline",     "bloc_marque",     "url_base",
    "description",           "mention_etat", "lien_dispositif", "accessibilite",
    "liens_institutionnels", "liens_legaux", "licence"};
constexpr std::array<std::string_view, 2> k_accessibility_keys = {"statut", "page"};
constexpr std::array<std::string_view, 2> k_licence_keys = {"texte", "url"};
constexpr std::array<std::string_view, 2> k_url_link_keys = {"titre", "url"};
constexpr std::array<std::string_view, 2> k_page_link_keys = {"titre", "page"};
/// site.yaml is a page of settings: a small budget, well above the shipped file.
constexpr load::YamlLimits k_limits{.max_depth = 16, .max_nodes = 100'000};

/// Reads site.yaml through the loader's YAML reader (load/yaml_tree, load/map_reader): unknown
/// and duplicate keys get its "vouliez-vous dire" messages; the site's own checks keep theirs.
class Reader {
 public:
  Reader(SiteConfig& config, Diagnostics& out) : m_config(config), m_out(out) {}

  void error(std::uint32_t line, std::uint32_t column, std::string message) {
    Diagnostic d;
    d.where = {m_config.file, line, column};
    d.code = "site-config";
    d.message = std::move(message);
    m_out.push_back(std::move(d));
  }
  void error(const YamlNode& at, std::string message) {
    error(at.line, at.column, std::move(message));
  }

  /// Checks the keys of `map` (unknown, duplicate) and gives its reader.
  load::MapReader keys(const YamlNode& map, std::span<const std::string_view> known,
                       std::string path) {
    load::MapReader reader(*m_decoder, map, known, std::move(path), nullptr);
    for (std::size_t i = m_reported; i < m_found.size(); ++i) {
      Diagnostic& f = m_found[i];
      f.where.file = m_config.file;
      f.code = "site-config";
      f.message = "configuration du site : " + f.message;
      m_out.push_back(f);
    }
    m_reported = m_found.size();
    return reader;
  }

  void missing(const YamlNode& parent, std::string_view key) {
    error(parent,
          "élément obligatoire « " + std::string(key) + " » absent de la configuration du site");
  }

  /// A mandatory non-empty string under `parent`.
  std::string text(const load::MapReader& parent, std::string_view key, bool required = true) {
    const YamlNode* node = parent.find(key);
    if (!node) {
      if (required) missing(parent.node(), key);
      return {};
    }
    if (node->kind != NodeKind::Scalar || m_tree->scalar(*node).empty()) {
      error(*node, "« " + std::string(key) + " » doit être un texte non vide");
      return {};
    }
    return std::string(m_tree->scalar(*node));
  }

  std::vector<FooterLink> links(const load::MapReader& root, std::string_view key, bool pages) {
    std::vector<FooterLink> result;
    const YamlNode* list = root.find(key);
    if (!list) {
      missing(root.node(), key);
      return result;
    }
    if (list->kind != NodeKind::Sequence || list->count == 0) {
      error(*list, "« " + std::string(key) + " » doit être une liste non vide de liens");
      return result;
    }
    std::uint32_t n = 0;
    for (std::uint32_t index : m_tree->items(*list)) {
      const YamlNode& item = m_tree->node(index);
      ++n;
      if (item.kind != NodeKind::Mapping) {
        error(item, "chaque lien de « " + std::string(key) + " » a un titre et une adresse");
        continue;
      }
      load::MapReader r =
          keys(item, pages ? std::span(k_page_link_keys) : std::span(k_url_link_keys),
               std::string(key) + "[" + std::to_string(n) + "]");
      FooterLink link;
      link.line = item.line;
      link.title = text(r, "titre");
      if (pages)
        link.page = text(r, "page");
      else
        link.url = text(r, "url");
      result.push_back(std::move(link));
    }
    return result;
  }

  void read(const load::YamlTree& tree, const YamlNode& root_node, std::string_view source) {
    m_tree = &tree;
    load::FileDecoder decoder(tree, 0, m_found, source);
    m_decoder = &decoder;
    load::MapReader root = keys(root_node, k_root_keys, "");
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
    const YamlNode* licence = root.find("licence");
    if (!licence)
      missing(root.node(), "licence");
    else if (licence->kind != NodeKind::Mapping)
      error(*licence, "« licence » a un texte et une adresse");
    else {
      load::MapReader r = keys(*licence, k_licence_keys, "licence");
      c.licence_text = text(r, "texte");
      c.licence_url = text(r, "url");
    }
    m_decoder = nullptr;
  }

 private:
  void read_brand(const load::MapReader& root) {
    const YamlNode* brand = root.find("bloc_marque");
    if (!brand) return missing(root.node(), "bloc_marque");
    if (brand->kind != NodeKind::Sequence || brand->count == 0)
      return error(*brand, "« bloc_marque » doit être une liste de lignes");
    for (std::uint32_t index : m_tree->items(*brand))
      if (const YamlNode& line = m_tree->node(index); line.kind == NodeKind::Scalar)
        m_config.brand_lines.emplace_back(m_tree->scalar(line));
  }

  void read_base_url(const load::MapReader& root) {
    std::string url = text(root, "url_base");
    if (url.empty()) return;
    auto scheme_end = url.find("://");
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
      error(*root.find("url_base"), "« url_base » doit commencer par https:// ou http://");
      return;
    }
    // A site name after the scheme: "https://" alone, or "https:///x", has none (found by
    // fuzz_site_config: the path below was then taken from past the end).
    std::size_t host_start = scheme_end + 3;
    if (host_start >= url.size() || url[host_start] == '/') {
      error(*root.find("url_base"),
            "« url_base » n'a pas de nom de site après « " + url.substr(0, host_start) +
                " » : écrivez l'adresse complète, par exemple https://www.exemple.fr/");
      return;
    }
    if (url.back() != '/') url += '/';
    m_config.base_url = url;
    m_config.base_path = url.substr(url.find('/', host_start));
  }

  void read_accessibility(const load::MapReader& root) {
    const YamlNode* a11y = root.find("accessibilite");
    if (!a11y) return missing(root.node(), "accessibilite");
    if (a11y->kind != NodeKind::Mapping)
      return error(*a11y, "« accessibilite » a un statut et une page");
    load::MapReader r = keys(*a11y, k_accessibility_keys, "accessibilite");
    m_config.accessibility_status = text(r, "statut");
    m_config.accessibility_page.page = text(r, "page");
    m_config.accessibility_page.line = a11y->line;
    m_config.accessibility_page.title = "Accessibilité : " + m_config.accessibility_status;
    const auto& status = m_config.accessibility_status;
    if (status.empty()) return;
    for (auto known : k_statuses)
      if (known == status) return;
    error(*r.find("statut"), "statut d'accessibilité « " + status +
                                 " » inconnu : totalement conforme, partiellement conforme "
                                 "ou non conforme" +
                                 load::did_you_mean(status, k_statuses));
  }

  SiteConfig& m_config;
  Diagnostics& m_out;
  const load::YamlTree* m_tree = nullptr;
  load::FileDecoder* m_decoder = nullptr;
  Diagnostics m_found;  ///< the key checks' findings, copied to m_out with the site's code
  std::size_t m_reported = 0;
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
    reader.error(0, 0, "configuration du site introuvable : créez content/site.yaml");
    return config;
  }
  if (!status) {
    diagnostics.push_back(source_diagnostic(status, display_path, "site-config"));
    return config;
  }
  if (auto problem = load::check_text(text)) {
    reader.error(problem->line, problem->column,
                 "configuration du site illisible : " + problem->message);
    return config;
  }
  load::YamlParse parsed = load::parse_yaml(text, k_limits);
  if (parsed.error) {
    reader.error(parsed.error->line, parsed.error->column,
                 "configuration du site illisible : " + parsed.error->message);
    return config;
  }
  auto documents = parsed.tree.documents();
  const YamlNode* root = documents.empty() ? nullptr : &parsed.tree.node(documents.front());
  if (!root || root->kind != NodeKind::Mapping || documents.size() > 1)
    reader.error(root ? root->line : 1, root ? root->column : 1,
                 "la configuration du site doit être une table");
  else
    reader.read(parsed.tree, *root, text);
  return config;
}

}  // namespace tampon::site
