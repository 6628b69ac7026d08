// bench_pdf_text --project DIR --out DIR [--count N] [--render THREADS] [--as-of DATE]
//
// Writes, for the first N conventions of a project (all when N is 0), the Markdown the
// convention template gives (out/md/<id>.md), the same text as an HTML page styled like
// Tampon's layout (out/html/<id>.html), for WeasyPrint, and as Typst markup with the same page
// layout (out/typst/<id>.typ), for Typst. With --render it also renders the N
// conventions with the document engine on THREADS threads (out/pdf/) and prints the rate:
// the engine alone, without loading, validation or the host.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "document_job.hpp"
#include "document_view.hpp"
#include "render/html_escape.hpp"
#include "rules/validate.hpp"

namespace fs = std::filesystem;
using namespace tampon;

namespace {

struct Args {
  fs::path project, out;
  std::size_t count = 0;
  unsigned render_threads = 0;
  Date as_of = *Date::parse("2023-01-01");
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--project")
      a.project = v;
    else if (k == "--out")
      a.out = v;
    else if (k == "--count")
      a.count = std::stoul(v);
    else if (k == "--render")
      a.render_threads = static_cast<unsigned>(std::stoul(v));
    else if (k == "--as-of")
      a.as_of = *Date::parse(v);
  }
  if (a.project.empty() || a.out.empty()) {
    std::cerr << "usage: bench_pdf_text --project DIR --out DIR [--count N] [--render THREADS]\n";
    std::exit(2);
  }
  return a;
}

std::string markdown_to_html(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_SMART);
  cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("table"));
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, CMARK_OPT_SMART, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  cmark_get_default_mem_allocator()->free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

/// The page furniture and typography of Tampon's engine, in CSS paged media.
std::string html_page(const ConventionState& state, const std::string& body) {
  std::string header = render::html_escape("Convention n° " + state.record->id);
  std::string footer = render::html_escape(state.structure->nom);
  return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + header +
         "</title><style>\n"
         "@page { size: A4; margin: 27mm 25mm 25mm 25mm;\n"
         "  @top-left { content: \"" +
         header +
         "\"; font-size: 8pt; color: #595959 }\n"
         "  @top-right { content: \"Dispositif Conseiller numérique\"; font-size: 8pt; color: "
         "#595959 }\n"
         "  @bottom-left { content: \"" +
         footer +
         "\"; font-size: 8pt; color: #595959 }\n"
         "  @bottom-right { content: \"page \" counter(page) \" / \" counter(pages); font-size: "
         "8pt; color: #595959 } }\n"
         "body { font-family: 'Liberation Serif'; font-size: 10.5pt; line-height: 1.32; "
         "text-align: justify; hyphens: auto; orphans: 2; widows: 2 }\n"
         "h1 { font-size: 15pt; text-align: center } h2 { font-size: 11.5pt; break-after: avoid }\n"
         "h3 { font-size: 10.5pt; font-style: italic; break-after: avoid } p { margin: 6pt 0 0 }\n"
         "table { width: 100%; border-collapse: collapse; font-size: 9.5pt; text-align: left }\n"
         "th, td { border: 0.5pt solid #595959; padding: 2.5pt 4pt } th { background: #e6e6e6 }\n"
         "thead { display: table-header-group } tr { break-inside: avoid }\n"
         "pre { font-family: inherit; white-space: pre-wrap; break-inside: avoid; border: 0 }\n"
         "</style></head><body>\n" +
         body + "</body></html>\n";
}

/// Markdown (the convention's) → Typst markup, through cmark's tree: headings, paragraphs,
/// emphasis, hard line breaks, links, lists, tables with a header row, and the
/// ```signatures block as boxes, one per party. Every ASCII punctuation character Typst gives
/// a meaning to is escaped with a backslash.
class TypstWriter {
 public:
  std::string document(cmark_node* root) {
    blocks(root, "");
    return std::move(m_out);
  }

 private:
  void text(const char* literal) {
    for (const char* c = literal; c && *c; ++c) {
      if (std::strchr("\\#*_`$<>@[]~=-+/'\".:(;", *c)) m_out += '\\';
      m_out += *c;
    }
  }
  void string_literal(const char* literal) {
    m_out += '"';
    for (const char* c = literal; c && *c; ++c) {
      if (*c == '"' || *c == '\\') m_out += '\\';
      m_out += *c;
    }
    m_out += '"';
  }
  void inlines(cmark_node* parent) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          text(cmark_node_get_literal(n));
          break;
        case CMARK_NODE_SOFTBREAK:
          m_out += ' ';
          break;
        case CMARK_NODE_LINEBREAK:
          m_out += "#linebreak()";
          break;
        case CMARK_NODE_EMPH:
          m_out += "#emph[";
          inlines(n);
          m_out += ']';
          break;
        case CMARK_NODE_STRONG:
          m_out += "#strong[";
          inlines(n);
          m_out += ']';
          break;
        case CMARK_NODE_LINK:
          m_out += "#link(";
          string_literal(cmark_node_get_url(n));
          m_out += ")[";
          inlines(n);
          m_out += ']';
          break;
        default:
          inlines(n);
      }
    }
  }
  void cells(cmark_node* row) {
    for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
      m_out += '[';
      inlines(cell);
      m_out += "], ";
    }
  }
  void table(cmark_node* t) {
    int columns = 0;
    cmark_node* header = cmark_node_first_child(t);
    for (cmark_node* c = cmark_node_first_child(header); c; c = cmark_node_next(c)) ++columns;
    m_out += "#table(columns: " + std::to_string(columns) + ", table.header(";
    cells(header);
    m_out += "),\n";
    for (cmark_node* row = cmark_node_next(header); row; row = cmark_node_next(row)) {
      m_out += "  ";
      cells(row);
      m_out += '\n';
    }
    m_out += ")\n\n";
  }
  void signatures(const char* literal) {
    std::vector<std::vector<std::string>> parties(1);
    std::string line;
    for (const char* c = literal;; ++c) {
      if (*c == '\n' || *c == 0) {
        if (line.empty()) {
          if (!parties.back().empty()) parties.emplace_back();
        } else {
          parties.back().push_back(line);
        }
        line.clear();
        if (*c == 0) break;
      } else {
        line += *c;
      }
    }
    if (parties.back().empty()) parties.pop_back();
    m_out += "#grid(columns: (1fr, 1fr), gutter: 12pt,\n";
    for (const auto& party : parties) {
      m_out += "  [";
      for (const std::string& l : party) {
        text(l.c_str());
        m_out += " #linebreak() ";
      }
      m_out += "#box(width: 100%, height: 64pt, stroke: 0.5pt + luma(60%))],\n";
    }
    m_out += ")\n\n";
  }
  void blocks(cmark_node* parent, const std::string& indent) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      block(n, indent);
  }
  void block(cmark_node* n, const std::string& indent) {
    const std::string type = cmark_node_get_type_string(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        m_out += indent;
        inlines(n);
        m_out += "\n\n";
        return;
      case CMARK_NODE_HEADING:
        m_out += std::string(static_cast<std::size_t>(cmark_node_get_heading_level(n)), '=') + ' ';
        inlines(n);
        m_out += "\n\n";
        return;
      case CMARK_NODE_LIST: {
        bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
          m_out += indent + (ordered ? "+ " : "- ");
          cmark_node* first = cmark_node_first_child(item);
          if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
            inlines(first);
            m_out += '\n';
            first = cmark_node_next(first);
          } else {
            m_out += '\n';
          }
          for (; first; first = cmark_node_next(first)) block(first, indent + "  ");
        }
        m_out += '\n';
        return;
      }
      case CMARK_NODE_CODE_BLOCK: {
        std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
        if (info == "signatures") signatures(cmark_node_get_literal(n));
        if (info == "saut-de-page") m_out += "#pagebreak()\n\n";
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        m_out += "#align(center, line(length: 40%, stroke: 0.5pt + luma(50%)))\n\n";
        return;
      default:
        if (type == "table")
          table(n);
        else
          blocks(n, indent);
    }
  }
  std::string m_out;
};

cmark_node* parse_markdown(const std::string& markdown, cmark_parser*& parser) {
  cmark_gfm_core_extensions_ensure_registered();
  parser = cmark_parser_new(CMARK_OPT_SMART);
  cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension("table"));
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  return cmark_parser_finish(parser);
}

/// The page furniture and typography of Tampon's engine, in Typst; the document title is what
/// PDF/UA-1 requires.
std::string typst_page(const ConventionState& state, const std::string& markdown) {
  cmark_parser* parser = nullptr;
  cmark_node* doc = parse_markdown(markdown, parser);
  std::string body = TypstWriter().document(doc);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  auto quoted = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  std::string header = quoted("Convention n° " + state.record->id);
  std::string footer = quoted(state.structure->nom);
  return "#set document(title: " + header +
         ")\n"
         "#set page(paper: \"a4\", margin: (top: 27mm, bottom: 25mm, x: 25mm),\n"
         "  header: text(size: 8pt, fill: rgb(\"#595959\"), " +
         header +
         " + h(1fr) + \"Dispositif Conseiller numérique\"),\n"
         "  footer: context text(size: 8pt, fill: rgb(\"#595959\"), " +
         footer +
         " + h(1fr) + \"page \" + str(here().page()) + \" / \" + "
         "str(counter(page).final().first())))\n"
         "#set text(font: \"Liberation Serif\", size: 10.5pt, lang: \"fr\", hyphenate: true)\n"
         "#set par(justify: true, leading: 0.65em, spacing: 1.2em)\n"
         "#show heading.where(level: 1): set text(size: 15pt)\n"
         "#show heading.where(level: 1): set align(center)\n"
         "#show heading.where(level: 2): set text(size: 11.5pt)\n"
         "#show table: set text(size: 9.5pt)\n"
         "#set table(stroke: 0.5pt + rgb(\"#595959\"), inset: (x: 4pt, y: 2.5pt), "
         "fill: (_, y) => if y == 0 { luma(90%) })\n\n" +
         body;
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

void render_all(const Model& model, const std::vector<const ConventionState*>& states,
                const ProjectContext& project, const fs::path& out, unsigned threads) {
  // As the emitter does: the templates read once, before the documents.
  const convention_pdf::DocumentTemplates templates =
      convention_pdf::load_document_templates(model, project);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < states.size();)
      convention_pdf::render_document({RecordKind::Convention, states[i]->record->id}, model,
                                      project, templates, out / (states[i]->record->id + ".pdf"));
  };
  fs::create_directories(out);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("engine_only documents=%zu threads=%u seconds=%.3f per_second=%.1f\n", states.size(),
              threads, seconds, static_cast<double>(states.size()) / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse_args(argc, argv);
  ProjectContext project{args.project, TAMPON_SHARE_DIR};
  Diagnostics diagnostics;
  Model model = validate(load_project(project, {}), args.as_of, diagnostics);
  std::vector<const ConventionState*> states;
  for (const ConventionState& s : model.conventions) {
    if (args.count && states.size() == args.count) break;
    states.push_back(&s);
  }
  for (const ConventionState* s : states) {
    // The regime's own template and the clauses it includes, as the emitter picks them.
    auto doc = convention_pdf::load_document_template(
        project, convention_pdf::convention_template_for(project, s->regime->id));
    std::string markdown =
        tmpl::render(doc.main, convention_pdf::convention_view(model, *s), doc.partials);
    write(args.out / "md" / (s->record->id + ".md"), markdown);
    write(args.out / "html" / (s->record->id + ".html"), html_page(*s, markdown_to_html(markdown)));
    write(args.out / "typst" / (s->record->id + ".typ"), typst_page(*s, markdown));
  }
  std::printf("text documents=%zu\n", states.size());
  if (args.render_threads)
    render_all(model, states, project, args.out / "pdf", args.render_threads);
  return 0;
}
