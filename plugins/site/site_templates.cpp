#include "site_templates.hpp"

#include "html_text.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace tampon::site {
namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

Diagnostic template_error(const ProjectContext& project, const fs::path& file, std::uint32_t line,
                          std::string message) {
  Diagnostic d;
  d.where = {project.display(file), line, line ? 1u : 0u};
  d.code = "site-template";
  d.message = std::move(message);
  return d;
}

std::uint32_t line_at(const std::string& text, std::size_t offset) {
  return 1 + static_cast<std::uint32_t>(
                 std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

/// Replaces each `{{> name}}` with templates/site/name.mustache, recursively (depth-limited).
std::string inline_partials(const ProjectContext& project, const fs::path& file,
                            const std::string& text, int depth, Templates& templates,
                            Diagnostics& diagnostics) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    std::size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    std::string name = text.substr(open + 3, close - open - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    fs::path partial = project.find("templates/site/" + name + ".mustache");
    std::string body;
    if (depth > 8 || name.find('/') != std::string::npos || !read_file(partial, body)) {
      diagnostics.push_back(template_error(project, file, line_at(text, open),
                                           "gabarit partiel « " + name + " » introuvable"));
    } else {
      templates.files.push_back(partial);
      out += inline_partials(project, partial, body, depth + 1, templates, diagnostics);
    }
    pos = close + 2;
  }
  out.append(text, pos);
  return out;
}

}  // namespace

std::string TemplatePool::render(const kainjow::mustache::data& data) const {
  kainjow::mustache::context<std::string> context(&data);
  return render(context);
}

std::string TemplatePool::render(kainjow::mustache::basic_context<std::string>& context) const {
  std::unique_ptr<kainjow::mustache::mustache> tmpl;
  {
    std::lock_guard lock(m_mutex);
    if (!m_free.empty()) {
      tmpl = std::move(m_free.back());
      m_free.pop_back();
    }
  }
  if (!tmpl) {
    tmpl = std::make_unique<kainjow::mustache::mustache>(m_source);
    // One escaping for the whole site (&#39; for apostrophes, like the Markdown writer).
    // Most values (hrefs, titles) have nothing to escape: returned as they are.
    tmpl->set_custom_escape([](const std::string& s) {
      if (find_html_special(s) == std::string::npos) return s;
      std::string out;
      out.reserve(s.size() + s.size() / 8);
      append_escaped(out, s);
      return out;
    });
  }
  // Appended to directly: kainjow's own string render goes through an ostringstream.
  struct Appender {
    std::string text;
    Appender& operator<<(const std::string& part) {
      text += part;
      return *this;
    }
  } html;
  html.text.reserve(m_source.size() * 2);
  tmpl->render(context, html);
  std::lock_guard lock(m_mutex);
  m_free.push_back(std::move(tmpl));
  return std::move(html.text);
}

Templates load_templates(const ProjectContext& project, Diagnostics& diagnostics) {
  Templates templates;
  fs::path main = project.find("templates/site/page.mustache");
  std::string text;
  if (!read_file(main, text)) {
    diagnostics.push_back(template_error(project, main, 0, "gabarit de page introuvable"));
    templates.page = std::make_shared<TemplatePool>("");
    return templates;
  }
  templates.files.push_back(main);
  std::string source = inline_partials(project, main, text, 0, templates, diagnostics);
  kainjow::mustache::mustache check(source);
  if (!check.is_valid())
    diagnostics.push_back(
        template_error(project, main, 0, "gabarit invalide : " + check.error_message()));
  templates.page = std::make_shared<TemplatePool>(std::move(source));
  return templates;
}

}  // namespace tampon::site
