#include "serve/error_overlay.hpp"

#include <fstream>
#include <sstream>

#include "render/html_escape.hpp"
#include "render/json_text.hpp"

namespace tampon::serve {
namespace {

using render::html_escape;

/// Joins the lines of a paragraph of the manual and drops its Markdown marks: code quotes,
/// and links "[text](page.md)" kept as their text.
std::string plain(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ']' && i + 1 < text.size() && text[i + 1] == '(') {
      std::size_t close = text.find(')', i);
      if (close != std::string::npos) {
        i = close;
        continue;
      }
    }
    if (c != '`' && c != '[') out += c == '\n' ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

FixHints read_fix_hints(const std::filesystem::path& rules_page) {
  FixHints hints;
  std::ifstream in(rules_page, std::ios::binary);
  std::string line, code, paragraph;
  bool in_hint = false, fenced = false;
  auto close = [&] {
    if (in_hint && !code.empty() && !paragraph.empty()) hints[code] = plain(paragraph);
    in_hint = false;
    paragraph.clear();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("```")) fenced = !fenced;
    if (fenced) continue;
    if (line.starts_with("#")) {
      close();
      code.clear();
      if (line.starts_with("### `") && line.size() > 6 && line.back() == '`')
        code = line.substr(5, line.size() - 6);
      continue;
    }
    if (line.empty()) {
      close();
      continue;
    }
    if (line.starts_with("Corriger :")) {
      close();
      in_hint = true;
      paragraph = line.substr(std::string_view("Corriger :").size());
      while (!paragraph.empty() && paragraph.front() == ' ') paragraph.erase(0, 1);
      continue;
    }
    if (in_hint) paragraph += "\n" + line;
  }
  close();
  return hints;
}

std::string error_overlay_html(const Diagnostics& findings, const FixHints& hints) {
  Diagnostics errors;
  for (const Diagnostic& d : findings)
    if (d.severity == Severity::Error) errors.push_back(d);
  if (errors.empty()) return {};
  sort_diagnostics(errors);
  std::ostringstream out;
  out << "<div id=\"tampon-erreurs\" role=\"alertdialog\" aria-modal=\"false\" "
         "aria-labelledby=\"tampon-erreurs-titre\" style=\"position:fixed;inset:0;z-index:99999;"
         "overflow:auto;background:#161616;color:#fff;font:16px/1.5 Marianne,arial,"
         "sans-serif;padding:2rem\"><div style=\"max-width:60rem;margin:0 auto\">"
         "<h2 id=\"tampon-erreurs-titre\" style=\"color:#ff8d7e;margin:0 0 .5rem\">"
      << (errors.size() == 1 ? std::string("La reconstruction du site a échoué : 1 erreur")
                             : "La reconstruction du site a échoué : " +
                                   std::to_string(errors.size()) + " erreurs")
      << "</h2><p style=\"margin:0 0 1.5rem\">La page affichée est la dernière version construite. "
         "Corrigez le fichier et enregistrez : ce message disparaîtra et la page se mettra à "
         "jour.</p><ol style=\"padding-left:1.5rem\">";
  for (const Diagnostic& d : errors) {
    out << "<li style=\"margin-bottom:1.25rem\"><p style=\"margin:0\"><code "
           "style=\"color:#ffd079;font-size:1rem\">";
    if (!d.where.file.empty()) {
      out << html_escape(d.where.file);
      if (d.where.line) out << ':' << d.where.line << ':' << d.where.column;
    } else {
      out << "(projet)";
    }
    out << "</code></p><p style=\"margin:.25rem 0\">" << html_escape(d.message) << "</p>";
    for (const Note& note : d.notes) {
      out << "<p style=\"margin:.25rem 0;opacity:.85\">";
      if (!note.where.file.empty())
        out << html_escape(note.where.file) << ':' << note.where.line << ':' << note.where.column
            << " : ";
      out << html_escape(note.message) << "</p>";
    }
    if (auto hint = hints.find(d.code); hint != hints.end())
      out << "<p style=\"margin:.25rem 0\"><strong>Corriger :</strong> "
          << html_escape(hint->second) << "</p>";
    if (!d.code.empty())
      out << "<p style=\"margin:.25rem 0;opacity:.75\">Code <code>" << html_escape(d.code)
          << "</code> — plus d'explications : <code>tampon explain rule " << html_escape(d.code)
          << "</code></p>";
    out << "</li>";
  }
  out << "</ol></div></div>";
  return out.str();
}

std::string error_page_html(const std::string& overlay) {
  return "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur de "
         "construction — tampon serve</title></head><body>" +
         overlay + "<script src=\"/__tampon/apercu.js\"></script></body></html>\n";
}

std::string_view preview_script() {
  // Polls the status; reloads the page after a successful rebuild, shows or removes the
  // overlay after each attempt. The overlay's HTML is escaped by the server.
  return "/* tampon serve : recharge la page après chaque reconstruction et affiche les "
         "erreurs */\n"
         "(function () {\n"
         "  var version = null, shown = null;\n"
         "  function show(html) {\n"
         "    if (html === shown) return;\n"
         "    shown = html;\n"
         "    var old = document.getElementById('tampon-erreurs');\n"
         "    if (old) old.remove();\n"
         "    if (!html) return;\n"
         "    var box = document.createElement('div');\n"
         "    box.innerHTML = html;\n"
         "    document.body.appendChild(box.firstChild);\n"
         "  }\n"
         "  function poll() {\n"
         "    fetch('/__tampon/status', {cache: 'no-store'}).then(function (r) {\n"
         "      return r.json();\n"
         "    }).then(function (s) {\n"
         "      if (version !== null && s.version !== version) { location.reload(); return; }\n"
         "      version = s.version;\n"
         "      show(s.overlay);\n"
         "    }).catch(function () {});\n"
         "  }\n"
         "  poll();\n"
         "  setInterval(poll, 400);\n"
         "})();\n";
}

std::string PreviewStatus::json(long version) const {
  std::lock_guard lock(m_mutex);
  std::string out = "{\"version\":";
  append_json_string(out, std::to_string(version));
  out += ",\"overlay\":";
  append_json_string(out, m_overlay);
  out += "}";
  return out;
}

}  // namespace tampon::serve
