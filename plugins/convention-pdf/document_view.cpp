// Parts shared by the convention and avenant views: the parties, the regime, the posts, the
// schedule. domain.md §3 (amounts), §4 (tranches), §7 (what may be printed about a person).
#include "document_view.hpp"

#include <string>

#include "render/fr_format.hpp"
#include "tampon/territories.hpp"

namespace tampon::convention_pdf {
namespace {

constexpr const char* k_nbsp = "\u00A0";

Data list() { return Data(Data::type::list); }
Data text(const std::string& s) { return Data(s); }

/// "200 040 204 00014": SIRET grouped as SIREN (3 × 3) + NIC, with no-break spaces.
std::string siret_grouped(const std::string& siret) {
  if (siret.size() != 14) return siret;
  return siret.substr(0, 3) + k_nbsp + siret.substr(3, 3) + k_nbsp + siret.substr(6, 3) + k_nbsp +
         siret.substr(9);
}

/// "FR76 3000 1005 …": an IBAN in groups of four, as a RIB prints it, with no-break spaces.
std::string iban_grouped(const std::string& iban) {
  std::string out;
  for (std::size_t i = 0; i < iban.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += k_nbsp;
    out += iban[i];
  }
  return out;
}

std::string capitalized(std::string_view label) {
  std::string s(label);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string conseiller_name(const Model& model, const PostState& post) {
  if (!post.conseiller) return "poste vacant";
  const Conseiller* c = model.conseiller(*post.conseiller);
  return c ? c->prenom + " " + c->nom : "poste vacant";
}

/// Months of the financed period of a post: its grid row's (domain.md §3).
int financed_months(const ConventionState& state, const PostState& post) {
  const Regime* regime = state.regime;
  if (post.role == Role::Coordinateur && regime && regime->role != Role::Coordinateur)
    return 0;  // substituted post: two periods, see the schedule
  const GridRow* row = regime ? regime->row_for(state.structure->family(), post.contrat) : nullptr;
  return row ? row->months : 0;
}

std::string anchor_label(const ConventionState& state, const PostState& post,
                         const TrancheLine& t) {
  if (state.regime && t.regime != state.regime->id) return t.anchor_label;  // coordinator relay
  bool on_training = state.regime && state.regime->anchor == Anchor::FormationDepart;
  if (on_training && !t.provisional) return "départ en formation";
  if (post.added_by.empty()) return "signature de la convention";
  std::string label = "signature de l’avenant";
  for (const Avenant* av : state.avenants)
    if (av->id == post.added_by) label += " n°" + std::string(k_nbsp) + std::to_string(av->numero);
  return label;
}

Data post_view(const Model& model, const ConventionState& state, const PostState& post) {
  Data p;
  p.set("numero", text(std::to_string(post.numero)));
  p.set("fonction", text(capitalized(label_fr(post.role))));
  p.set("contrat", text(capitalized(label_fr(post.contrat))));
  p.set("conseiller", text(conseiller_name(model, post)));
  p.set("vacant", Data(!post.conseiller.has_value()));
  p.set("montant", text(fr::money(post.amount)));
  p.set("montant_lettres", text(fr::money_words(post.amount)));
  int months = financed_months(state, post);
  p.set("duree_mois", text(months > 0 ? std::to_string(months) + " mois" : "voir l’échéancier"));
  p.set("derogation", text(post.derogation.value_or("")));
  p.set("has_derogation", Data(post.derogation.has_value()));
  p.set("majoration_outre_mer", Data(post.overseas_increase));
  p.set("provisoire", Data(post.provisional));
  p.set("retire", Data(post.removed_on.has_value()));
  p.set("retire_le", text(post.removed_on ? date_text(*post.removed_on) : ""));
  p.set("ajoute_par_avenant", Data(!post.added_by.empty()));
  // Aid already received through CUI-CIE / PEC, deducted from the amount [004 §2].
  bool deducted = false;
  for (const Derivation& how : post.amount_how) deducted = deducted || how.rule == "aides-emploi";
  p.set("aides_deduites", Data(deducted));
  // A coordinator post replacing a post: when its financing starts [002 III.b].
  p.set("has_financement_debut", Data(post.financing_start.has_value()));
  p.set("financement_debut",
        text(post.financing_start ? date_text(*post.financing_start) : std::string()));
  p.set("has_relais_coordinateur", Data(post.coordinator_from.has_value()));
  p.set("relais_coordinateur",
        text(post.coordinator_from ? date_text(*post.coordinator_from) : std::string()));
  p.set("convention_coordinateur", text(post.coordinator_convention));
  p.set("has_convention_coordinateur", Data(!post.coordinator_convention.empty()));
  return p;
}

}  // namespace

std::string date_text(Date day) {
  std::string out;
  for (char c : fr::date_long(day)) {
    if (c == ' ')
      out += k_nbsp;
    else
      out += c;
  }
  return out;
}

Data structure_view(const Model& model, const Structure& s) {
  (void)model;
  Data v;
  v.set("nom", text(s.nom));
  v.set("siret", text(siret_grouped(s.siret)));
  std::string address = s.adresse.ligne ? *s.adresse.ligne + ", " : "";
  address += s.adresse.code_postal + " " + s.adresse.commune;
  v.set("adresse", text(address));
  v.set("commune", text(s.adresse.commune));
  v.set("departement", text(s.departement));
  v.set("type", text(capitalized(label_fr(s.type))));
  v.set("famille", text(std::string(label_fr(s.family()))));
  v.set("prive", Data(s.family() == Family::Prive));
  v.set("collectivite", Data(s.family() == Family::Collectivite));
  v.set("territoire", text(territory_label(s.departement)));
  v.set("has_iban", Data(s.iban.has_value()));
  v.set("iban", text(s.iban ? iban_grouped(*s.iban) : std::string()));
  v.set("has_bic", Data(s.bic.has_value()));
  v.set("bic", text(s.bic.value_or("")));
  Data rep;
  rep.set("nom", text(s.representant.nom));
  rep.set("qualite", text(s.representant.qualite));
  v.set("representant", rep);
  return v;
}

Data financeur_view(const Baremes& baremes) {
  const Financeur& f = baremes.financeur;
  Data v;
  v.set("denomination",
        text(f.denomination.empty() ? std::string("Caisse des dépôts et consignations")
                                    : f.denomination));
  v.set("has_statut", Data(!f.statut.empty()));
  v.set("statut", text(f.statut));
  v.set("has_siege", Data(!f.siege.empty()));
  v.set("siege", text(f.siege));
  v.set("marque", text(f.marque.empty() ? std::string("Banque des Territoires") : f.marque));
  v.set("has_signataire_nom", Data(!f.signataire_nom.empty()));
  v.set("signataire_nom", text(f.signataire_nom));
  v.set("has_signataire_qualite", Data(!f.signataire_qualite.empty()));
  v.set("signataire_qualite", text(f.signataire_qualite));
  return v;
}

Data document_view(const std::string& acte, std::optional<Date> deliberation) {
  Data v;
  v.set("acte", text(acte));
  v.set("has_deliberation", Data(deliberation.has_value()));
  v.set("deliberation", text(deliberation ? date_text(*deliberation) : std::string()));
  return v;
}

std::string sentence_body(std::string_view text) {
  // A value ending a sentence of the template loses its own final full stop, so that
  // "… du Solesmois." followed by the template's "." does not print "..".
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  if (text.ends_with("...") || text.ends_with("…")) return std::string(text);
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

Data regime_view(const Regime& r) {
  Data v;
  v.set("id", text(r.id));
  v.set("libelle", text(r.label));
  v.set("relance_2020", Data(r.id == "relance-2020"));
  v.set("relance_2021", Data(r.id == "relance-2021"));
  v.set("coordinateur_2023", Data(r.id == "coordinateur-2023"));
  v.set("ancrage_formation", Data(r.anchor == Anchor::FormationDepart));
  v.set("versement_unique", Data(r.tranches.size() == 1));
  v.set("source_echeancier", text(r.schedule_source));
  Data tranches = list();
  for (std::size_t i = 0; i < r.tranches.size(); ++i) {
    Data t;
    t.set("numero", text(std::to_string(i + 1)));
    t.set("pourcentage", text(fr::percent(r.tranches[i].pct)));
    int m = r.tranches[i].offset_months;
    t.set("delai", text(std::to_string(m) + " mois"));
    t.set("dernier", Data(i + 1 == r.tranches.size()));
    tranches.push_back(t);
  }
  v.set("tranches", tranches);
  return v;
}

Data convention_header_view(const ConventionState& state) {
  const Convention& c = *state.record;
  Data v;
  v.set("id", text(c.id));
  v.set("dossier", text(c.dossier.value_or("")));
  v.set("has_dossier", Data(c.dossier.has_value()));
  v.set("signature", text(date_text(c.signature)));
  v.set("debut", text(date_text(c.debut)));
  v.set("fin", text(date_text(c.fin)));
  v.set("duree_mois", text(std::to_string(months_covered(c.debut, c.fin))));
  return v;
}

Data posts_view(const Model& model, const ConventionState& state, const ConventionVersion& v) {
  Data posts = list();
  for (const PostState& post : v.posts) posts.push_back(post_view(model, state, post));
  return posts;
}

Data schedule_view(const Model& model, const ConventionState& state, const ConventionVersion& v) {
  (void)model;
  Data rows = list();
  for (const PostState& post : v.posts) {
    for (const TrancheLine& t : post.tranches) {
      Data r;
      r.set("poste", text(std::to_string(post.numero)));
      r.set("tranche", text(std::to_string(t.number)));
      r.set("pourcentage", text(fr::percent(t.pct)));
      r.set("ancre", text(anchor_label(state, post, t)));
      r.set("ancre_date", text(date_text(t.anchor)));
      r.set("echeance", text(date_text(t.due)));
      r.set("montant", text(fr::money(t.amount)));
      r.set("provisoire", Data(t.provisional));
      rows.push_back(r);
    }
  }
  return rows;
}

Data total_view(Money total) {
  Data v;
  v.set("montant", text(fr::money(total)));
  v.set("lettres", text(fr::money_words(total)));
  return v;
}

void add_version_notes(Data& view, const Model& model, const ConventionState& state,
                       const ConventionVersion& version) {
  bool provisional = false;
  Data derogations = list();
  for (const PostState& post : version.posts) {
    provisional = provisional || post.provisional;
    if (!post.derogation) continue;
    Data d;
    d.set("poste", text(std::to_string(post.numero)));
    d.set("montant", text(fr::money(post.amount)));
    d.set("texte", text(*post.derogation));
    derogations.push_back(d);
  }
  view.set("has_provisoire", Data(provisional));
  view.set("has_derogations", Data(!derogations.is_empty_list()));
  view.set("derogations", derogations);

  // The overseas paragraph applies only where a post received the DROM increase (§3.3).
  const OverseasIncrease* increase = model.baremes.overseas_for(state.structure->departement);
  bool applies = false;
  for (const PostState& post : version.posts) applies = applies || post.overseas_increase;
  Data overseas;
  overseas.set("applique", Data(applies && increase != nullptr));
  // The structure's own territory, not the group the increase covers (issue 21).
  overseas.set("territoire", text(increase ? state.territory : ""));
  overseas.set("montant", text(increase ? fr::money(increase->amount) : ""));
  view.set("outre_mer", overseas);
}

}  // namespace tampon::convention_pdf
