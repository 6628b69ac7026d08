// domain.md §5, the contract itself: CDD length, salary against the SMIC, coordinators'
// full time. Limits come from baremes.yaml (`limites`), SMIC values from smic.yaml.
#include <algorithm>
#include <cmath>

#include "core/fr_text.hpp"
#include "rules/checks.hpp"
#include "rules/conseiller_posts.hpp"

namespace tampon::rules {
namespace {

// Private-law CDDs are capped by law; public-law CDDs only on the grid rows that finance
// CDDs alone (the autre-public rows: "CDD … 18 mois maximum", [002 II.b]).
bool cdd_capped(const Checker& check, const Conseiller& c) {
  if (c.contrat.type == ContractType::CddDroitPrive) return true;
  if (!is_cdd(c.contrat.type)) return false;
  return std::ranges::any_of(rows_of(check, c), [](const GridRow* row) {
    return std::ranges::all_of(row->contracts, is_cdd);
  });
}

// A public-law CDD is capped by the post that finances it on a CDD-only row: a note there.
std::vector<Note> capping_post_notes(const Checker& check, const Conseiller& c) {
  if (c.contrat.type == ContractType::CddDroitPrive) return {};  // capped by law
  const Model& model = check.model();
  const Structure* s = model.structure(c.structure);
  for (const PostSite* site : check.sites_of(c.id)) {
    const Regime* regime =
        site->convention ? model.baremes.regime(site->convention->regime) : nullptr;
    const GridRow* row = regime && s ? regime->row_for(s->family(), c.contrat.type) : nullptr;
    if (row && std::ranges::all_of(row->contracts, is_cdd))
      return {check.note(site->at("conseiller"), site->label() + ", financé sur la ligne « " +
                                                     row->id + " » réservée aux CDD, ici")};
  }
  return {};
}

void dates(Checker& check, const Conseiller& c) {
  const Contrat& k = c.contrat;
  if (!k.fin) {
    // A `fin` written but not decoded was reported by the loader already.
    if ((is_cdd(k.type) || is_contrat_de_projet(k.type)) && !written(c.locs, "contrat.fin"))
      check.report("missing-field", c.locs.at("contrat"),
                   std::string(label_fr(k.type)) +
                       " sans date de fin : ajoutez « contrat.fin » (une date AAAA-MM-JJ après "
                       "le début " +
                       k.debut.iso() + ", par exemple « fin: " +
                       k.debut.plus_months(check.limits().cdd_max_months).plus_days(-1).iso() +
                       " » pour " + text::months(check.limits().cdd_max_months) + ")",
                   ref_of(c));
    return;
  }
  if (*k.fin < k.debut) {
    check.report("date-order", c.locs.at("contrat.fin"),
                 "fin du contrat " + k.fin->iso() + " antérieure à son début " + k.debut.iso(),
                 ref_of(c));
    return;
  }
  int months = months_covered(k.debut, *k.fin);
  int max = check.limits().cdd_max_months;
  if (months > max && cdd_capped(check, c))
    check.report("cdd-too-long", c.locs.at("contrat.fin"),
                 std::string(label_fr(k.type)) + " de " + text::months(months) + " (du " +
                     k.debut.iso() + " au " + k.fin->iso() + ") : " + text::months(max) +
                     " au plus ; avancez la fin au " +
                     k.debut.plus_months(max).plus_days(-1).iso() + " au plus tard",
                 ref_of(c), capping_post_notes(check, c));
}

// The SMIC in force on the start date, prorated to the weekly hours and rounded to the cent.
// Comparing against the rounded figure keeps the message and the rule in agreement.
Money prorated_smic(const SmicRate& smic, double hours, double full) {
  long long hundredth_hours = std::llround(hours * 100);
  long long full_hundredths = std::llround(full * 100);
  long long num = smic.monthly_35h.cents() * hundredth_hours;
  return Money::cents((2 * num + full_hundredths) / (2 * full_hundredths));
}

// A territory with its own SMIC (Mayotte) is checked against its own rate. When smic.yaml has
// none for the date, the national rate stands in, and a warning says the check is only
// indicative: never an error computed from a rate that does not apply there.
void salary(Checker& check, const Conseiller& c) {
  double full = check.limits().full_time_hours;
  if (full <= 0) return;
  const SmicTable& table = check.model().smic;
  const Structure* s = check.model().structure(c.structure);
  const SmicTerritory* territory = s ? table.territory_of(s->departement) : nullptr;
  const SmicRate* smic =
      territory ? territory->in_force(c.contrat.debut) : table.in_force(c.contrat.debut);
  const Money salaire = c.contrat.salaire_brut_mensuel;
  const SourceLoc at = c.locs.at("contrat.salaire_brut_mensuel");
  if (territory && !smic) {
    const SmicRate* national = table.in_force(c.contrat.debut);
    std::string compared = "aucun SMIC national non plus à cette date";
    if (national) {
      Money prorated = prorated_smic(*national, c.contrat.heures_hebdo, full);
      compared = "comparé au SMIC national proratisé " + text::money(prorated) + ", le salaire " +
                 text::money(salaire) + (salaire >= prorated ? " l'atteint" : " est inférieur");
    }
    check.report("smic-territory-unknown", at,
                 "SMIC de " + territory->name + " inconnu au " + c.contrat.debut.iso() + " dans " +
                     table.file + " : " + compared +
                     " ; ajoutez le taux de ce territoire avec sa source pour une vérification "
                     "exacte",
                 ref_of(c), {check.note(s->locs.at("departement"), "département déclaré ici")});
    return;
  }
  if (!smic) return;  // before the first known rate: nothing to compare with
  Money prorated = prorated_smic(*smic, c.contrat.heures_hebdo, full);
  if (salaire >= prorated) return;
  std::string where = territory ? " de " + territory->name : "";
  std::vector<Note> territory_notes;  // the structure's département picks the territory's SMIC
  if (territory)
    territory_notes.push_back(check.note(s->locs.at("departement"), "département déclaré ici"));
  check.report("salary-below-smic", at,
               "salaire " + text::money(salaire) + " inférieur au SMIC" + where + " proratisé " +
                   text::money(prorated) + " au " + c.contrat.debut.iso() + " (" +
                   text::hours(c.contrat.heures_hebdo) + " h par semaine ; SMIC mensuel pour " +
                   text::hours(full) + " h : " + text::money(smic->monthly_35h) +
                   ") : portez le salaire à " + text::money(prorated) + " au moins",
               ref_of(c), territory_notes);
}

void coordinator_hours(Checker& check, const Conseiller& c) {
  double full = check.limits().full_time_hours;
  if (c.contrat.heures_hebdo >= full || !is_coordinator(check, c)) return;
  check.report("coordinator-part-time", c.locs.at("contrat.heures_hebdo"),
               "coordinateur à " + text::hours(c.contrat.heures_hebdo) +
                   " h par semaine : un coordinateur travaille à temps complet (" +
                   text::hours(full) + " h) [002 III.a]",
               ref_of(c), coordinator_post_notes(check, c));
}

}  // namespace

void check_contracts(Checker& check) {
  for (const auto& c : check.model().records.conseillers) {
    if (check.flagged(c)) continue;  // format errors first: fields may hold defaults
    dates(check, c);
    salary(check, c);
    coordinator_hours(check, c);
    check_recruitment(check, c);
  }
}

}  // namespace tampon::rules
