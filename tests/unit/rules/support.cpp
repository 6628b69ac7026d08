#include "support.hpp"
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <stdexcept>

namespace tampon::testing {
namespace {

using CT = ContractType;
using F = Family;

GridRow row(std::string id, std::vector<F> families, std::vector<CT> contracts, long euros,
            int months, OverseasPolicy overseas = OverseasPolicy::None) {
  GridRow r;
  r.id = std::move(id);
  r.label = "ligne " + r.id;
  r.families = std::move(families);
  r.contracts = std::move(contracts);
  r.amount = Money::euros(euros);
  r.months = months;
  r.overseas = overseas;
  r.source = "[test]";
  return r;
}

const std::vector<CT> k_public = {CT::CdiDroitPublic, CT::CddDroitPublic,
                                  CT::ContratDeProjetDroitPublic, CT::Titulaire};

Regime relance(std::string id, std::vector<F> eligible, Anchor anchor) {
  Regime r;
  r.id = std::move(id);
  r.label = "France Relance " + r.id;
  r.eligible = std::move(eligible);
  r.eligibility_source = "[000]";
  r.grid = {
      row("public-50000", {F::Collectivite, F::PublicRattache}, k_public, 50000, 24,
          OverseasPolicy::Increased),
      row("prive-40000", {F::Prive}, {CT::CdiDroitPrive, CT::ContratDeProjetDroitPrive}, 40000, 24),
      row("prive-cdd-32000", {F::Prive}, {CT::CddDroitPrive}, 32000, 18),
      row("autre-public-cdd-37500", {F::AutrePublic}, {CT::CddDroitPrive, CT::CddDroitPublic},
          37500, 18, OverseasPolicy::Unknown)};
  r.anchor = anchor;
  r.tranches = {{20, 1}, {30, 6}, {50, 12}};
  r.schedule_source = "[000 III.3]";
  return r;
}

Regime coordinateur() {
  Regime r;
  r.id = "coordinateur-2023";
  r.label = "Conseillers numériques coordinateurs";
  r.role = Role::Coordinateur;
  r.eligible = {F::Collectivite, F::PublicRattache, F::AutrePublic, F::Prive};
  r.eligibility_source = "[002 II.a]";
  r.grid = {
      row("coord-collectivite-50000", {F::Collectivite}, k_public, 50000, 24,
          OverseasPolicy::Increased),
      row("coord-public-cdd-37500", {F::PublicRattache, F::AutrePublic},
          {CT::CddDroitPrive, CT::CddDroitPublic}, 37500, 18, OverseasPolicy::Unknown),
      row("coord-prive-cdi-40000", {F::Prive}, {CT::CdiDroitPrive}, 40000, 24),
      row("coord-prive-cdd-32000", {F::Prive}, {CT::CddDroitPrive}, 32000, 18),
      row("coord-prive-projet-40000", {F::Prive}, {CT::ContratDeProjetDroitPrive}, 40000, 24)};
  r.anchor = Anchor::Signature;
  r.tranches = {{100, 1}};
  r.schedule_source = "[002 IV.d]";
  return r;
}

// The files of a hand-built project; two records with one id get two files.
struct Files {
  SourceFiles& table;
  std::map<std::string, int> seen;
  std::uint32_t add(std::string path) {
    // Later copies go to sub-folders that sort after the first file.
    int n = ++seen[path];
    auto slash = path.rfind('/');
    for (int i = 1; i < n; ++i) path.insert(slash + 1, "zz/");
    return table.add(path);
  }
};

// Gives each field of a record its own line in the record's own file.
class Placer {
 public:
  Placer(Files& files, FieldLocs& locs, const std::string& path)
      : m_file(files.add(path)), m_locs(locs) {
    m_locs.record = {m_file, 1, 1};
  }
  void put(const std::string& path) {
    m_line += 1;
    auto depth = static_cast<std::uint32_t>(std::count(path.begin(), path.end(), '.'));
    m_locs.set(path, {m_file, m_line, 1 + 2 * depth});
  }
  void put_if(bool present, const std::string& path) {
    if (present) put(path);
  }

 private:
  std::uint32_t m_file;
  std::uint32_t m_line = 1;
  FieldLocs& m_locs;
};

void place_postes(Placer& p, const std::vector<Poste>& postes, const std::string& name) {
  for (std::size_t i = 0; i < postes.size(); ++i) {
    std::string base = name + "[" + std::to_string(i) + "]";
    p.put(base);
    for (const char* f : {".numero", ".role"}) p.put(base + f);
    p.put_if(postes[i].conseiller.has_value(), base + ".conseiller");
    p.put_if(postes[i].contrat.has_value(), base + ".contrat");
    p.put_if(postes[i].montant.has_value(), base + ".montant");
    p.put_if(postes[i].derogation.has_value(), base + ".derogation");
  }
}

void place(Files& files, Structure& s) {
  Placer p(files, s.locs, "data/structures/" + s.id + ".yaml");
  for (const char* f : {"id", "nom", "type", "siret", "adresse", "departement", "representant",
                        "contact", "contrat_de_projet_autorise"})
    p.put(f);
}

void place(Files& files, Conseiller& c) {
  Placer p(files, c.locs, "data/conseillers/" + c.id + ".yaml");
  for (const char* f : {"id", "prenom", "nom", "courriel", "structure", "role"}) p.put(f);
  if (const auto& r = c.recrutement) {
    p.put("recrutement");
    p.put_if(r->presentation.has_value(), "recrutement.presentation");
    p.put_if(r->selection.has_value(), "recrutement.selection");
    p.put_if(r->signature_contrat.has_value(), "recrutement.signature_contrat");
    p.put_if(r->notification_poste.has_value(), "recrutement.notification_poste");
  }
  for (const char* f : {"contrat", "contrat.type", "contrat.debut"}) p.put(f);
  p.put_if(c.contrat.fin.has_value(), "contrat.fin");
  for (const char* f :
       {"contrat.heures_hebdo", "contrat.salaire_brut_mensuel", "contrat.aides_emploi"})
    p.put(f);
  if (const auto& f = c.formation) {
    p.put("formation");
    p.put_if(f->depart.has_value(), "formation.depart");
    p.put_if(f->heures.has_value(), "formation.heures");
    p.put("formation.exemption");
  }
  p.put_if(c.rupture.has_value(), "rupture");
  p.put_if(c.rupture.has_value(), "rupture.date");
}

void place(Files& files, Convention& c) {
  Placer p(files, c.locs, "data/conventions/" + c.id + ".yaml");
  for (const char* f : {"id", "structure", "regime", "signature", "debut", "fin", "postes"})
    p.put(f);
  place_postes(p, c.postes, "postes");
}

void place(Files& files, Avenant& a) {
  Placer p(files, a.locs, "data/avenants/" + a.id + ".yaml");
  for (const char* f : {"id", "convention", "numero", "date", "objet"}) p.put(f);
  place_postes(p, a.postes_ajoutes, "postes_ajoutes");
  for (std::size_t i = 0; i < a.postes_retires.size(); ++i)
    p.put("postes_retires[" + std::to_string(i) + "]");
  if (a.substitution)
    for (const char* f : {"substitution", "substitution.poste", "substitution.contrat"}) p.put(f);
  p.put_if(a.nouvelle_fin.has_value(), "nouvelle_fin");
  p.put("motif");
}

void place(Files& files, Versement& v) {
  Placer p(files, v.locs,
           "data/versements/" + v.convention + "-" + std::to_string(v.poste) + "-" +
               std::to_string(v.tranche) + ".yaml");
  for (const char* f : {"convention", "poste", "tranche", "date", "montant", "statut"}) p.put(f);
}

void place(Files& files, Rapport& r) {
  Placer p(files, r.locs, "data/rapports/" + r.conseiller + "-" + r.mois.iso() + ".yaml");
  for (const char* f : {"structure", "conseiller", "mois"}) p.put(f);
}

void place(Files& files, Depense& dep) {
  Placer p(files, dep.locs, "data/depenses/" + dep.structure + "-" + dep.trimestre.iso() + ".yaml");
  for (const char* f : {"structure", "convention", "trimestre"}) p.put(f);
  for (std::size_t i = 0; i < dep.lignes.size(); ++i)
    p.put("lignes[" + std::to_string(i) + "].conseiller");
}

}  // namespace

Date d(std::string_view iso) { return Date::parse(iso).value(); }
Money eur(double euros) { return Money::cents(std::llround(euros * 100)); }

const LoadResult& shipped_defaults() {
  static const LoadResult loaded = [] {
    auto empty = std::filesystem::temp_directory_path() /
                 ("tampon-rules-empty-project-" + std::to_string(::getpid()));
    std::filesystem::create_directories(empty);
    ProjectContext project{empty, TAMPON_SOURCE_DIR};
    return load_project(project, LoadOptions{1, {}});
  }();
  return loaded;
}

Baremes domain_baremes() {
  Baremes b;
  b.file = "data/baremes.yaml";
  b.convention_max_months = 36;
  b.convention_max_source = "[000 II.3]";
  b.overseas = {
      {{"974", "976"}, "La Réunion, Mayotte", Money::euros(67500), "[002 II.b]"},
      {{"971", "972", "973"}, "Guadeloupe, Martinique, Guyane", Money::euros(70000), "[002 II.b]"}};
  b.regimes = {
      relance("relance-2020", {F::Collectivite, F::PublicRattache}, Anchor::Signature),
      relance("relance-2021", {F::Collectivite, F::PublicRattache, F::AutrePublic, F::Prive},
              Anchor::FormationDepart),
      coordinateur()};
  return b;
}

SmicTable domain_smic() {
  SmicTable t;
  t.file = "data/smic.yaml";
  auto add = [&](const char* day, double euros) {
    t.rates.push_back({d(day), eur(euros), "[décret]"});
  };
  add("2021-01-01", 1554.58);
  add("2021-10-01", 1589.47);
  add("2022-01-01", 1603.12);
  add("2022-05-01", 1645.58);
  add("2022-08-01", 1678.95);
  add("2023-01-01", 1709.28);
  add("2023-05-01", 1747.20);
  return t;
}

Structure structure(std::string id, StructureType type, std::string departement) {
  Structure s;
  s.id = std::move(id);
  s.nom = "Structure " + s.id;
  s.type = type;
  s.siret = "21590139700012";
  s.adresse = {std::nullopt, "59540", "Caudry"};
  s.departement = std::move(departement);
  s.representant = {"Serge Simeon", "Président"};
  s.contact = {"Jeanne Martin", "jeanne.martin@example.org", std::nullopt};
  return s;
}

Conseiller conseiller(std::string id, std::string structure) {
  Conseiller c;
  c.id = std::move(id);
  c.prenom = "Camille";
  c.nom = "Durand";
  c.courriel = "camille@example.org";
  c.structure = std::move(structure);
  c.recrutement = Recrutement{d("2021-03-01"), d("2021-03-10"), d("2021-03-20"), std::nullopt};
  c.contrat = {CT::CddDroitPublic, d("2021-04-01"), d("2022-09-30"), 35, eur(1700), Money{}};
  c.formation = Formation{d("2021-04-12"), 280, false};
  return c;
}

Poste poste(int numero, std::optional<std::string> conseiller, std::optional<CT> contrat) {
  Poste p;
  p.numero = numero;
  p.conseiller = std::move(conseiller);
  p.contrat = contrat;
  return p;
}

Convention convention(std::string id, std::string structure, std::string regime,
                      std::vector<Poste> postes) {
  Convention c;
  c.id = std::move(id);
  c.structure = std::move(structure);
  c.regime = std::move(regime);
  c.signature = d("2021-04-02");
  c.debut = d("2021-04-01");
  c.fin = d("2023-03-31");
  c.postes = std::move(postes);
  return c;
}

Avenant avenant(std::string id, std::string convention, int numero, std::string date,
                AvenantObjet objet) {
  Avenant a;
  a.id = std::move(id);
  a.convention = std::move(convention);
  a.numero = numero;
  a.date = d(date);
  a.objet = objet;
  a.motif = "motif";
  return a;
}

Rapport rapport(std::string structure, std::string conseiller, std::string mois) {
  Rapport r;
  r.structure = std::move(structure);
  r.conseiller = std::move(conseiller);
  r.mois = Month::parse(mois).value();
  return r;
}

Project::Project() {
  input.baremes = domain_baremes();
  input.smic = domain_smic();
}

Project& Project::add(Structure s) {
  input.records.structures.push_back(std::move(s));
  return *this;
}
Project& Project::add(Conseiller c) {
  input.records.conseillers.push_back(std::move(c));
  return *this;
}
Project& Project::add(Convention c) {
  input.records.conventions.push_back(std::move(c));
  return *this;
}
Project& Project::add(Avenant a) {
  input.records.avenants.push_back(std::move(a));
  return *this;
}
Project& Project::add(Versement v) {
  input.records.versements.push_back(std::move(v));
  return *this;
}
Project& Project::add(Rapport r) {
  input.records.rapports.push_back(std::move(r));
  return *this;
}
Project& Project::add(Depense x) {
  input.records.depenses.push_back(std::move(x));
  return *this;
}

Outcome Project::run(Date as_of) {
  LoadResult copy = input;
  RecordSet& r = copy.records;
  Files files{r.files, {}};
  for (auto& x : r.structures) place(files, x);
  for (auto& x : r.conseillers) place(files, x);
  for (auto& x : r.conventions) place(files, x);
  for (auto& x : r.avenants) place(files, x);
  for (auto& x : r.versements) place(files, x);
  for (auto& x : r.rapports) place(files, x);
  for (auto& x : r.depenses) place(files, x);
  Outcome out;
  out.diagnostics = passed_in;
  out.model = validate(std::move(copy), as_of, out.diagnostics);
  return out;
}

std::vector<Diagnostic> Outcome::with(std::string_view code) const {
  std::vector<Diagnostic> out;
  for (const auto& x : diagnostics)
    if (x.code == code) out.push_back(x);
  return out;
}

Location Outcome::at(const FieldLocs& locs, std::string_view path) const {
  return model.where(locs.at(path));
}

const ConventionState& Outcome::state(std::string_view id) const {
  const ConventionState* s = model.convention_state(id);
  if (!s) throw std::runtime_error("convention non dérivée : " + std::string(id));
  return *s;
}

const PostState& Outcome::post(std::string_view convention, int numero) const {
  for (const auto& p : state(convention).current().posts)
    if (p.numero == numero) return p;
  throw std::runtime_error("poste absent");
}

std::string Outcome::codes() const {
  std::string out;
  for (const auto& x : diagnostics)
    out += (out.empty() ? "" : ", ") + x.code + "@" + x.where.file + ":" +
           std::to_string(x.where.line) + " (" + x.message + ")";
  return out.empty() ? "(aucun diagnostic)" : out;
}

Project valid_project() {
  Project p;
  p.add(structure("s-1"))
      .add(conseiller("cn-1", "s-1"))
      .add(convention("cv-1", "s-1", "relance-2021", {poste(1, "cn-1")}));
  return p;
}

}  // namespace tampon::testing
