// `tampon explain convention ID`: how each amount and each tranche was derived, in French,
// read only from the derivation records (nothing is recomputed here).
#include <sstream>

#include "model/explain.hpp"

#include "core/fr_text.hpp"
#include "model/derive.hpp"

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
  out << "statut : " << label_fr(t.status) << " [" << name(t.status) << "]";
  if (t.paid_date) out << " le " << t.paid_date->iso();
  if (t.paid_amount) out << " (" << text::money(*t.paid_amount) << ")";
  if (t.after_rupture) out << " ; échéance postérieure à la rupture du contrat";
}

// A source as printed: the documents named in words ("[000 II.1]" is in --format json).
std::string source_text(const std::string& source) { return text::source_in_words(source); }

void write_reason(std::ostream& out, const model::StatusReason& why) {
  out << "        · pourquoi : " << why.text;
  if (!why.source.empty()) out << " (" << text::source_in_words(why.source) << ")";
  out << "\n";
}

void write_tranche(std::ostream& out, const Model& model, const ConventionState& s,
                   const PostState& p, const TrancheLine& t) {
  out << "      Tranche " << t.number << " (" << t.regime << ") : " << t.pct << " % — "
      << text::money(t.amount) << ", échéance " << t.due.iso() << " — ";
  write_status(out, t);
  out << "\n";
  write_reason(out, model::status_reason(model, s, p, t));
  for (const auto& d : t.how) {
    out << "        · " << d.text;
    if (d.source.find('[') != std::string::npos) out << " (" << source_text(d.source) << ")";
    out << "\n";
  }
}

void write_post(std::ostream& out, const Model& model, const ConventionState& s,
                const PostState& p) {
  out << "  Poste " << p.numero << " — " << label_fr(p.role) << ", "
      << (p.conseiller ? *p.conseiller : std::string("vacant")) << ", " << label_fr(p.contrat)
      << " : " << text::money(p.amount);
  if (!p.added_by.empty()) out << " (ajouté par " << p.added_by << ")";
  if (p.removed_on) out << " (retiré le " << p.removed_on->iso() << ")";
  if (p.provisional) out << " [échéancier provisoire]";
  out << "\n    Montant :\n";
  for (const auto& d : p.amount_how) {
    out << "      · " << d.text;
    if (!d.source.empty()) out << " (" << source_text(d.source) << ")";
    out << "\n";
  }
  if (p.derogation) out << "      · Dérogation : " << *p.derogation << "\n";
  out << "    Tranches :\n";
  for (const auto& t : p.tranches) write_tranche(out, model, s, p, t);
}

// Same post, same figures: an avenant left it as it was, so `explain` does not repeat it.
bool same_post(const PostState& a, const PostState& b) {
  if (a.numero != b.numero || a.role != b.role || a.conseiller != b.conseiller ||
      a.contrat != b.contrat || a.amount != b.amount || a.removed_on != b.removed_on ||
      a.tranches.size() != b.tranches.size())
    return false;
  for (std::size_t i = 0; i < a.tranches.size(); ++i)
    if (a.tranches[i].due != b.tranches[i].due || a.tranches[i].amount != b.tranches[i].amount)
      return false;
  return true;
}

const PostState* find_post(const ConventionVersion& v, int numero) {
  for (const auto& p : v.posts)
    if (p.numero == numero) return &p;
  return nullptr;
}

void write_version(std::ostream& out, const Model& model, const ConventionState& s,
                   const ConventionVersion& v, const ConventionVersion* previous) {
  std::string unchanged;
  for (const auto& p : v.posts) {
    const PostState* before = previous ? find_post(*previous, p.numero) : nullptr;
    if (before && same_post(*before, p)) {
      unchanged += (unchanged.empty() ? "" : ", ") + std::to_string(p.numero);
      continue;
    }
    write_post(out, model, s, p);
  }
  if (!unchanged.empty()) out << "  Postes inchangés : " << unchanged << "\n";
}

}  // namespace

std::string explain_convention(const Model& model, std::string_view convention_id) {
  const ConventionState* s = model.convention_state(convention_id);
  if (!s) return {};
  std::ostringstream out;
  write_header(out, model, *s);
  const ConventionVersion* previous = nullptr;
  for (const auto& v : s->versions) {
    out << "\n"
        << version_title(model, v) << " — fin " << v.fin.iso() << ", total " << text::money(v.total)
        << "\n";
    write_version(out, model, *s, v, previous);
    previous = &v;
  }
  return out.str();
}

}  // namespace tampon
