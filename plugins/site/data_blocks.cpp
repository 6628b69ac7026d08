#include "data_blocks.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <vector>

#include "render/fr_format.hpp"
#include "render/html_escape.hpp"
#include "tampon/enums.hpp"

namespace tampon::site {
namespace {

using render::html_escape;

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

template <class T, class F>
std::string join(const std::vector<T>& items, F&& label, std::string_view sep = ", ") {
  std::string out;
  for (const T& item : items) {
    if (!out.empty()) out += sep;
    out += label(item);
  }
  return out;
}

/// A DSFR table: caption, one header row (scope="col"), rows whose first cell is a row header.
class Table {
 public:
  Table(std::string caption, std::vector<std::string> headers)
      : m_caption(std::move(caption)), m_headers(std::move(headers)) {}
  void row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
  /// Amounts align right, as in a statement, so that their digits line up.
  void align_right(std::size_t column) { m_right.insert(column); }
  std::string html() const {
    std::string out =
        "<div class=\"fr-table\"><div class=\"fr-table__wrapper\"><div "
        "class=\"fr-table__container\" tabindex=\"0\">"
        "<div class=\"fr-table__content\"><table><caption>" +
        html_escape(m_caption) + "</caption><thead><tr>";
    for (std::size_t i = 0; i < m_headers.size(); ++i)
      out += "<th scope=\"col\"" + cell_class(i) + ">" + html_escape(m_headers[i]) + "</th>";
    out += "</tr></thead><tbody>";
    for (const auto& r : m_rows) {
      out += "<tr>";
      for (std::size_t i = 0; i < r.size(); ++i)
        out += i == 0 ? "<th scope=\"row\">" + html_escape(r[i]) + "</th>"
                      : "<td" + cell_class(i) + ">" + html_escape(r[i]) + "</td>";
      out += "</tr>";
    }
    return out + "</tbody></table></div></div></div></div>\n";
  }

 private:
  std::string cell_class(std::size_t column) const {
    return m_right.contains(column) ? " class=\"fr-cell--right\"" : "";
  }
  std::string m_caption;
  std::set<std::size_t> m_right;
  std::vector<std::string> m_headers;
  std::vector<std::vector<std::string>> m_rows;
};

std::string months(int n) { return std::to_string(n) + " mois"; }

std::string overseas_text(OverseasPolicy policy) {
  switch (policy) {
    case OverseasPolicy::Increased:
      return "majoré dans les DROM";
    case OverseasPolicy::Unknown:
      return "majoration fixée au cas par cas";
    case OverseasPolicy::None:
      break;
  }
  return "sans majoration";
}

std::string contracts_text(const GridRow& row) {
  return join(row.contracts, [](ContractType c) { return std::string(label_fr(c)); });
}

std::string families_text(const GridRow& row) {
  return join(row.families, [](Family f) { return std::string(label_fr(f)); });
}

/// The grid rows a regime's call was open to: a row for a family the call did not accept
/// (e.g. private structures in relance-2020) would tell a reader it could have applied, which
/// the validator then refuses (familles_eligibles, domain.md).
std::vector<const GridRow*> applicable_rows(const Regime& regime) {
  std::vector<const GridRow*> rows;
  for (const GridRow& row : regime.grid) {
    bool open = regime.eligible.empty() ||
                std::any_of(row.families.begin(), row.families.end(), [&](Family f) {
                  return std::find(regime.eligible.begin(), regime.eligible.end(), f) !=
                         regime.eligible.end();
                });
    if (open) rows.push_back(&row);
  }
  return rows;
}

/// One sentence naming the families a call was not open to, or nothing.
std::string closed_families(const Regime& regime) {
  if (regime.eligible.empty()) return {};
  std::vector<Family> closed;
  for (Family f :
       {Family::Collectivite, Family::PublicRattache, Family::AutrePublic, Family::Prive})
    if (std::find(regime.eligible.begin(), regime.eligible.end(), f) == regime.eligible.end())
      closed.push_back(f);
  if (closed.empty()) return {};
  return "<p>Cet appel n'était pas ouvert aux familles de structures suivantes : " +
         html_escape(join(closed, [](Family f) { return std::string(label_fr(f)); })) +
         ". La grille ne leur donne donc aucun montant pour cet appel.</p>\n";
}

std::string grid(const Regime& regime) {
  // The amount comes right after the row's label: it is what the page is read for.
  Table table(
      "Montant par poste : " + regime.label,
      {"Structure", "Montant par poste", "Contrat de travail", "Période financée", "Outre-mer"});
  table.align_right(1);
  for (const GridRow* row : applicable_rows(regime))
    table.row({row->label.empty() ? families_text(*row) : row->label, fr::money(row->amount),
               contracts_text(*row), months(row->months), overseas_text(row->overseas)});
  return table.html() + closed_families(regime);
}

std::string anchor_text(Anchor anchor) {
  return anchor == Anchor::Signature ? "la signature de la convention"
                                     : "le départ en formation du conseiller";
}

/// Each tranche is floor(total × pct / 100); the last takes the remainder (domain.md §4).
std::vector<Money> split(Money total, const std::vector<TrancheRule>& rules) {
  std::vector<Money> out;
  Money sum;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    Money part = i + 1 == rules.size() ? total - sum : total.percent_floor(rules[i].pct);
    sum += part;
    out.push_back(part);
  }
  return out;
}

std::string tranches(const Regime& regime) {
  std::set<Money, std::greater<>> amounts;
  for (const GridRow* row : applicable_rows(regime)) amounts.insert(row->amount);
  std::vector<std::string> headers = {"Tranche", "Part", "Versement"};
  for (Money m : amounts) headers.push_back("Poste à " + fr::money(m));
  Table table("Calendrier des versements : " + regime.label, headers);
  std::vector<std::vector<Money>> parts;
  for (Money m : amounts) parts.push_back(split(m, regime.tranches));
  for (std::size_t i = 0; i < regime.tranches.size(); ++i) {
    const TrancheRule& rule = regime.tranches[i];
    std::vector<std::string> cells = {
        std::to_string(i + 1), fr::percent(rule.pct),
        months(rule.offset_months) + " après " + anchor_text(regime.anchor)};
    for (const auto& p : parts) cells.push_back(fr::money(p[i]));
    table.row(cells);
  }
  return table.html();
}

std::string overseas(const Baremes& baremes) {
  Table table("Montant majoré par poste dans les départements et régions d'outre-mer",
              {"Territoire", "Départements", "Montant par poste"});
  for (const OverseasIncrease& inc : baremes.overseas)
    table.row({inc.territory, join(inc.departements, [](const std::string& d) { return d; }),
               fr::money(inc.amount)});
  return table.html();
}

std::string durations(const Baremes& baremes) {
  Table table("Période financée selon l'appel et la ligne de la grille",
              {"Appel", "Structure et contrat", "Période financée"});
  for (const Regime& regime : baremes.regimes)
    for (const GridRow* row : applicable_rows(regime))
      table.row(
          {regime.label,
           (row->label.empty() ? families_text(*row) : row->label) + " — " + contracts_text(*row),
           months(row->months)});
  return table.html() + "<p>Quel que soit le contrat, la convention de subvention couvre <strong>" +
         months(baremes.convention_max_months) + " au plus</strong>.</p>\n";
}

std::string eligibility(const Baremes& baremes) {
  constexpr Family k_all[] = {Family::Collectivite, Family::PublicRattache, Family::AutrePublic,
                              Family::Prive};
  std::vector<std::string> headers = {"Appel"};
  for (Family f : k_all) headers.emplace_back(label_fr(f));
  Table table("Familles de structures éligibles selon l'appel", headers);
  for (const Regime& regime : baremes.regimes) {
    std::vector<std::string> cells = {regime.label};
    for (Family f : k_all) {
      bool yes =
          std::find(regime.eligible.begin(), regime.eligible.end(), f) != regime.eligible.end();
      cells.push_back(yes ? "Oui" : "Non");
    }
    table.row(cells);
  }
  return table.html();
}

std::string training(const Baremes& baremes) {
  Table table("Durées de formation possibles", {"Parcours", "Durée"});
  const auto& hours = baremes.limits.training_hours;
  for (std::size_t i = 0; i < hours.size(); ++i)
    table.row({i == 0 ? "Formation courte" : "Formation longue", fr::number(hours[i]) + " heures"});
  return table.html();
}

}  // namespace

std::string check_data_block(const std::string& directive, const Baremes& baremes) {
  auto w = words(directive);
  if (w.empty()) return "bloc de données vide";
  const std::string& name = w[0];
  if (name == "grille" || name == "tranches") {
    if (w.size() != 2) return "« " + name + " » attend un identifiant de régime";
    if (!baremes.regime(w[1])) return "régime « " + w[1] + " » absent des barèmes";
    return {};
  }
  if (name == "outre-mer" || name == "durees" || name == "eligibilite" || name == "formation")
    return w.size() == 1 ? std::string() : "« " + name + " » ne prend pas d'argument";
  return "bloc de données « " + name +
         " » inconnu (grille, tranches, outre-mer, durees, eligibilite, formation)";
}

std::string render_data_block(const std::string& directive, const Baremes& baremes) {
  auto w = words(directive);
  if (w.empty()) return {};
  const Regime* regime = w.size() == 2 ? baremes.regime(w[1]) : nullptr;
  if (w[0] == "grille" && regime) return grid(*regime);
  if (w[0] == "tranches" && regime) return tranches(*regime);
  if (w[0] == "outre-mer") return overseas(baremes);
  if (w[0] == "durees") return durations(baremes);
  if (w[0] == "eligibilite") return eligibility(baremes);
  if (w[0] == "formation") return training(baremes);
  return {};
}

std::string grid_csv(const Baremes& baremes) {
  auto cell = [](std::string text) {
    if (text.find_first_of(";\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
  };
  std::string out = "regime;ligne;structures;contrats;montant_euros;duree_mois;outre_mer;source\n";
  for (const Regime& regime : baremes.regimes)
    for (const GridRow* row : applicable_rows(regime))
      out += cell(regime.id) + ";" + cell(row->id) + ";" + cell(families_text(*row)) + ";" +
             cell(contracts_text(*row)) + ";" + row->amount.plain() + ";" +
             std::to_string(row->months) + ";" + cell(overseas_text(row->overseas)) + ";" +
             cell(row->source) + "\n";
  return out;
}

}  // namespace tampon::site
