#include "bulletin_pdf.hpp"

#include "bulletin_text.hpp"
#include "pdf_charts.hpp"
#include "render/document/document_engine.hpp"
#include "render/fr_format.hpp"
#include "render/template/markdown_template.hpp"

namespace tampon::bulletin {
namespace {

using tmpl::escape_markdown;

doc::FontFiles liberation_sans() {
  const std::filesystem::path dir = "/usr/share/fonts/truetype/liberation2";
  return {dir / "LiberationSans-Regular.ttf", dir / "LiberationSans-Bold.ttf",
          dir / "LiberationSans-Italic.ttf", dir / "LiberationSans-BoldItalic.ttf"};
}

doc::DocumentOptions options_for(const BulletinData& data) {
  doc::DocumentOptions o;
  o.title = "Bulletin d'activité, " + fr::quarter_long(data.quarter) + " — " + data.structure->nom;
  o.subject = "Activité des conseillers numériques de la structure";
  o.author = "Tampon";
  o.keywords = "bulletin; " + data.structure->id + "; " + data.quarter.iso();
  o.header_left = data.structure->nom;
  o.header_right = "Bulletin d'activité, " + fr::quarter_long(data.quarter);
  o.footer_left = std::string(k_mention);
  o.date = data.as_of;
  o.fonts = liberation_sans();
  o.body_size = 10;
  return o;
}

std::string intro_markdown(const BulletinData& data) {
  return "# " + escape_markdown(data.structure->nom) + "\n\n**Bulletin d'activité du " +
         escape_markdown(quarter_title(data.quarter)) + "**\n\n" +
         escape_markdown(team_sentence(data)) + " Situation au " +
         escape_markdown(fr::date_long(data.as_of)) + ".\n\n";
}

std::string totals_markdown(const BulletinData& data) {
  std::string out = "## L'activité du trimestre\n\n| Indicateur | " +
                    escape_markdown(fr::quarter_long(data.quarter)) + " | " +
                    escape_markdown(fr::quarter_long(data.quarter.previous())) +
                    " | Évolution |\n|---|---:|---:|---:|\n";
  for (const Indicator& ind : k_indicators)
    out += "| " + escape_markdown(ind.label) + " | " + fr::number(data.current.*ind.field) + " | " +
           (data.previous.reports ? fr::number(data.previous.*ind.field) : "—") + " | " +
           escape_markdown(change_text(data, ind.field)) + " |\n";
  return out + "\n";
}

std::string months_table(const BulletinData& data) {
  std::string out = "| Mois |";
  for (const Indicator& ind : k_indicators) out += " " + escape_markdown(ind.label) + " |";
  out += "\n|---|---:|---:|---:|---:|---:|---:|\n";
  for (std::size_t m = 0; m < 3; ++m) {
    Month month{data.quarter.year, data.quarter.first_month().month + static_cast<unsigned>(m)};
    out += "| " + escape_markdown(fr::month_long(month)) + " |";
    for (const Indicator& ind : k_indicators)
      out += " " + fr::number(data.months[m].*ind.field) + " |";
    out += "\n";
  }
  return out + "\n";
}

void add_bars(doc::Document& d, std::string_view title, std::string_view head,
              const std::vector<Bar>& bars) {
  d.add_markdown("## " + std::string(title) + "\n");
  if (bars.empty()) return d.add_markdown("Aucune donnée ce trimestre.\n");
  d.add_figure(bar_chart_height(bars),
               [bars](doc::Canvas& c, double width) { draw_bar_chart(c, width, bars); });
  std::string table = "| " + std::string(head) + " | Nombre |\n|---|---:|\n";
  for (const Bar& b : bars)
    table += "| " + escape_markdown(b.label) + " | " + fr::number(b.value) + " |\n";
  d.add_markdown(table);
}

void add_highlights(doc::Document& d, const BulletinData& data) {
  d.add_markdown("## Faits marquants\n");
  if (data.highlights.empty()) return d.add_markdown("Aucun fait marquant signalé ce trimestre.\n");
  for (const Highlight& h : data.highlights) {
    d.add_markdown("### " + escape_markdown(highlight_byline(h)) + "\n");
    d.add_markdown(tame_highlight(h.markdown));
  }
}

std::string follow_up_markdown(const BulletinData& data) {
  std::string out = "## Suivi des rapports mensuels\n\n";
  if (data.missing.empty())
    return out + "Tous les rapports mensuels attendus pour ce trimestre ont été reçus.\n\n";
  out +=
      "**Des rapports mensuels manquent.** Tant qu'ils ne sont pas transmis, le versement de "
      "la prochaine tranche de la subvention risque d'être suspendu.\n\n";
  for (const MissingMonth& m : data.missing) out += "- " + escape_markdown(missing_text(m)) + "\n";
  return out + "\n";
}

}  // namespace

std::string tame_highlight(std::string_view markdown) {
  std::string out;
  bool in_fence = false;
  std::size_t start = 0;
  while (start <= markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string line(markdown.substr(start, end - start));
    std::size_t indent = line.find_first_not_of(' ');
    std::string_view body =
        indent == std::string::npos ? "" : std::string_view(line).substr(indent);
    if (indent != std::string::npos && indent < 4 &&
        (body.starts_with("```") || body.starts_with("~~~"))) {
      std::size_t fence = body.find_first_not_of(body[0]);
      line = line.substr(0, indent) + std::string(body.substr(0, fence));  // drop the info string
      in_fence = !in_fence;
    } else if (!in_fence && indent != std::string::npos && indent < 4 && body.starts_with('#')) {
      std::size_t hashes = body.find_first_not_of('#');
      if (hashes != std::string_view::npos && hashes <= 6 && body[hashes] == ' ')
        line = "**" + std::string(body.substr(hashes + 1)) + "**";  // a heading: bold text
    }
    out += line + "\n";
    start = end + 1;
  }
  return out;
}

void write_bulletin_pdf(const BulletinData& data, const std::filesystem::path& output) {
  doc::Document d(options_for(data));
  d.add_markdown(intro_markdown(data) + totals_markdown(data) + "## Activité par mois\n");
  d.add_figure(k_month_chart_height,
               [&data](doc::Canvas& c, double width) { draw_month_chart(c, width, data); });
  d.add_markdown(months_table(data));
  add_bars(d, "Thèmes abordés", "Thème", theme_bars(data));
  if (data.has_lieux) add_bars(d, "Lieux d'intervention", "Lieu", place_bars(data));
  add_highlights(d, data);
  d.add_markdown(follow_up_markdown(data) + "---\n\n**" + escape_markdown(k_mention) + "**\n\n" +
                 escape_markdown(k_site) + "\n");
  d.render(output);
}

}  // namespace tampon::bulletin
