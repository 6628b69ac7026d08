// bench_pdf_text --project DIR --out DIR [--count N] [--render THREADS] [--as-of DATE]
//
// Writes, for the first N conventions of a project (all when N is 0), the Markdown the
// convention template gives (out/md/<id>.md) and the same text as an HTML page styled like
// Tampon's layout (out/html/<id>.html), for WeasyPrint. With --render it also renders the N
// conventions with the document engine on THREADS threads (out/pdf/) and prints the rate:
// the engine alone, without loading, validation or the host.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <atomic>
#include <chrono>
#include <cstdio>
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

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

void render_all(const Model& model, const std::vector<const ConventionState*>& states,
                const ProjectContext& project, const fs::path& out, unsigned threads) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < states.size();)
      convention_pdf::render_document({false, states[i]->record->id}, model, project,
                                      out / (states[i]->record->id + ".pdf"));
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
  }
  std::printf("text documents=%zu\n", states.size());
  if (args.render_threads)
    render_all(model, states, project, args.out / "pdf", args.render_threads);
  return 0;
}
