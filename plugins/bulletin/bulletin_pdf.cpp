#include "bulletin_pdf.hpp"

#include "bulletin_text.hpp"
#include "markdown_html.hpp"
#include "pdf_charts.hpp"
#include "render/document/document_engine.hpp"
#include "render/fr_format.hpp"
#include "render/template/markdown_template.hpp"
#include "render/utf8.hpp"

namespace tampon::bulletin {
namespace {

using tmpl::escape_markdown;

std::string utf8_of(char32_t c) {
  std::string out;
  render::append_utf8(out, c);
  return out;
}

/// Replaces every occurrence of `c` (UTF-8 is self-synchronising: a byte match is a character
/// match): a tab by four spaces, so Markdown indentation keeps its meaning, another control
/// character by a space, anything else by nothing.
std::string replace_codepoint(std::string_view text, char32_t c) {
  std::string needle = utf8_of(c), with = c == U'\t' ? "    " : c < 0x20 ? " " : "";
  std::string out;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(needle, start)) != std::string_view::npos;
       start = at + needle.size())
    out.append(text.substr(start, at - start)).append(with);
  return out.append(text.substr(start));
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
  o.fonts = bulletin_fonts();
  o.body_size = 10;
  return o;
}

std::string intro_markdown(const BulletinData& data) {
  std::string out = "# " + escape_markdown(data.structure->nom) + "\n\n**Bulletin d'activité du " +
                    escape_markdown(quarter_title(data.quarter)) + "**\n\n";
  for (const KeyFact& f : key_facts(data))
    out += "- " + escape_markdown(f.label) + " : **" + escape_markdown(f.value) + "**\n";
  return out + "\n";
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
  std::string out = "| Indicateur |";
  for (std::size_t m = 0; m < 3; ++m)
    out += " " + escape_markdown(fr::month_long(quarter_month(data.quarter, m))) + " |";
  out += "\n|---|---:|---:|---:|\n";
  for (const MonthRow& row : month_rows(data)) {
    out += "| " + escape_markdown(row.label) + " |";
    for (long long v : row.values) out += " " + fr::number(v) + " |";
    out += "\n";
  }
  return out + "\n";
}

/// A bar chart with its figures printed on the bars: unlike the HTML page, which repeats them
/// in a table for screen readers, the PDF does not print them twice.
void add_bars(doc::Document& d, std::string_view title, const std::vector<Bar>& bars) {
  d.add_markdown("## " + std::string(title) + "\n");
  if (bars.empty()) return d.add_markdown("Aucune donnée ce trimestre.\n");
  d.add_figure(
      bar_chart_height(bars),
      [bars](doc::Canvas& c, double width) { draw_bar_chart(c, width, bars); },
      bar_chart_alt(title, bars));
}

void add_highlights(doc::Document& d, const BulletinData& data) {
  d.add_markdown("## Faits marquants\n");
  if (data.highlights.empty()) return d.add_markdown("Aucun fait marquant signalé ce trimestre.\n");
  for (const Highlight& h : data.highlights) {
    d.add_markdown("### " + escape_markdown(highlight_byline(h)) + "\n");
    d.add_markdown(highlight_markdown(printable_text(h.markdown)));
  }
}

std::string follow_up_markdown(const BulletinData& data) {
  std::string out = "## Suivi des rapports mensuels\n\n";
  if (data.missing.empty()) return out + escape_markdown(k_all_received) + "\n\n";
  out += "**" + escape_markdown(k_missing_warning) + "**\n\n";
  for (const MissingMonth& m : data.missing) out += "- " + escape_markdown(missing_text(m)) + "\n";
  return out + "\n";
}

}  // namespace

doc::FontFiles bulletin_fonts() {
  const std::filesystem::path dir = "/usr/share/fonts/truetype/liberation2";
  return {dir / "LiberationSans-Regular.ttf", dir / "LiberationSans-Bold.ttf",
          dir / "LiberationSans-Italic.ttf", dir / "LiberationSans-BoldItalic.ttf"};
}

std::string printable_text(std::string_view utf8) {
  std::string out(utf8);
  static const doc::FontFiles fonts = bulletin_fonts();
  while (auto missing = doc::missing_glyph(out, fonts)) out = replace_codepoint(out, *missing);
  return out;
}

std::vector<char32_t> unprintable_characters(std::string_view utf8) {
  static const doc::FontFiles fonts = bulletin_fonts();
  std::vector<char32_t> found;
  std::string rest(utf8);
  while (auto missing = doc::missing_glyph(rest, fonts)) {
    if (*missing >= 0x20) found.push_back(*missing);
    rest = replace_codepoint(rest, *missing);
  }
  return found;
}

void write_bulletin_pdf(const BulletinData& data, const std::filesystem::path& output) {
  doc::Document d(options_for(data));
  d.add_markdown(intro_markdown(data) + totals_markdown(data) + "## Activité par mois\n");
  d.add_figure(
      k_month_chart_height,
      [&data](doc::Canvas& c, double width) { draw_month_chart(c, width, data); },
      month_chart_alt(data));
  d.add_markdown(months_table(data));
  add_bars(d, "Thèmes abordés", theme_bars(data));
  if (data.has_lieux) add_bars(d, "Lieux d'intervention", place_bars(data));
  add_highlights(d, data);
  d.add_markdown(follow_up_markdown(data) + "---\n\n**" + escape_markdown(k_mention) + "**\n\n[" +
                 escape_markdown(k_site) + "](" + std::string(k_site_url) + ")\n");
  d.render(output);
}

}  // namespace tampon::bulletin
