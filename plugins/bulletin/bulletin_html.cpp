#include "bulletin_html.hpp"

#include <kainjow/mustache.hpp>

#include "io/source_file.hpp"

#include "bulletin_text.hpp"
#include "markdown_html.hpp"
#include "render/fr_format.hpp"
#include "render/html_escape.hpp"
#include "svg_charts.hpp"

namespace tampon::bulletin {
namespace {

namespace fs = std::filesystem;
using render::html_escape;

std::string th(std::string_view text, bool numeric = false) {
  return std::string("<th scope=\"col\"") + (numeric ? " class=\"n\"" : "") + ">" +
         html_escape(text) + "</th>";
}
std::string td(std::string_view text, bool numeric = false) {
  return std::string(numeric ? "<td class=\"n\">" : "<td>") + html_escape(text) + "</td>";
}

std::string totals_section(const BulletinData& data) {
  std::string tiles = "<ul class=\"chiffres\">";
  std::string rows;
  for (const Indicator& ind : k_indicators) {
    std::string now = fr::number(data.current.*ind.field);
    std::string change = change_text(data, ind.field);
    tiles += "<li><span class=\"nombre\">" + html_escape(now) + "</span>" + html_escape(ind.label) +
             "<span class=\"evolution\">" + html_escape(change_caption(data, ind.field)) +
             "</span></li>";
    rows += "<tr><th scope=\"row\">" + html_escape(ind.label) + "</th>" + td(now, true) +
            td(data.previous.reports ? fr::number(data.previous.*ind.field) : "—", true) +
            td(change, true) + "</tr>";
  }
  return "<section aria-labelledby=\"t-totaux\"><h2 id=\"t-totaux\">L'activité du trimestre</h2>" +
         tiles + "</ul><table><caption>" +
         html_escape("Totaux du trimestre et évolution depuis le " +
                     fr::quarter_long(data.quarter.previous())) +
         "</caption><thead><tr>" + th("Indicateur") + th(fr::quarter_long(data.quarter), true) +
         th(fr::quarter_long(data.quarter.previous()), true) + th("Évolution", true) +
         "</tr></thead><tbody>" + rows + "</tbody></table></section>\n";
}

std::string months_section(const BulletinData& data) {
  std::string header = th("Indicateur");
  for (std::size_t m = 0; m < 3; ++m)
    header += th(fr::month_long(quarter_month(data.quarter, m)), true);
  std::string rows;
  for (const MonthRow& row : month_rows(data)) {
    rows += "<tr><th scope=\"row\">" + html_escape(row.label) + "</th>";
    for (long long v : row.values) rows += td(fr::number(v), true);
    rows += "</tr>";
  }
  return "<section aria-labelledby=\"t-mois\"><h2 id=\"t-mois\">Activité par mois</h2><figure>" +
         month_chart_svg(data, "g-mois") +
         "<figcaption>Nombre de séances par mois et par type ; les chiffres sont dans le tableau "
         "ci-dessous.</figcaption></figure><table><caption>Activité par mois</caption><thead><tr>" +
         header + "</tr></thead><tbody>" + rows + "</tbody></table></section>\n";
}

std::string bars_section(std::string_view id, std::string_view title, Unit unit,
                         const std::vector<Bar>& bars) {
  std::string out = "<section aria-labelledby=\"t-" + std::string(id) + "\"><h2 id=\"t-" +
                    std::string(id) + "\">" + html_escape(title) + "</h2>";
  if (bars.empty()) return out + "<p>Aucune donnée ce trimestre.</p></section>\n";
  std::string rows;
  for (const Bar& b : bars)
    rows += "<tr><th scope=\"row\">" + html_escape(b.label) + "</th>" +
            td(fr::number(b.value), true) + "</tr>";
  return out + "<figure>" +
         bar_chart_svg(bars, "g-" + std::string(id), title, bars_description(bars, unit)) +
         "</figure><table><caption>" + html_escape(title) + "</caption><thead><tr>" +
         th(id == "lieux" ? "Lieu" : "Thème") + th("Nombre", true) + "</tr></thead><tbody>" + rows +
         "</tbody></table></section>\n";
}

std::string highlights_section(const BulletinData& data) {
  std::string out = "<section aria-labelledby=\"t-faits\"><h2 id=\"t-faits\">Faits marquants</h2>";
  if (data.highlights.empty())
    return out + "<p>Aucun fait marquant signalé ce trimestre.</p></section>\n";
  for (const Highlight& h : data.highlights)
    out += "<article class=\"fait\"><p class=\"signature\">" + html_escape(highlight_byline(h)) +
           "</p>" + highlight_html(h.markdown) + "</article>";
  return out + "</section>\n";
}

std::string follow_up_section(const BulletinData& data) {
  std::string out =
      "<section aria-labelledby=\"t-suivi\"><h2 id=\"t-suivi\">Suivi des rapports "
      "mensuels</h2>";
  if (data.missing.empty())
    return out + "<p class=\"ok\">" + html_escape(k_all_received) + "</p></section>\n";
  out += "<div class=\"alerte\"><p>" + html_escape(k_missing_warning) + "</p><ul>";
  for (const MissingMonth& m : data.missing) out += "<li>" + html_escape(missing_text(m)) + "</li>";
  return out + "</ul></div></section>\n";
}

}  // namespace

std::string bulletin_html(const BulletinData& data, const BulletinBuild& build) {
  std::string sections = totals_section(data) + months_section(data);
  sections += bars_section("themes", "Thèmes abordés", {"accompagnement", "accompagnements"},
                           theme_bars(data));
  if (data.has_lieux)
    sections +=
        bars_section("lieux", "Lieux d'intervention", {"séance", "séances"}, place_bars(data));
  sections += highlights_section(data) + follow_up_section(data);

  tmpl::Data view;
  view.set("titre",
           "Bulletin d'activité, " + fr::quarter_long(data.quarter) + " — " + data.structure->nom);
  view.set("css", build.templates.css);
  view.set("structure", data.structure->nom);
  view.set("trimestre", quarter_title(data.quarter));
  view.set("chapo", "Bulletin d'activité du " + quarter_title(data.quarter));
  tmpl::List facts;
  for (const KeyFact& f : key_facts(data)) {
    tmpl::Data fact;
    fact.set("libelle", f.label);
    fact.set("valeur", f.value);
    facts.push_back(fact);
  }
  view.set("reperes", facts);
  view.set("sections_html", sections);
  view.set("mention", std::string(k_mention));
  view.set("site", std::string(k_site));
  view.set("site_url", std::string(k_site_url));

  auto page =
      build.copies.take([&] { return std::make_unique<kainjow::mustache::mustache>(*build.page); });
  std::string out = page->render(view);
  if (!page->is_valid())
    throw Fatal("« " + build.templates.page.file +
                " » : gabarit invalide : " + page->error_message());
  return out;
}

std::vector<std::string> bulletin_template_files(const ProjectContext& project) {
  return {project.find(k_page_template).string(), project.find(k_style_sheet).string()};
}

BulletinTemplates load_bulletin_templates(const ProjectContext& project, Diagnostics& out,
                                          PrepareContext* ctx) {
  BulletinTemplates templates;
  auto read = [&](std::string_view relative, std::string& text) {
    fs::path path = project.find(relative);
    SourceRoot root = SourceRoot::of(project, path, "templates");
    SourceStatus status = ctx ? ctx->read_source(path, root, text) : read_source(path, root, text);
    if (status.problem == SourceProblem::missing)
      out.push_back(Diagnostic::error({std::string(relative), 0, 0}, std::string(k_template_code),
                                      "gabarit du bulletin « " + std::string(relative) +
                                          " » introuvable, ni dans le projet ni parmi les "
                                          "fichiers livrés ; placez-le dans le projet ou "
                                          "réinstallez l’outil"));
    else if (!status)
      out.push_back(source_diagnostic(status, project.display(path), k_template_code));
    templates.files.push_back(path);
    return project.display(path);
  };
  templates.page.file = read(k_page_template, templates.page.text);
  read(k_style_sheet, templates.css);
  return templates;
}

const std::vector<std::string_view>& bulletin_view_variables() {
  static const std::vector<std::string_view> k_names = {"titre",
                                                        "css",
                                                        "structure",
                                                        "trimestre",
                                                        "chapo",
                                                        "reperes",
                                                        "reperes[].libelle",
                                                        "reperes[].valeur",
                                                        "sections_html",
                                                        "mention",
                                                        "site",
                                                        "site_url"};
  return k_names;
}

tmpl::Data bulletin_view_schema() {
  tmpl::Data view, fact;
  bool has_list = false;
  for (std::string_view name : bulletin_view_variables()) {
    if (name == "reperes") {
      has_list = true;
    } else if (name.starts_with("reperes[].")) {
      fact.set(std::string(name.substr(10)), std::string("x"));
    } else {
      view.set(std::string(name), std::string("x"));
    }
  }
  if (has_list) {
    tmpl::List facts;
    facts.push_back(fact);
    view.set("reperes", facts);
  }
  return view;
}

std::unique_ptr<BulletinBuild> prepare_bulletin_html(PrepareContext& ctx) {
  auto build = std::make_unique<BulletinBuild>();
  build->templates = load_bulletin_templates(ctx.project(), build->problems, &ctx);
  build->findings = build->problems;
  if (!build->problems.empty()) return build;
  for (Diagnostic& d : tmpl::check_template(build->templates.page, bulletin_view_schema())) {
    d.code = std::string(k_template_code);
    build->findings.push_back(std::move(d));
  }
  build->page = std::make_unique<kainjow::mustache::mustache>(build->templates.page.text);
  build->page->set_custom_escape([](const std::string& s) { return html_escape(s); });
  return build;
}

}  // namespace tampon::bulletin
