#include "bulletin_html.hpp"

#include "bulletin_css.hpp"
#include "bulletin_text.hpp"
#include "markdown_html.hpp"
#include "render/fr_format.hpp"
#include "render/html_escape.hpp"
#include "svg_charts.hpp"

namespace tampon::bulletin {
namespace {

using render::html_escape;

std::string th(std::string_view text, bool numeric = false) {
  return std::string("<th scope=\"col\"") + (numeric ? " class=\"n\"" : "") + ">" +
         html_escape(text) + "</th>";
}
std::string td(std::string_view text, bool numeric = false) {
  return std::string(numeric ? "<td class=\"n\">" : "<td>") + html_escape(text) + "</td>";
}

std::string head(const BulletinData& data) {
  return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         html_escape("Bulletin d'activité, " + fr::quarter_long(data.quarter) + " — " +
                     data.structure->nom) +
         "</title>\n<style>" + std::string(k_bulletin_css) + "</style>\n</head>\n<body>\n";
}

std::string banner() {
  return "<a class=\"evitement\" href=\"#contenu\">Aller au contenu</a>\n"
         "<header class=\"entete\" role=\"banner\"><p class=\"marque\">République<br>Française</p>"
         "<div class=\"service\"><p class=\"service-titre\">Conseiller numérique</p>"
         "<p class=\"service-sous-titre\">Bulletin trimestriel d'activité</p></div></header>\n";
}

std::string intro(const BulletinData& data) {
  std::string facts;
  for (const KeyFact& f : key_facts(data))
    facts +=
        "<div><dt>" + html_escape(f.label) + "</dt><dd>" + html_escape(f.value) + "</dd></div>";
  return "<h1>" + html_escape(data.structure->nom) + "</h1>\n<p class=\"chapo\">" +
         html_escape("Bulletin d'activité du " + quarter_title(data.quarter)) +
         "</p>\n<dl class=\"reperes\">" + facts + "</dl>\n";
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

std::string footer() {
  return "<footer class=\"pied\" role=\"contentinfo\"><div><p class=\"mention\">" +
         html_escape(k_mention) + "</p><p><a href=\"" + std::string(k_site_url) + "\">" +
         std::string(k_site) + "</a></p></div></footer>\n</body>\n</html>\n";
}

}  // namespace

std::string bulletin_html(const BulletinData& data) {
  std::string out = head(data) + banner() + "<main id=\"contenu\">\n" + intro(data);
  out += totals_section(data) + months_section(data);
  out += bars_section("themes", "Thèmes abordés", {"accompagnement", "accompagnements"},
                      theme_bars(data));
  if (data.has_lieux)
    out += bars_section("lieux", "Lieux d'intervention", {"séance", "séances"}, place_bars(data));
  out += highlights_section(data) + follow_up_section(data);
  return out + "</main>\n" + footer();
}

}  // namespace tampon::bulletin
