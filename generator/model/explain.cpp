// `tampon explain convention ID`: how each amount and each tranche was derived, in French,
// read only from the derivation records (nothing is recomputed here).
#include <sstream>

#include "rules/fr_text.hpp"
#include "rules/validate.hpp"

namespace tampon {
namespace {

void write_header(std::ostream& out, const Model& model, const ConventionState& s) {
  const Convention& c = *s.record;
  out << "Convention " << c.id << " — " << s.structure->nom << " (" << s.structure->id << ", "
      << label_fr(s.structure->family()) << ", département " << s.structure->departement << ")\n";
  out << "Régime " << s.regime->id << " : " << s.regime->label << "\n";
  out << "Signée le " << c.signature.iso() << ", période du " << c.debut.iso() << " au "
      << c.fin.iso() << ". Statuts au " << model.as_of.iso() << ".\n";
}

std::string version_title(const Model& model, const ConventionVersion& v) {
  if (v.avenant.empty()) return "Convention signée";
  const Avenant* av = model.avenant(v.avenant);
  if (!av) return "Avenant " + v.avenant;
  return "Après l'avenant n° " + std::to_string(av->numero) + " (" + av->id + ", " +
         std::string(label_fr(av->objet)) + ", " + av->date.iso() + ")";
}

void write_status(std::ostream& out, const TrancheLine& t) {
  out << "statut : " << name(t.status);
  if (t.paid_date) out << " le " << t.paid_date->iso();
  if (t.paid_amount) out << " (" << text::money(*t.paid_amount) << ")";
  if (t.after_rupture) out << " ; échéance postérieure à la rupture du contrat";
}

void write_tranche(std::ostream& out, const TrancheLine& t) {
  out << "      Tranche " << t.number << " (" << t.regime << ") : " << t.pct << " % — "
      << text::money(t.amount) << ", échéance " << t.due.iso() << " — ";
  write_status(out, t);
  out << "\n";
  for (const auto& d : t.how) out << "        · " << d.text << "\n";
}

void write_post(std::ostream& out, const PostState& p) {
  out << "  Poste " << p.numero << " — " << label_fr(p.role) << ", "
      << (p.conseiller ? *p.conseiller : std::string("vacant")) << ", " << label_fr(p.contrat)
      << " : " << text::money(p.amount);
  if (!p.added_by.empty()) out << " (ajouté par " << p.added_by << ")";
  if (p.removed_on) out << " (retiré le " << p.removed_on->iso() << ")";
  if (p.provisional) out << " [échéancier provisoire]";
  out << "\n    Montant :\n";
  for (const auto& d : p.amount_how) {
    out << "      · " << d.text;
    if (!d.source.empty()) out << " " << d.source;
    out << "\n";
  }
  if (p.derogation) out << "      · Dérogation : " << *p.derogation << "\n";
  out << "    Tranches :\n";
  for (const auto& t : p.tranches) write_tranche(out, t);
}

}  // namespace

std::string explain_convention(const Model& model, std::string_view convention_id) {
  const ConventionState* s = model.convention_state(convention_id);
  if (!s) return {};
  std::ostringstream out;
  write_header(out, model, *s);
  for (const auto& v : s->versions) {
    out << "\n"
        << version_title(model, v) << " — fin " << v.fin.iso() << ", total " << text::money(v.total)
        << "\n";
    for (const auto& p : v.posts) write_post(out, p);
  }
  return out.str();
}

}  // namespace tampon
