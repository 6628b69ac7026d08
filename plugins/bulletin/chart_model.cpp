#include "chart_model.hpp"

#include <algorithm>

#include "render/fr_format.hpp"

namespace tampon::bulletin {

const std::vector<Series>& month_series() {
  static const std::vector<Series> k_series{
      {"Accompagnements individuels",
       {"accompagnement individuel", "accompagnements individuels"},
       {0.0, 0.0, 0.569},
       "#000091"},
      {"Ateliers collectifs",
       {"atelier collectif", "ateliers collectifs"},
       {0.416, 0.416, 0.957},
       "#6A6AF4"},
      {"Demandes ponctuelles",
       {"demande ponctuelle", "demandes ponctuelles"},
       {0.0, 0.565, 0.506},
       "#009081"},
      {"Appels Solidarité Numérique",
       {"appel Solidarité Numérique", "appels Solidarité Numérique"},
       {0.808, 0.38, 0.29},
       "#CE614A"},
  };
  return k_series;
}

std::string counted(long long value, Unit unit) {
  return fr::number(value) + " " + std::string(value <= 1 ? unit.singular : unit.plural);
}

long long month_value(const Totals& t, std::size_t series) {
  const long long values[] = {t.individuels, t.ateliers, t.ponctuelles, t.appels};
  return values[series];
}

Month quarter_month(Quarter quarter, std::size_t index) {
  return {quarter.year, quarter.first_month().month + static_cast<unsigned>(index)};
}

std::vector<MonthRow> month_rows(const BulletinData& data) {
  std::vector<MonthRow> rows;
  for (const Indicator& ind : k_indicators)
    rows.push_back(
        {ind.label,
         {data.months[0].*ind.field, data.months[1].*ind.field, data.months[2].*ind.field}});
  rows.push_back({"Rapports mensuels reçus",
                  {data.months[0].reports, data.months[1].reports, data.months[2].reports}});
  return rows;
}

Axis value_axis(long long largest) {
  for (long long scale = 1;; scale *= 10)
    for (long long m : {1, 2, 5}) {
      long long step = m * scale;
      long long steps = std::max(1LL, (largest + step - 1) / step);
      if (steps <= 5) return {steps * step, step};
    }
}

Axis month_axis(const BulletinData& data) {
  long long top = 0;
  for (const Totals& t : data.months)
    for (std::size_t s = 0; s < month_series().size(); ++s) top = std::max(top, month_value(t, s));
  return value_axis(top);
}

namespace {

std::vector<Bar> sorted_bars(std::vector<Bar> bars) {
  bars.erase(std::remove_if(bars.begin(), bars.end(), [](const Bar& b) { return b.value == 0; }),
             bars.end());
  std::stable_sort(bars.begin(), bars.end(),
                   [](const Bar& a, const Bar& b) { return a.value > b.value; });
  return bars;
}

}  // namespace

std::vector<Bar> theme_bars(const BulletinData& data) {
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < k_theme_count; ++i)
    bars.push_back({std::string(label_fr(static_cast<Theme>(i))), data.themes[i]});
  return sorted_bars(std::move(bars));
}

std::vector<Bar> place_bars(const BulletinData& data) {
  std::vector<Bar> bars;
  for (std::size_t i = 0; i < k_lieu_count; ++i)
    bars.push_back({std::string(label_fr(static_cast<Lieu>(i))), data.lieux[i]});
  return sorted_bars(std::move(bars));
}

std::string month_chart_description(const BulletinData& data) {
  std::string out;
  for (std::size_t m = 0; m < 3; ++m) {
    out += (m ? " ; " : "") + fr::month_long(quarter_month(data.quarter, m)) + " : ";
    for (std::size_t s = 0; s < month_series().size(); ++s)
      out += (s ? ", " : "") + counted(month_value(data.months[m], s), month_series()[s].unit);
  }
  return out + ".";
}

std::string bars_description(const std::vector<Bar>& bars, Unit unit) {
  if (bars.empty()) return "Aucune donnée.";
  std::string out;
  for (const Bar& b : bars)
    out += (out.empty() ? "" : " ; ") + b.label + " : " + counted(b.value, unit);
  return out + ".";
}

}  // namespace tampon::bulletin
