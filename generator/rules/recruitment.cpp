// domain.md §5, recruitment and training: selection and signature delays, contract before
// training, training start and length, coordinator recruitment delay.
#include <algorithm>

#include "core/fr_text.hpp"
#include "rules/checks.hpp"
#include "rules/conseiller_posts.hpp"

namespace tampon::rules {
namespace {

// When the contract was signed: the recruitment date when given, else its start.
std::pair<Date, std::string> signed_on(const Conseiller& c) {
  if (c.recrutement && c.recrutement->signature_contrat)
    return {*c.recrutement->signature_contrat, "recrutement.signature_contrat"};
  return {c.contrat.debut, "contrat.debut"};
}

struct Delay {
  std::string_view code;
  const char* field;  ///< the later date's field, where the finding points
  std::string what;   ///< "candidat sélectionné"
  std::string since;  ///< "la présentation du candidat"
};

void delay(Checker& check, const Conseiller& c, const Delay& d, std::optional<Date> from,
           std::optional<Date> to, int max) {
  if (!from || !to) return;
  long days = from->days_until(*to);
  if (days <= max) return;
  check.report(d.code, c.locs.at(d.field),
               d.what + " " + text::days(days) + " après " + d.since + " le " + from->iso() + " (" +
                   text::days(max) + " au plus) [000 II.4]",
               ref_of(c));
}

void selection_and_signature(Checker& check, const Conseiller& c) {
  if (!c.recrutement) return;
  const Recrutement& r = *c.recrutement;
  delay(check, c,
        {"late-selection", "recrutement.selection", "candidat sélectionné",
         "la présentation du candidat"},
        r.presentation, r.selection, check.limits().selection_max_days);
  delay(check, c,
        {"late-contract", "recrutement.signature_contrat", "contrat signé", "la sélection"},
        r.selection, r.signature_contrat, check.limits().contract_max_days);
}

void training_dates(Checker& check, const Conseiller& c) {
  if (!c.formation || !c.formation->depart) return;
  Date depart = *c.formation->depart;
  auto [signature, field] = signed_on(c);
  if (signature > depart)
    check.report("contract-after-training", c.locs.at(field),
                 "contrat signé le " + signature.iso() + ", après le départ en formation du " +
                     depart.iso() + " : le contrat doit être signé avant la formation [004 §4]",
                 ref_of(c));
  long days = c.contrat.debut.days_until(depart);
  int max = check.limits().training_start_max_days;
  if (days > max)
    check.report("late-training", c.locs.at("formation.depart"),
                 "départ en formation " + text::days(days) + " après le début du contrat le " +
                     c.contrat.debut.iso() + " (" + text::days(max) + " au plus) [004 étape 5]",
                 ref_of(c));
}

std::string allowed_hours(const Limits& limits) {
  std::string out;
  for (std::size_t i = 0; i < limits.training_hours.size(); ++i)
    out += (i == 0                                  ? ""
            : i + 1 == limits.training_hours.size() ? " ou "
                                                    : ", ") +
           std::to_string(limits.training_hours[i]);
  return out;
}

void training_hours(Checker& check, const Conseiller& c) {
  if (!c.formation || c.formation->exemption) return;
  const auto& allowed = check.limits().training_hours;
  std::optional<int> hours = c.formation->heures;
  if (hours && std::ranges::find(allowed, *hours) != allowed.end()) return;
  std::string what =
      hours ? "formation de " + std::to_string(*hours) + " heures" : "durée de formation absente";
  check.report("training-hours", c.locs.at("formation.heures"),
               what + " : la durée est de " + allowed_hours(check.limits()) +
                   " heures selon le positionnement, ou « exemption: true » pour un titulaire "
                   "du titre RMN [004]",
               ref_of(c));
}

void coordinator_recruitment(Checker& check, const Conseiller& c) {
  if (!c.recrutement || !c.recrutement->notification_poste) return;
  if (!is_coordinator(check, c)) return;
  Date notified = *c.recrutement->notification_poste;
  int max = check.limits().coordinator_recruitment_max_months;
  auto [recruited, field] = signed_on(c);
  if (recruited <= notified.plus_months(max)) return;
  check.report("late-coordinator-recruitment", c.locs.at(field),
               "coordinateur recruté le " + recruited.iso() + ", plus de " + text::months(max) +
                   " après la notification du poste le " + notified.iso() + " (au plus tard le " +
                   notified.plus_months(max).iso() + ") [002 III.a]",
               ref_of(c), coordinator_post_notes(check, c));
}

}  // namespace

void check_recruitment(Checker& check, const Conseiller& c) {
  selection_and_signature(check, c);
  training_dates(check, c);
  training_hours(check, c);
  coordinator_recruitment(check, c);
}

}  // namespace tampon::rules
